package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lead scoring on the real server and PostgreSQL, over the sandbox's thirteen months of CRM contacts (the demo-data
 * generator plants what converts them): contacts become scored leads with reasons, a web form's lead is scored
 * before the answer, a model is trained, promoted only when it beats what scores, and rolled back; another company
 * sees none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringIT {

    private static Fixture.Tenant tenant;
    private static String admin;
    private static String analyst;
    private static String reader;
    private static String form;
    private static String stranger;

    @BeforeAll
    static void aCompanyWithItsCrmSynced() throws Exception {
        for (String jar : List.of("../plugins/connectors/sandbox/target/sandbox-plugin.jar",
                "../plugins/features/scoring/target/scoring-plugin.jar")) {
            HttpResponse<String> installed = Fixture.installPlugin(Files.readAllBytes(Path.of(jar)));
            assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
            assertThat(Server.json(installed).getString("state")).as(installed.body()).isEqualTo("STARTED");
        }
        tenant = Fixture.tenant("tenant-admin");
        admin = Fixture.token(tenant, List.of("*")).bearer();
        analyst = Fixture.token(tenant, List.of("tenant:read", "dashboards:read", "scoring:read", "scoring:write"))
                .bearer();
        reader = Fixture.token(tenant, List.of("tenant:read", "scoring:read")).bearer();
        form = Fixture.token(tenant, List.of("tenant:read", "scoring:intake")).bearer();
        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        stranger = Fixture.token(other, List.of("*")).bearer();
        for (String plugin : List.of("sandbox", "scoring")) {
            for (String bearer : List.of(admin, stranger)) {
                assertThat(Fixture.call("PUT", "/api/tenant/plugins/" + plugin + "/enablement", bearer,
                        "{\"enabled\":true}").statusCode()).isEqualTo(200);
            }
        }
        // the scheduled training (every 10 days) runs once for a company at the host's first look after it is
        // enabled: let it run now, with no leads yet, so it cannot land in the middle of a test's own training
        until(() -> Server.strings("select job from plugin_job_run where tenant_id = '" + tenant.id()
                + "' and plugin_id = 'scoring' and job = 'train'"), rows -> !rows.isEmpty(), Duration.ofMinutes(1),
                "the scheduled training's first run");
        HttpResponse<String> created = Fixture.call("POST", "/api/tenant/connections", admin,
                "{\"connector\":\"sandbox\",\"name\":\"CRM\",\"accounts\":[\"sandbox-meta\",\"sandbox-google\"],"
                        + "\"settings\":{\"seed\":\"scoring\",\"scale\":\"demo\",\"currency\":\"EUR\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String connection = Server.json(created).getString("id");
        assertThat(Fixture.call("POST", "/api/tenant/connections/" + connection + "/sync", admin, null)
                .statusCode()).isEqualTo(200);
        // the sync's event brings the contacts in; new leads ask for a training run, which we wait out
        until(() -> array(Fixture.call("GET", "/api/plugins/scoring/leads?limit=1", reader, null)).length(),
                n -> n > 0, Duration.ofMinutes(4), "the CRM's contacts as leads");
        until(() -> Server.json(Fixture.call("GET", "/api/plugins/scoring/models", reader, null)),
                m -> m.getObject("training").getString("status").equals("done"), Duration.ofMinutes(2),
                "the training run the first leads asked for");
    }

    @Test
    @Order(1)
    void contactsAreScoredLeadsWithReasons() {
        JsonArray leads = array(Fixture.call("GET", "/api/plugins/scoring/leads?limit=100", reader, null));
        assertThat(leads.length()).isEqualTo(100);
        int previous = 101;
        for (int i = 0; i < leads.length(); i++) {
            JsonObject lead = leads.getObject(i);
            int score = (int) lead.getNumber("score");
            assertThat(score).as("best first").isBetween(0, previous);
            previous = score;
            assertThat(lead.getArray("reasons").length()).as(lead.toJson()).isPositive();
        }
        JsonObject one = Server.json(Fixture.call("GET", "/api/plugins/scoring/leads/"
                + leads.getObject(0).getString("id"), reader, null));
        assertThat(one.getObject("facts").getString("form")).isNotBlank();
        assertThat(one.getArray("history").length()).as("the first score is kept").isPositive();
    }

    @Test
    @Order(2)
    void aFormsLeadIsScoredBeforeTheAnswerAndARetryMakesNoSecond() {
        String body = "{\"email\": \"ada.vp@example.com\", \"name\": \"Ada Lovelace\", \"company\": \"Helix Labs\","
                + " \"jobTitle\": \"VP Marketing\", \"employees\": 450, \"form\": \"Demo request\", \"pageViews\": 14}";
        HttpResponse<String> posted = intake(body, "form-42");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonObject lead = Server.json(posted);
        assertThat(lead.getNumber("score")).isPositive();
        assertThat(lead.getArray("reasons").toJson()).contains("Demo request");
        String id = lead.getString("id");
        JsonObject read = Server.json(Fixture.call("GET", "/api/plugins/scoring/leads/" + id, reader, null));
        assertThat(read.getNumber("score")).isEqualTo(lead.getNumber("score"));

        HttpResponse<String> again = intake(body, "form-42");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Server.json(again).getString("id")).isEqualTo(id);

        assertThat(intake("{\"email\": \"not an address\"}", null).statusCode()).isEqualTo(400);
        assertThat(Fixture.call("POST", "/api/plugins/scoring/leads", reader, body).statusCode())
                .as("reading is not posting").isEqualTo(403);
        HttpResponse<String> foreign = Fixture.call("GET", "/api/plugins/scoring/leads/" + id, stranger, null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(array(Fixture.call("GET", "/api/plugins/scoring/leads", stranger, null)).length()).isZero();
    }

    @Test
    @Order(3)
    void aCsvImportLoadsTheGoodRowsAndReportsEveryBadOne() {
        String csv = "email,name,job title,company size,form\n"
                + "grace.csv@example.com,Grace Hopper,CEO,800,Demo request\n"
                + "nobody,No Body,,,\n"
                + "hugo.csv@example.com,Hugo,Student,lots,\n"
                + "ivy.csv@example.com,Ivy,Marketing Manager,40,Newsletter sign-up\n";
        HttpResponse<String> imported = Server.send(HttpRequest.newBuilder(URI.create(Server.BASE
                        + "/api/plugins/scoring/leads/import")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + analyst)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonObject report = Server.json(imported);
        assertThat(report.getNumber("loaded")).isEqualTo(2);
        assertThat(report.getArray("errors").toJson()).contains("\"line\":3", "\"line\":4", "not an email address",
                "not a whole number");
        JsonArray found = array(Fixture.call("GET", "/api/plugins/scoring/leads?q=.csv%40example.com", reader, null));
        assertThat(found.length()).isEqualTo(2);
        assertThat(found.getObject(0).getString("email")).as("the CEO's demo request first")
                .isEqualTo("grace.csv@example.com");
        HttpResponse<String> refused = Fixture.call("POST", "/api/plugins/scoring/leads/import", analyst,
                "{\"not\": \"csv\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Fixture.call("POST", "/api/plugins/scoring/leads/import", form, "email\na@example.com")
                .statusCode()).as("a form's token only posts leads").isEqualTo(403);

        // data quality: a throwaway address and a second Grace at the same company are told on her page
        HttpResponse<String> throwaway = intake("{\"email\": \"grace@mailinator.com\", \"name\": \"Grace Hopper\","
                + " \"company\": \"\"}", null);
        assertThat(throwaway.statusCode()).as(throwaway.body()).isEqualTo(201);
        JsonObject poor = Server.json(throwaway);
        assertThat(poor.getNumber("quality")).isEqualTo(100 - 30 - 10 - 5);
        assertThat(poor.getArray("qualityIssues").toJson()).contains("A throwaway address (mailinator.com)");
        HttpResponse<String> twin = intake("{\"email\": \"Grace.CSV+promo@example.com\", \"name\": \"Grace Hopper\"}",
                null);
        assertThat(twin.statusCode()).as(twin.body()).isEqualTo(201);
        String graceId = found.getObject(0).getString("id");
        JsonObject grace = Server.json(Fixture.call("GET", "/api/plugins/scoring/leads/" + graceId, reader, null));
        assertThat(grace.getArray("duplicates").toJson()).as("the same address, a +tag and case aside")
                .contains(Server.json(twin).getString("id"), "\"sameEmail\":true");
        JsonArray quality = array(Fixture.call("GET", "/api/plugins/scoring/quality", reader, null));
        assertThat(quality.toJson()).contains("\"source\":\"import\"", "\"source\":\"intake\"");
    }

    @Test
    @Order(4)
    void aModelIsPromotedOnlyWhenItBeatsWhatScoresAndRollsBack() throws Exception {
        // start from the points model, made weak on purpose: one criterion that says nothing about conversion
        while (Fixture.call("POST", "/api/plugins/scoring/models/rollback", analyst, null).statusCode() == 200) {
            // every model that the first run deployed steps down
        }
        HttpResponse<String> weak = Fixture.call("PUT", "/api/plugins/scoring/rules", analyst, "{\"halfLifeDays\":"
                + " 0, \"criteria\": [{\"feature\": \"country\", \"value\": \"DE\", \"points\": 50}],"
                + " \"thresholds\": [{\"band\": \"hot\", \"atLeast\": 70}, {\"band\": \"warm\", \"atLeast\": 40}]}");
        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(200);
        String rules = Server.json(weak).getString("version");

        JsonObject first = train();
        assertThat(first.getObject("training").getString("message")).as(() -> history())
                .contains("is deployed");
        JsonObject champion = first.getArray("models").getObject(0);
        assertThat(champion.getString("status")).isEqualTo("champion");
        JsonObject evaluation = champion.getObject("card").getObject("evaluation");
        // the demo leads' signal gives 0.73 to 0.77 depending on the day the windows fall on (0.749 on 2026-12-07
        // late): well above chance (0.5) is what the test can hold, the promotion below checks the comparison
        assertThat(evaluation.getNumber("auc")).as("on held-out leads").isGreaterThanOrEqualTo(0.70);
        JsonObject top = array(Fixture.call("GET", "/api/plugins/scoring/leads?limit=1", reader, null)).getObject(0);
        assertThat(top.getString("model")).isEqualTo(champion.getString("version"));
        assertThat(top.getNumber("probability")).isBetween(0.0, 1.0);
        assertThat(champion.getObject("card").getObject("choice").getString("words"))
                .as("the forest was compared").contains("tree ensemble");
        HttpResponse<String> drift = Fixture.call("GET", "/api/plugins/scoring/drift", reader, null);
        assertThat(drift.statusCode()).as(drift.body()).isEqualTo(200);
        assertThat(Server.json(drift).getArray("features").length()).as("every input compared").isEqualTo(9);
        assertThat(Fixture.call("GET", "/api/plugins/scoring/drift", stranger, null).statusCode())
                .as("another company has no model").isEqualTo(404);

        // the same leads again: the same model, which does not beat itself
        JsonObject second = train();
        assertThat(second.getArray("models").getObject(0).getString("status")).isEqualTo("challenger");
        assertThat(second.getString("scoring")).isEqualTo(champion.getString("version"));

        HttpResponse<String> back = Fixture.call("POST", "/api/plugins/scoring/models/rollback", analyst, null);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(Server.json(back).getString("scoring")).isEqualTo(rules);
        // the leads are scored again by a job, soon after
        until(() -> array(Fixture.call("GET", "/api/plugins/scoring/leads?limit=1", reader, null)).getObject(0)
                .getString("model"), rules::equals, Duration.ofMinutes(1), "the points model's scores after rollback");
        assertThat(Fixture.call("POST", "/api/plugins/scoring/models/rollback", analyst, null).statusCode())
                .as("nothing left to roll back").isEqualTo(409);
        assertThat(Fixture.call("POST", "/api/plugins/scoring/models/train", reader, null).statusCode())
                .isEqualTo(403);
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + tenant.id()
                + "' and action like 'plugin.scoring.%'")).contains("plugin.scoring.model:trained",
                "plugin.scoring.model:promoted", "plugin.scoring.model:rolled-back", "plugin.scoring.rules:changed");
        JsonObject theirs = Server.json(Fixture.call("GET", "/api/plugins/scoring/models", stranger, null));
        assertThat(theirs.getArray("models").length()).as("no model of this company in another's registry").isZero();
    }

    @Test
    @Order(5)
    void scoresAreWrittenBackToTheCrmTheLeadsCameFromAndOnlyThere() throws Exception {
        assertThat(Fixture.call("POST", "/api/plugins/scoring/crm-sync", reader, null).statusCode())
                .as("reading is not writing").isEqualTo(403);
        HttpResponse<String> asked = Fixture.call("POST", "/api/plugins/scoring/crm-sync", analyst, null);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonObject status = until(() -> Server.json(Fixture.call("GET", "/api/plugins/scoring/crm-sync", reader,
                null)), s -> s.getNumber("written") > 0 && s.getNumber("waiting") == 0, Duration.ofMinutes(2),
                "every sandbox lead's score written to the sandbox CRM");
        assertThat(status.getBoolean("enabled")).isTrue();
        assertThat(status.getArray("targets").getObject(0).getString("source")).isEqualTo("sandbox");
        assertThat(status.getObject("lastRun").getString("state")).isEqualTo("ok");
        long written = (long) status.getNumber("written");

        JsonObject top = array(Fixture.call("GET", "/api/plugins/scoring/leads?limit=50", reader, null)).getObject(0);
        JsonObject lead = Server.json(Fixture.call("GET", "/api/plugins/scoring/leads/" + top.getString("id"),
                reader, null));
        if (lead.getString("source").equals("sandbox")) {
            assertThat(lead.getObject("crm").getNumber("score")).isEqualTo(lead.getNumber("score"));
            assertThat(lead.getObject("crm").hasKey("writtenAt")).isTrue();
        }
        // nothing changed: a second run sends nothing, and the form's and the import's leads are never sent
        assertThat(Fixture.call("POST", "/api/plugins/scoring/crm-sync", analyst, null).statusCode()).isEqualTo(202);
        Thread.sleep(3000);
        JsonObject again = Server.json(Fixture.call("GET", "/api/plugins/scoring/crm-sync", reader, null));
        assertThat((long) again.getNumber("written")).isEqualTo(written);
        assertThat(Server.strings("select count(*) from audit_event where tenant_id = '" + tenant.id()
                + "' and action = 'connection.write'").get(0)).as("each write call audited").isNotEqualTo("0");

        JsonObject theirs = Server.json(Fixture.call("GET", "/api/plugins/scoring/crm-sync", stranger, null));
        assertThat(theirs.getArray("targets").length()).as("another company has no connection").isZero();
        assertThat(theirs.getNumber("written")).isZero();
    }

    @Test
    @Order(6)
    void aPointsModelInTheSettingsIsTheModelAndTheEditorRests() throws Exception {
        String model = "{\"halfLifeDays\": 45, \"criteria\": [{\"feature\": \"form\", \"value\": \"Demo request\","
                + " \"points\": 35}], \"thresholds\": [{\"band\": \"hot\", \"atLeast\": 60}, {\"band\": \"warm\","
                + " \"atLeast\": 30}]}";
        JsonObject settings = Json.createObject();
        settings.put("points-model", model);
        HttpResponse<String> set = Fixture.call("PUT", "/api/tenant/plugins/scoring/settings", admin,
                settings.toJson());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        JsonObject rules = Server.json(Fixture.call("GET", "/api/plugins/scoring/rules", reader, null));
        assertThat(rules.getNumber("halfLifeDays")).isEqualTo(45);
        assertThat(rules.getArray("criteria").length()).isEqualTo(1);
        HttpResponse<String> edit = Fixture.call("PUT", "/api/plugins/scoring/rules", analyst, model);
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(409);
        assertThat(edit.body()).contains("points-model");

        settings.put("points-model", "{\"criteria\": [{\"feature\": \"salary\", \"value\": \"x\", \"points\": 1}]}");
        HttpResponse<String> bad = Fixture.call("PUT", "/api/tenant/plugins/scoring/settings", admin,
                settings.toJson());
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("salary");
        settings.put("points-model", "");
        assertThat(Fixture.call("PUT", "/api/tenant/plugins/scoring/settings", admin, settings.toJson())
                .statusCode()).isEqualTo(200);
        assertThat(Fixture.call("PUT", "/api/plugins/scoring/rules", analyst, model).statusCode())
                .as("the editor is the company's again").isEqualTo(200);
    }

    @Test
    @Order(7)
    void segmentsWithTheHistoryGetModelsOfTheirOwnAndTheRestKeepTheCompanyWideOne() throws Exception {
        JsonObject settings = Json.createObject();
        settings.put("segment-by", "channel");
        settings.put("min-leads", "150");
        settings.put("min-conversions", "15");
        HttpResponse<String> set = Fixture.call("PUT", "/api/tenant/plugins/scoring/settings", admin,
                settings.toJson());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        JsonObject trained = train();
        String message = trained.getObject("training").getString("message");
        JsonArray models = trained.getArray("models");
        List<String> segments = new java.util.ArrayList<>();
        for (int i = 0; i < models.length(); i++) {
            JsonObject m = models.getObject(i);
            if (m.getString("segment").startsWith("channel=")) {
                segments.add(m.getString("segment"));
                assertThat(m.getObject("card").getString("segment")).isEqualTo(m.getString("segment"));
            }
        }
        assertThat(segments).as(message).isNotEmpty();
        for (String segment : segments) {
            assertThat(message).contains(segment.substring("channel=".length()) + ":");
        }
        assertThat(Fixture.call("POST", "/api/plugins/scoring/models/rollback?segment=channel%3DNowhere", analyst,
                null).statusCode()).as("no such segment's model").isEqualTo(409);

        settings.put("segment-by", "none");
        settings.put("min-leads", "1000");
        settings.put("min-conversions", "120");
        assertThat(Fixture.call("PUT", "/api/tenant/plugins/scoring/settings", admin, settings.toJson())
                .statusCode()).isEqualTo(200);
        JsonObject after = train();
        JsonArray all = after.getArray("models");
        for (int i = 0; i < all.length(); i++) {
            JsonObject m = all.getObject(i);
            assertThat(m.getString("segment").equals("all") || !m.getString("status").equals("champion"))
                    .as("segments no longer used step down: " + m.getString("version")).isTrue();
        }
    }

    @Test
    @Order(8)
    void anotherCompanySeesNothingOfItOnAnyRead() throws Exception {
        JsonObject top = array(Fixture.call("GET", "/api/plugins/scoring/leads?limit=1", reader, null)).getObject(0);
        String ours = top.getString("id");
        for (String path : List.of("/leads/" + ours, "/drift")) {
            HttpResponse<String> answer = Fixture.call("GET", "/api/plugins/scoring" + path, stranger, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(Server.json(answer).getString("detail")).as(path).doesNotContain(top.getString("email"))
                    .doesNotContain(ours);
        }
        for (String path : List.of("/leads", "/leads?min=0&max=100&days=3650", "/performance", "/quality?days=3650")) {
            assertThat(array(Fixture.call("GET", "/api/plugins/scoring" + path, stranger, null)).length()).as(path)
                    .isZero();
        }
        JsonArray months = array(Fixture.call("GET", "/api/plugins/scoring/performance/months", stranger, null));
        for (int i = 0; i < months.length(); i++) {
            assertThat(months.getObject(i).getNumber("leads")).as("a month of another company").isZero();
        }
        assertThat(Server.json(Fixture.call("GET", "/api/plugins/scoring/models", stranger, null))
                .getArray("models").length()).isZero();
        assertThat(Server.json(Fixture.call("GET", "/api/plugins/scoring/rules", stranger, null))
                .getString("version")).as("its own default points model, not this company's").isEqualTo("rules-0");
        assertThat(Fixture.call("POST", "/api/plugins/scoring/models/rollback", stranger, null).statusCode())
                .as("nothing of this company to roll back").isEqualTo(409);
        assertThat(Server.json(Fixture.call("GET", "/api/plugins/scoring/leads/" + ours, reader, null))
                .getString("id")).as("and the company still has it").isEqualTo(ours);
    }

    /** The company's model events in order, for a failure's message. */
    private static String history() {
        try {
            return String.join("\n", Server.strings("select occurred_at || ' ' || action || ' ' || coalesce(target_id,"
                    + " '') from audit_event where tenant_id = '" + tenant.id() + "' and action like 'plugin.scoring.%'"
                    + " order by occurred_at"));
        } catch (Exception e) {
            return "(no history: " + e.getMessage() + ")";
        }
    }

    private static JsonObject train() throws Exception {
        HttpResponse<String> asked = Fixture.call("POST", "/api/plugins/scoring/models/train", analyst, null);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        // read while training runs on the same two cores: a read that ran past the call limit is read again
        return until(() -> registry(), m -> m != null && m.getObject("training").getString("status").equals("done"),
                Duration.ofMinutes(2), "training");
    }

    private static JsonObject registry() {
        HttpResponse<String> answer = Fixture.call("GET", "/api/plugins/scoring/models", reader, null);
        if (answer.statusCode() == 502) {
            System.out.println("ScoringIT: the registry answered 502 while training ran: " + answer.body());
            return null;
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Server.json(answer);
    }

    private static HttpResponse<String> intake(String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Server.BASE + "/api/plugins/scoring/leads"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + form).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return Server.send(request.build());
    }

    private static JsonArray array(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.instance().parse(answer.body());
    }

    interface Read<T> {
        T get() throws Exception;
    }

    private static <T> T until(Read<T> read, Predicate<T> done, Duration limit, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            assertThat(System.nanoTime()).as(what + " within " + limit + "; last: " + value).isLessThan(deadline);
            Thread.sleep(1000);
        }
    }
}

package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.catalyst.sdk.testkit.ai.FakeOpenAi;
import io.catalyst.sdk.testkit.ai.Turn;
import org.openqa.selenium.By;

/**
 * Sales calls as a company uses them, against the real server: the sandbox's calls with their transcripts analysed and
 * joined to the CRM; a transcript imported over REST and from the browser, its audit page with the trackers heard and
 * the scorecard, a person's answer; a malformed transcript refused with nothing written; another company's calls,
 * trackers and scorecards out of reach. Screenshots land in target/screenshots.
 */
class CallsBrowserIT {

    private static final String PASSWORD = "Calls-e2e-" + System.nanoTime();
    private static final String BASE = "/api/plugins/calls";

    // rep A answers an inbound call: 0-6 s, customer 6.5-14 s, rep 15-25 s (a question), customer 25.5-30 s,
    // rep 31-40 s with the next step. Rep talk 6 + 10 + 9 = 25 s, customer 7.5 + 4.5 = 12 s: talk ratio 25/37.
    private static final String ASSEMBLYAI = """
            {"id": "it-1", "status": "completed", "audio_duration": 40, "utterances": [
             {"speaker": "A", "start": 0, "end": 6000, "text": "Thanks for calling Acme, this is Maya. How can I help?"},
             {"speaker": "B", "start": 6500, "end": 14000, "text": "We are looking at tools for our sales team."},
             {"speaker": "A", "start": 15000, "end": 25000, "text": "Great. What budget have you set aside for this?"},
             {"speaker": "B", "start": 25500, "end": 30000, "text": "About two thousand a month."},
             {"speaker": "A", "start": 31000, "end": 40000, "text": "Perfect. I will send the proposal tomorrow."}]}
            """;

    private static Fixture.Tenant tenant;
    private static String admin;
    private static String imported;
    private static FakeOpenAi model;

    @org.junit.jupiter.api.AfterAll
    static void stopTheModel() {
        if (model != null) {
            model.close();
        }
    }

    @BeforeAll
    static void aCompanyWithCalls() throws Exception {
        Fixture.installStarted("../plugins/connectors/sandbox/target/sandbox-plugin.jar",
                "../plugins/features/tasks/target/tasks-plugin.jar",
                "../plugins/features/calls/target/calls-plugin.jar");
        tenant = Fixture.tenant("tenant-admin");
        Fixture.password(tenant, PASSWORD);
        admin = Fixture.token(tenant, List.of("*")).bearer();
        Fixture.enable(admin, "sandbox", "tasks", "calls");
        Fixture.sandboxSynced(tenant, admin, "calls");
        // the plugin reads the sync's calls in shortly after the load
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (calls("").length() < 20) {
            assertThat(System.nanoTime()).as("the sandbox's calls analysed within 3 minutes; "
                    + Fixture.pluginStates()).isLessThan(deadline);
            Thread.sleep(1000);
        }
        // the company's own model: a local fake of the OpenAI API whose summary depends on the prompt's version
        model = FakeOpenAi.start().respond(call -> Turn.text(call.lastUserMessage().startsWith("Question:")
                ? "{\"answer\": \"yes\", \"quote\": \"I will send the proposal tomorrow\", \"at\": \"[0:31]\"}"
                : call.lastUserMessage().contains("VERSION-B") ? "A friendly chat about tools."
                : "Budget: about two thousand a month. Next step: a proposal.").usage(100, 20));
        String platform = java.nio.file.Files.readString(java.nio.file.Path.of(Server.env(
                "CATALYST_OPERATOR_TOKEN_FILE"))).trim();
        HttpResponse<String> own = Fixture.call("PUT", "/api/platform/ai/tenants/" + tenant.slug(), platform,
                "{\"baseUrl\":\"" + model.baseUrl() + "\",\"model\":\"fake-gpt\",\"apiKey\":\"sk-test-calls\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);

        HttpResponse<String> created = Fixture.call("POST", BASE + "/calls", admin, Json.createObject().toJson()
                .replace("{}", "{\"transcript\":" + ASSEMBLYAI + ",\"format\":\"assemblyai\",\"direction\":\"inbound\","
                        + "\"rep\":\"" + tenant.email() + "\",\"customerName\":\"Quinn Example\","
                        + "\"startedAt\":\"" + java.time.OffsetDateTime.now().minusHours(1) + "\"}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        imported = Server.json(created).getString("id");
    }

    private static JsonArray calls(String query) {
        HttpResponse<String> list = Fixture.call("GET", BASE + "/calls?from=" + LocalDate.now().minusDays(400)
                + "&limit=500" + query, admin, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return Json.instance().parse(list.body());
    }

    @Test
    void theSandboxsCallsAreAnalysedJoinedToTheCrmAndBenchmarked() {
        JsonArray all = calls("");
        int transcribed = 0;
        int joined = 0;
        int withDeal = 0;
        for (int i = 0; i < all.length(); i++) {
            JsonObject c = all.getObject(i);
            transcribed += c.get("transcriptFormat").getType() == elemental.json.JsonType.STRING ? 1 : 0;
            if (c.hasKey("crm")) {
                joined++;
                withDeal += c.getObject("crm").get("dealId").getType() == elemental.json.JsonType.STRING ? 1 : 0;
            }
        }
        assertThat(transcribed).as("calls with an analysed transcript").isGreaterThan(all.length() / 2);
        assertThat(joined).as("calls matched to a CRM contact by id, number or email").isGreaterThan(all.length() / 2);
        assertThat(withDeal).as("calls joined to their contact's deal").isPositive();

        HttpResponse<String> team = Fixture.call("GET", BASE + "/team?from=" + LocalDate.now().minusDays(400),
                admin, null);
        assertThat(team.statusCode()).as(team.body()).isEqualTo(200);
        JsonObject figures = Server.json(team);
        assertThat(figures.getArray("reps").length()).as("the demo company's reps").isGreaterThanOrEqualTo(5);
        assertThat(figures.getObject("team").getNumber("talkRatio")).isBetween(0.3, 0.8);
    }

    @Test
    void anImportedTranscriptIsAnalysedScoredAndAsksForAFollowUp() {
        JsonObject call = Server.json(Fixture.call("GET", BASE + "/calls/" + imported, admin, null));
        assertThat(call.getString("transcriptFormat")).isEqualTo("assemblyai");
        assertThat(call.getObject("metrics").getNumber("talkRatio")).isCloseTo(25.0 / 37.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(call.getObject("metrics").getObject("rep").getNumber("questions")).isEqualTo(2);
        List<String> heard = new ArrayList<>();
        JsonArray hits = call.getArray("hits");
        for (int i = 0; i < hits.length(); i++) {
            heard.add(hits.getObject(i).getString("tracker"));
        }
        assertThat(heard).contains("Budget", "Next steps");
        JsonArray answers = call.getObject("scorecard").getArray("answers");
        for (int i = 0; i < answers.length(); i++) {
            JsonObject a = answers.getObject(i);
            if (a.getString("question").equals("budget")) {
                assertThat(a.getBoolean("answer")).isTrue();
                assertThat(a.getString("quote")).contains("budget");
            }
            if (a.getString("question").equals("timeline")) {
                assertThat(a.getBoolean("answer")).as("nobody asked when").isFalse();
            }
        }
        assertThat(call.getString("followUp")).contains("send the proposal");
        String tasks = Fixture.call("GET", "/api/plugins/tasks/tasks?limit=200", admin, null).body();
        assertThat(tasks).contains("Follow up with Quinn Example").contains("plugins/calls/call?id=" + imported);

        // a person's answer replaces the tracker's, and says who gave it
        HttpResponse<String> scored = Fixture.call("PUT", BASE + "/calls/" + imported + "/scorecard", admin,
                "{\"answers\":{\"timeline\":true}}");
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        assertThat(scored.body()).contains("\"by\":\"" + tenant.email() + "\"");
        assertThat(Fixture.call("PUT", BASE + "/calls/" + imported + "/scorecard", admin,
                "{\"answers\":{\"no-such-question\":true}}").statusCode()).isEqualTo(400);
    }

    @Test
    void aMalformedTranscriptIsRefusedClearlyAndNothingIsWritten() throws Exception {
        List<String> before = Server.strings("select count(*)::text from plugin_calls.sales_call where tenant_id = '"
                + tenant.id() + "'");
        for (String bad : List.of(
                "{\"transcript\":{\"utterances\":[{\"speaker\":\"A\",\"start\":5000,\"end\":1000,\"text\":\"hi\"}]}}",
                "{\"transcript\":\"{\\\"utterances\\\": [\"}",
                "{\"transcript\":\"\"}", "{\"transcript\":{\"results\":{\"channels\":[]}}}",
                "{\"format\":\"mp3\",\"transcript\":\"Agent: hi\"}", "[1,2]")) {
            HttpResponse<String> refused = Fixture.call("POST", BASE + "/calls", admin, bad);
            assertThat(refused.statusCode()).as(bad + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("content-type").orElse("")).contains("application/problem+json");
        }
        assertThat(Fixture.call("POST", BASE + "/calls", admin, ASSEMBLYAI.replace("\"end\": 1000", "x"))
                .statusCode()).as("a transcript without the envelope").isEqualTo(400);
        assertThat(Server.strings("select count(*)::text from plugin_calls.sales_call where tenant_id = '"
                + tenant.id() + "'")).isEqualTo(before);

        // Deepgram's words with speakers and seconds, and plain text with labels, come in too
        String deepgram = "{\"metadata\":{\"duration\":6.0},\"results\":{\"channels\":[{\"alternatives\":[{"
                + "\"transcript\":\"hello how can i help we need pricing\",\"words\":["
                + "{\"word\":\"hello\",\"start\":0.1,\"end\":0.5,\"speaker\":0,\"punctuated_word\":\"Hello,\"},"
                + "{\"word\":\"how\",\"start\":0.6,\"end\":0.8,\"speaker\":0,\"punctuated_word\":\"how\"},"
                + "{\"word\":\"can\",\"start\":0.8,\"end\":1.0,\"speaker\":0,\"punctuated_word\":\"can\"},"
                + "{\"word\":\"i\",\"start\":1.0,\"end\":1.1,\"speaker\":0,\"punctuated_word\":\"I\"},"
                + "{\"word\":\"help\",\"start\":1.1,\"end\":1.5,\"speaker\":0,\"punctuated_word\":\"help?\"},"
                + "{\"word\":\"we\",\"start\":2.0,\"end\":2.2,\"speaker\":1,\"punctuated_word\":\"We\"},"
                + "{\"word\":\"need\",\"start\":2.2,\"end\":2.5,\"speaker\":1,\"punctuated_word\":\"need\"},"
                + "{\"word\":\"pricing\",\"start\":2.5,\"end\":3.0,\"speaker\":1,\"punctuated_word\":\"pricing.\"}"
                + "]}]}]}}";
        HttpResponse<String> dg = Fixture.call("POST", BASE + "/calls", admin, "{\"transcript\":" + deepgram
                + ",\"direction\":\"inbound\"}");
        assertThat(dg.statusCode()).as(dg.body()).isEqualTo(201);
        assertThat(Server.json(dg).getString("transcriptFormat")).isEqualTo("deepgram");
        HttpResponse<String> text = Fixture.call("POST", BASE + "/calls", admin,
                "{\"transcript\":\"Agent: Thanks for calling, what is your timeline?\\nCaller: We go live in May.\"}");
        assertThat(text.statusCode()).as(text.body()).isEqualTo(201);
        assertThat(text.body()).contains("\"tracker\":\"Timeline\"");
    }

    @Test
    void anotherCompanysCallsTrackersAndScorecardsAreOutOfReach() throws Exception {
        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        String otherAdmin = Fixture.token(other, List.of("*")).bearer();
        Fixture.enable(otherAdmin, "calls");
        String tracker = Json.instance().<JsonArray>parse(Fixture.call("GET", BASE + "/trackers", admin, null)
                .body()).getObject(0).getString("id");
        List<String> problems = new ArrayList<>();
        for (String[] call : new String[][] {{"GET", "/calls/" + imported, null},
                {"PUT", "/calls/" + imported + "/scorecard", "{\"answers\":{\"budget\":false}}"},
                {"DELETE", "/calls/" + imported, null},
                {"PUT", "/trackers/" + tracker, "{\"name\":\"Stolen\",\"phrases\":[\"x\"]}"},
                {"DELETE", "/trackers/" + tracker, null}}) {
            HttpResponse<String> answer = Fixture.call(call[0], BASE + call[1], otherAdmin, call[2]);
            if (answer.statusCode() != 404 || answer.body().contains("Quinn")) {
                problems.add(call[0] + " " + call[1] + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        String prompt = Json.instance().<JsonArray>parse(Fixture.call("GET", BASE + "/prompts?kind=summary", admin,
                null).body()).getObject(0).getString("id");
        for (String[] call : new String[][] {{"POST", "/prompts/" + prompt + "/live", null},
                {"POST", "/test-runs", "{\"prompts\":{\"summary\":\"" + prompt + "\"}}"}}) {
            HttpResponse<String> answer = Fixture.call(call[0], BASE + call[1], otherAdmin, call[2]);
            if (answer.statusCode() != 404 && answer.statusCode() != 400) {
                problems.add(call[0] + " " + call[1] + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Fixture.call("GET", BASE + "/calls?from=" + LocalDate.now().minusDays(400), otherAdmin, null)
                .body()).doesNotContain(imported, "Quinn");
        assertThat(Fixture.call("GET", BASE + "/calls/" + imported, admin, null).statusCode()).isEqualTo(200);

        // reading is not changing: a token that may only read calls imports nothing and edits no tracker
        String reader = Fixture.token(tenant, List.of("tenant:read", "calls:read")).bearer();
        assertThat(Fixture.call("POST", BASE + "/calls", reader, "{\"transcript\":\"Agent: hi\"}").statusCode())
                .isEqualTo(403);
        assertThat(Fixture.call("DELETE", BASE + "/trackers/" + tracker, reader, null).statusCode()).isEqualTo(403);
        assertThat(Fixture.call("GET", BASE + "/calls/" + imported, reader, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aPromptChangeThatBreaksATestCaseShowsAsARegressionWhenTwoVersionsAreCompared() throws Exception {
        HttpResponse<String> fromCall = Fixture.call("POST", BASE + "/test-cases", admin,
                "{\"fromCall\":\"" + imported + "\",\"name\":\"Quinn asks about budget\"}");
        assertThat(fromCall.statusCode()).as(fromCall.body()).isEqualTo(201);
        assertThat(fromCall.body()).contains("hears Budget").contains("hears Next steps");
        HttpResponse<String> explicit = Fixture.call("POST", BASE + "/test-cases", admin, "{\"name\":\"Summary has"
                + " the budget\",\"transcript\":" + Json.create(ASSEMBLYAI).toJson() + ",\"expectations\":["
                + "{\"kind\":\"prompt\",\"target\":\"summary\",\"contains\":\"two thousand\"},"
                + "{\"kind\":\"question\",\"target\":\"budget\",\"expect\":true}]}");
        assertThat(explicit.statusCode()).as(explicit.body()).isEqualTo(201);
        assertThat(Fixture.call("POST", BASE + "/test-cases", admin, "{\"name\":\"Bad\",\"transcript\":\"A: hi\","
                + "\"expectations\":[{\"kind\":\"question\",\"target\":\"weather\"}]}").statusCode())
                .isEqualTo(400);

        try (Browser browser = new Browser(1400, 1000).open("/plugins/calls/prompts")) {
            browser.signIn(tenant.email(), PASSWORD);
            browser.waitFor("#calls-prompt-editor");
            browser.settle();
            browser.type("#calls-prompt-body", "VERSION-B Say something nice about {{customer}}.\n{{transcript}}");
            browser.type("#calls-prompt-note", "warmer");
            browser.press("#calls-prompt-save");
            browser.waitFor(".calls-prompt-version[data-version='2']");
            browser.type("#calls-prompt-body", "{{weather}}");
            browser.press("#calls-prompt-save");
            browser.wait.until(d -> browser.texts("#calls-prompt-error").stream().anyMatch(t -> t.contains(
                    "{{weather}} is not a variable")));
            // version 1 (live) against version 2 on the suite: two runs, one after the other
            browser.press("#calls-prompt-compare-go");
            browser.waitFor("#calls-prompt-comparison a");
            browser.open("/plugins/calls/tests");
            browser.wait.until(d -> browser.driver.findElements(By.cssSelector(
                    ".calls-test-run[data-status=done]")).size() >= 2);
            browser.settle();
            browser.screenshot("calls-tests.png");
            List<String> runs = browser.texts(".calls-test-run-summary");
            assertThat(runs.get(0)).as("version 2, run last").contains("Call summary v2").contains("1 regression");
            assertThat(runs.get(1)).contains("Call summary v1").doesNotContain("regression");
            browser.open("/plugins/calls/prompts");
            browser.waitFor(".calls-prompt-score[data-version='2']");
            String first = browser.texts(".calls-prompt-score[data-version='1']").get(0);
            String second = browser.texts(".calls-prompt-score[data-version='2']").get(0);
            assertThat(second).contains("1 regression").contains("tokens");
            assertThat(percent(second)).as(first + " / " + second).isLessThan(percent(first));
            browser.screenshot("calls-prompts.png");
        }
        assertThat(model.calls()).anyMatch(c -> c.lastUserMessage().contains("VERSION-B"));

        // making version 2 live leaves exactly one live version of the kind, and the audit log says who did it
        JsonArray versions = Json.instance().parse(Fixture.call("GET", BASE + "/prompts?kind=summary", admin, null)
                .body());
        String second = versions.getObject(0).getString("id");
        assertThat(versions.getObject(0).getNumber("version")).isEqualTo(2);
        HttpResponse<String> live = Fixture.call("POST", BASE + "/prompts/" + second + "/live", admin, null);
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        versions = Json.instance().parse(Fixture.call("GET", BASE + "/prompts?kind=summary", admin, null).body());
        List<String> liveOnes = new ArrayList<>();
        for (int i = 0; i < versions.length(); i++) {
            if (versions.getObject(i).getBoolean("live")) {
                liveOnes.add(versions.getObject(i).getString("id"));
            }
        }
        assertThat(liveOnes).containsExactly(second);
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + tenant.id() + "'"))
                .anyMatch(a -> a.contains("calls.prompt.live"));
    }

    private static int percent(String score) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)% passed").matcher(score);
        assertThat(m.find()).as(score).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theAuditPageShowsTheCallAndAPersonScoresItAtDesktopAndPhoneWidth() throws Exception {
        try (Browser browser = new Browser(1400, 1000).open("/plugins/calls/calls")) {
            browser.signIn(tenant.email(), PASSWORD);
            browser.waitFor(".calls-row");
            browser.settle();
            browser.screenshot("calls-list.png");
            browser.open("/plugins/calls/call?id=" + imported);
            browser.waitFor("#calls-hits .calls-hit");
            browser.settle();
            assertThat(browser.texts("#calls-call-title")).containsExactly("Quinn Example");
            assertThat(browser.driver.findElements(By.cssSelector("#calls-timeline .calls-timeline-rep")))
                    .hasSize(3);
            assertThat(browser.texts("#calls-m-talk .calls-tile-value")).containsExactly("68%");
            String title = browser.texts("#calls-scorecard-title").get(0);
            browser.press(".calls-answer[data-question=budget] .calls-answer-no");
            // the scorecard is built anew: for a moment it has no title
            browser.wait.until(d -> browser.texts("#calls-scorecard-title").stream().anyMatch(t -> !t.equals(title)));
            assertThat(browser.texts(".calls-answer[data-question=budget] .calls-answer-verdict"))
                    .containsExactly("No");
            // what no tracker can answer, the model does, on the rep's closing only, with the quote
            browser.press("#calls-model-check");
            browser.wait.until(d -> browser.texts(".calls-answer[data-question=playback] .calls-answer-verdict")
                    .contains("Yes"));
            assertThat(browser.texts(".calls-answer[data-question=playback]").get(0))
                    .contains("I will send the proposal tomorrow").contains("by the model");
            assertThat(model.lastCall().lastUserMessage()).contains("Rep: Perfect. I will send the proposal")
                    .doesNotContain("Customer:").doesNotContain("What budget");
            browser.screenshot("calls-audit-page.png");

            // a person imports a text transcript from the calls screen and lands on its audit page
            java.nio.file.Path file = java.nio.file.Files.createTempFile("call", ".txt");
            java.nio.file.Files.writeString(file, "Agent: Hello, this is the sales team. What is your timeline?\n"
                    + "Caller: We want to go live by March, and the pricing has to work.\n"
                    + "Agent: Understood. Let's book a demo on Thursday.");
            browser.open("/plugins/calls/calls");
            browser.press("#calls-import");
            browser.waitFor("#calls-import-file").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                    .sendKeys(file.toString());
            browser.wait.until(d -> browser.texts("#calls-import-file-name").stream().anyMatch(n -> n.startsWith("call")));
            browser.press("#calls-import-save");
            browser.waitFor("#calls-hits .calls-hit");
            assertThat(browser.driver.getCurrentUrl()).contains("/plugins/calls/call?id=");
            assertThat(browser.texts("#calls-hits .calls-hit")).anyMatch(h -> h.startsWith("Timeline"))
                    .anyMatch(h -> h.startsWith("Pricing"));

            browser.open("/plugins/calls/team");
            browser.waitFor("#calls-team-table .calls-team-rep");
            assertThat(browser.texts("#calls-trend .calls-trend-week")).as("the team week by week").isNotEmpty()
                    .allMatch(w -> w.matches("Week of .*: [0-9]+ calls, scorecard .*, rep talk ratio .*"));
            browser.settle();
            browser.screenshot("calls-team.png");

            browser.open("/plugins/calls/trackers");
            browser.press("#calls-tracker-new");
            browser.waitFor("#calls-tracker-name");
            browser.type("#calls-tracker-name", "Onboarding");
            browser.type("#calls-tracker-phrases", "onboarding\nimplementation plan");
            browser.press("#calls-tracker-save");
            browser.waitFor(".calls-tracker[data-name=Onboarding]");
        }
        // a link to a call opened before signing in (from a task's email) opens the call after signing in
        try (Browser phone = new Browser(390, 844).open("/plugins/calls/call?id=" + imported)) {
            phone.signIn(tenant.email(), PASSWORD);
            phone.waitFor("#calls-scorecard .calls-answer");
            phone.settle();
            phone.screenshot("calls-audit-page-phone.png");
            assertThat(phone.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("nothing wider than the phone").isEqualTo(true);
        }
    }
}

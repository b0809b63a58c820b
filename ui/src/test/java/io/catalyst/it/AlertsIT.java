package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerts plugin on the real server and PostgreSQL, over the sandbox's demo data: the starter rules are made once
 * and back-tested, and the back-test finds the generator's planted tracking outage (40 days ago on meta-ads) and
 * spend spike (12 days ago on google-ads); rules over REST, refused without {@code alerts:write}, and another
 * company's rule is not there.
 */
class AlertsIT {

    private static Fixture.Tenant tenant;
    private static String admin;
    private static String analyst;
    private static String reader;
    private static final String PASSWORD = "Alerts-e2e-" + System.nanoTime();

    @BeforeAll
    static void aCompanyWithTheSandboxSyncedAndAlertsOn() throws Exception {
        Fixture.installStarted("../plugins/connectors/sandbox/target/sandbox-plugin.jar",
                "../plugins/features/alerts/target/alerts-plugin.jar");
        tenant = Fixture.tenant("tenant-admin");
        Fixture.password(tenant, PASSWORD);
        admin = Fixture.token(tenant, List.of("*")).bearer();
        analyst = Fixture.token(tenant, List.of("tenant:read", "dashboards:read", "alerts:read", "alerts:write"))
                .bearer();
        reader = Fixture.token(tenant, List.of("tenant:read", "dashboards:read", "alerts:read")).bearer();
        Fixture.enable(admin, "sandbox", "alerts");
        Fixture.sandboxSynced(tenant, admin, "alerts");
        HttpResponse<String> evaluated = Fixture.call("POST", "/api/plugins/alerts/evaluate", analyst, "{}");
        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
    }

    private static JsonArray rules() {
        HttpResponse<String> answer = Fixture.call("GET", "/api/plugins/alerts/rules", reader, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.instance().parse(answer.body());
    }

    private static JsonObject rule(String name) {
        JsonArray rules = rules();
        for (int i = 0; i < rules.length(); i++) {
            if (rules.getObject(i).getString("name").equals(name)) {
                return rules.getObject(i);
            }
        }
        throw new AssertionError("no rule " + name + " in " + rules.toJson());
    }

    private static List<String> firingDays(JsonObject rule) {
        HttpResponse<String> answer = Fixture.call("GET", "/api/plugins/alerts/history?firing=true&limit=1000&rule="
                + rule.getString("id"), reader, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonArray rows = Json.instance().parse(answer.body());
        List<String> days = new ArrayList<>();
        for (int i = 0; i < rows.length(); i++) {
            days.add(rows.getObject(i).getString("asOf"));
        }
        return days;
    }

    @Test
    void theStarterRulesAreMadeOnceAndTheirBackTestFindsThePlantedIncidents() throws Exception {
        List<String> names = new ArrayList<>();
        JsonArray rules = rules();
        for (int i = 0; i < rules.length(); i++) {
            names.add(rules.getObject(i).getString("name"));
            assertThat(rules.getObject(i).getBoolean("starter")).isTrue();
        }
        assertThat(names).startsWith("Spend spike per campaign", "Tracking broken per channel",
                "Stale data (24 hours)").hasSize(4);

        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        JsonObject tracking = rule("Tracking broken per channel");
        assertThat(tracking.getNumber("backtestFirings")).isGreaterThanOrEqualTo(1);
        assertThat(firingDays(tracking)).anyMatch(d -> Math.abs(LocalDate.parse(d).toEpochDay()
                - today.minusDays(40).toEpochDay()) <= 1);
        JsonObject spike = rule("Spend spike per campaign");
        assertThat(spike.getNumber("backtestFirings")).isGreaterThanOrEqualTo(1);
        assertThat(firingDays(spike)).anyMatch(d -> Math.abs(LocalDate.parse(d).toEpochDay()
                - today.minusDays(12).toEpochDay()) <= 1);

        // deleting a starter rule does not bring it back
        String stale = rule("Stale data (24 hours)").getString("id");
        assertThat(Fixture.call("DELETE", "/api/plugins/alerts/rules/" + stale, analyst, null).statusCode())
                .isEqualTo(204);
        assertThat(Fixture.call("POST", "/api/plugins/alerts/evaluate", analyst, "{}").statusCode()).isEqualTo(200);
        assertThat(rules().length()).isEqualTo(3);
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + tenant.id()
                + "' and action like 'plugin.alerts.alert-rule:%'")).contains("plugin.alerts.alert-rule:created",
                "plugin.alerts.alert-rule:deleted");
    }

    @Test
    void rulesOverRest() {
        String body = "{\"name\": \"CPC above 5\", \"kind\": \"threshold\", \"metric\": \"cpc\", \"level\":"
                + " \"campaign\", \"params\": {\"threshold\": 5, \"minSpend\": 10}, \"notify\": {\"role\": \"analyst\"}}";
        HttpResponse<String> created = Fixture.call("POST", "/api/plugins/alerts/rules", analyst, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject rule = Json.parse(created.body());
        String id = rule.getString("id");
        assertThat(rule.getNumber("backtestFirings")).isGreaterThanOrEqualTo(0);

        assertThat(Fixture.call("GET", "/api/plugins/alerts/rules/" + id, reader, null).statusCode()).isEqualTo(200);
        HttpResponse<String> changed = Fixture.call("PUT", "/api/plugins/alerts/rules/" + id, analyst,
                body.replace("\"threshold\": 5", "\"threshold\": 7"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Json.parse(changed.body()).getObject("params").getNumber("threshold")).isEqualTo(7.0);
        HttpResponse<String> preview = Fixture.call("POST", "/api/plugins/alerts/rules/preview", analyst, body);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(Json.parse(preview.body()).getNumber("days")).isEqualTo(45.0);

        for (String hostile : List.of("nope", "{\"name\": \"x\", \"kind\": \"threshold\", \"metric\": \"nope\"}",
                "{\"name\": \"x\", \"kind\": \"threshold\", \"metric\": \"cpc\", \"params\": {\"threshold\": 1e400}}",
                "{\"name\": \"" + "y".repeat(50_000) + "\"}")) {
            HttpResponse<String> refused = Fixture.call("POST", "/api/plugins/alerts/rules", analyst, hostile);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        }

        HttpResponse<String> forbidden = Fixture.call("POST", "/api/plugins/alerts/rules", reader, body);
        assertThat(forbidden.statusCode()).as("without alerts:write").isEqualTo(403);
        assertThat(Fixture.call("DELETE", "/api/plugins/alerts/rules/" + id, reader, null).statusCode())
                .isEqualTo(403);

        assertThat(Fixture.call("DELETE", "/api/plugins/alerts/rules/" + id, analyst, null).statusCode())
                .isEqualTo(204);
        assertThat(Fixture.call("GET", "/api/plugins/alerts/rules/" + id, reader, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherCompanysRuleIsNotThere() throws Exception {
        String id = rule("Tracking broken per channel").getString("id");
        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        String otherAdmin = Fixture.token(other, List.of("*")).bearer();
        assertThat(Fixture.call("PUT", "/api/tenant/plugins/alerts/enablement", otherAdmin, "{\"enabled\":true}")
                .statusCode()).isEqualTo(200);
        assertThat(Fixture.call("GET", "/api/plugins/alerts/rules/" + id, otherAdmin, null).statusCode())
                .isEqualTo(404);
        assertThat(Fixture.call("DELETE", "/api/plugins/alerts/rules/" + id, otherAdmin, null).statusCode())
                .isEqualTo(404);
        assertThat(Fixture.call("GET", "/api/plugins/alerts/history?rule=" + id, otherAdmin, null).statusCode())
                .isEqualTo(404);
        assertThat(Fixture.call("GET", "/api/plugins/alerts/rules/" + id, reader, null).statusCode()).isEqualTo(200);
    }

    /**
     * The alert screen reads {@code ?id=} both when opened by address and when reached by a link inside the app,
     * and the alerts screen fits a phone.
     */
    @Test
    void theAlertScreenOpensTheAlertOfItsAddressAndFitsAPhone() throws Exception {
        HttpResponse<String> listed = Fixture.call("GET", "/api/plugins/alerts/alerts?limit=1000", reader, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonArray alerts = Json.instance().parse(listed.body());
        assertThat(alerts.length()).as("the evaluation made alert instances").isPositive();
        JsonObject alert = alerts.getObject(0);
        try (Browser phone = new Browser(390, 844)) {
            phone.open("/plugins/alerts/alerts");
            phone.signIn(tenant.email(), PASSWORD);
            phone.waitFor("#alerts-screen");
            phone.open("/plugins/alerts/alert?id=" + alert.getString("id"));
            phone.waitFor("#alert-screen");
            phone.settle();
            phone.screenshot("alert-detail-phone.png");
            assertThat(phone.texts("#alert-screen h2").get(0)).isEqualTo(alert.getString("rule") + ": "
                    + alert.getString("label"));

            phone.open("/plugins/alerts/alerts");
            phone.waitFor("#alerts-screen .alert-card a");
            phone.settle();
            assertThat((Long) phone.driver.executeScript("return document.documentElement.scrollWidth"))
                    .as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390L);
            phone.screenshot("alerts-phone.png");
            String title = (String) phone.driver.executeScript(
                    "return document.querySelector('#alerts-screen .alert-card a').textContent");
            // the first card may sit in a folded group (normal alerts): follow its link as a click would
            phone.driver.executeScript("document.querySelector('#alerts-screen .alert-card a').click()");
            phone.wait.until(d -> !phone.texts("#alert-screen h2").isEmpty());
            assertThat(phone.texts("#alert-screen h2").get(0)).isEqualTo(title);

            phone.open("/plugins/alerts/rules");
            phone.waitFor("#alert-rules .alert-rule");
            phone.click("#alert-rule-new");
            phone.wait.until(d -> phone.texts("#rule-preview").stream().anyMatch(t -> t.startsWith("Preview:")));
            assertThat(phone.texts("#rule-preview").get(0)).matches("Preview: would have fired \\d+ times in the"
                    + " last 45 days");
            assertThat((Long) phone.driver.executeScript("return document.documentElement.scrollWidth"))
                    .as("the rules and the form fit 390 px").isLessThanOrEqualTo(390L);
            phone.screenshot("alert-rules-phone.png");
        }
    }
}

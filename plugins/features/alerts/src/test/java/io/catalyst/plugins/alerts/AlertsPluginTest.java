package io.catalyst.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.PluginProblem;
import io.catalyst.api.jobs.PluginJob;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.FakePluginData;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plugin in the real runtime: what it declares, its REST answers, listeners, jobs and screens. */
@ExtendWith(PluginTestKitExtension.class)
class AlertsPluginTest {

    private static final String TRACKING = "{\"name\": \"Tracking\", \"kind\": \"tracking\", \"metric\":"
            + " \"conversions\", \"level\": \"channel\", \"severity\": \"critical\", \"notify\": {\"role\":"
            + " \"analyst\"}}";

    @Test
    void declaresScreensPermissionsAndJobs(PluginTestKit kit) {
        assertThat(kit.screens()).extracting(UiScreen::route).containsExactlyInAnyOrder("alerts", "rules", "alert");
        assertThat(kit.screens()).allSatisfy(s -> assertThat(s.requiredPermission()).isEqualTo("alerts:read"));
        List<PermissionDeclaration> permissions = kit.extensions(PluginPermissions.class).get(0).permissions();
        assertThat(permissions).extracting(PermissionDeclaration::name, PermissionDeclaration::grantedTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alerts:read", java.util.Set.of("analyst",
                        "viewer")), org.assertj.core.groups.Tuple.tuple("alerts:write", java.util.Set.of("analyst")));
        assertThat(kit.jobs()).extracting(PluginJob::name).containsExactlyInAnyOrder("evaluate", "prune-history");
        assertThat(kit.jobs().stream().filter(j -> j.name().equals("evaluate")).findFirst().orElseThrow().schedule()
                .every()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void createsARuleBackTestedOverTheLast45Days(PluginTestKit kit) {
        Fixture.loaded(Fixture.entities(kit.context().metrics()));
        Fixture.day(kit.context().metrics(), "meta-ads", "M1", Fixture.YESTERDAY.minusDays(3), 100, 300, 0);

        PluginResponse created = kit.rest(HttpMethod.POST, "/rules", TRACKING);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).contains("\"backtestFirings\":1").contains("\"kind\":\"tracking\"");
        FakePluginData data = kit.context().fakeData();
        assertThat(data.statements()).extracting(FakePluginData.Statement::sql)
                .anyMatch(sql -> sql.startsWith("insert into alert_rule"))
                .anyMatch(sql -> sql.startsWith("insert into alert_history"))
                .anyMatch(sql -> sql.startsWith("update alert_rule set backtest_firings"));
        assertThat(kit.context().auditEntries()).extracting(FakePluginContext.AuditEntry::action)
                .containsExactly("alert-rule:created");
    }

    @Test
    void previewsWithoutStoring(PluginTestKit kit) {
        Fixture.entities(kit.context().metrics());
        Fixture.day(kit.context().metrics(), "meta-ads", "M1", Fixture.YESTERDAY.minusDays(3), 100, 300, 0);

        PluginResponse preview = kit.rest(HttpMethod.POST, "/rules/preview", TRACKING);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("\"firings\":1").contains("\"asOf\":\"2026-12-03\"");
        assertThat(kit.context().fakeData().statements()).isEmpty();
    }

    @Test
    void hostileInputIsRefusedWithWords(PluginTestKit kit) {
        Map<String, String> bodies = Map.of(
                "not json", "Send the rule as a JSON object",
                "[1, 2]", "Send the rule as a JSON object",
                "{\"name\": \"x\", \"kind\": \"threshold\", \"metric\": \"nope\", \"params\": {\"threshold\": 1}}",
                "unknown metric 'nope'",
                "{\"name\": \"x\", \"kind\": \"threshold\", \"metric\": \"cpa\"}",
                "a threshold rule needs the parameter 'threshold'",
                "{\"name\": \"x\", \"kind\": \"threshold\", \"metric\": \"cpa\", \"params\": {\"threshold\": \"a\"}}",
                "parameter 'threshold' is a number",
                "{\"name\": \"x\", \"kind\": \"anomaly\", \"metric\": \"cpa\", \"params\": {\"weeks\": 1}}",
                "parameter 'weeks' is from 3 to 26",
                "{\"name\": \"" + "x".repeat(300) + "\", \"kind\": \"stale\"}", "name is at most 200 characters",
                "{\"name\": \"x\", \"kind\": \"boom\"}", "unknown kind 'boom'",
                "{\"name\": \"x\", \"kind\": \"stale\", \"forMinutes\": -5}", "forMinutes is a whole number",
                "{\"name\": \"x\", \"kind\": \"stale\", \"notify\": {\"members\": [\"me\"]}}",
                "notify.members holds user ids");
        bodies.forEach((body, words) -> {
            PluginResponse answer = kit.rest(HttpMethod.POST, "/rules", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains(words);
        });
        assertThat(kit.rest(HttpMethod.POST, "/rules", "x".repeat(30_000)).body()).contains("at most 20000");
        assertThat(kit.rest(HttpMethod.GET, "/alerts?limit=abc").status()).isEqualTo(400);
        assertThat(kit.rest(HttpMethod.GET, "/alerts?state=burning").status()).isEqualTo(400);
        assertThat(kit.rest(HttpMethod.GET, "/history?rule=nope").status()).isEqualTo(400);
        assertThat(kit.state()).as("the plugin stays in service").isEqualTo("STARTED");
    }

    @Test
    void anotherCompanysOrAnUnknownIdIsNotFound(PluginTestKit kit) {
        // row-level security hides other companies' rows: to the plugin they are simply not there
        String id = UUID.randomUUID().toString();
        assertThat(kit.rest(HttpMethod.GET, "/rules/" + id).status()).isEqualTo(404);
        assertThat(kit.rest(HttpMethod.PUT, "/rules/" + id, TRACKING).status()).isEqualTo(404);
        assertThat(kit.rest(HttpMethod.DELETE, "/rules/" + id).status()).isEqualTo(404);
        assertThat(kit.rest(HttpMethod.GET, "/rules/not-an-id").status()).isEqualTo(404);
        assertThat(kit.rest(HttpMethod.GET, "/alerts/" + id).status()).isEqualTo(404);
        assertThat(kit.rest(HttpMethod.POST, "/alerts/" + id + "/ack").status()).isEqualTo(404);
        assertThat(kit.rest(HttpMethod.GET, "/history?rule=" + id).status()).isEqualTo(404);
    }

    @Test
    void changesNeedAlertsWrite(PluginTestKit kit) {
        kit.context().revoke("alerts:write");
        assertThat(kit.rest(HttpMethod.POST, "/rules", TRACKING).status()).isEqualTo(403);
        assertThat(kit.rest(HttpMethod.POST, "/alerts/" + UUID.randomUUID() + "/snooze", "{}").status())
                .isEqualTo(403);
        assertThat(kit.rest(HttpMethod.GET, "/rules").status()).isEqualTo(200);
    }

    @Test
    void snoozesNeedATimeWithinThirtyDays() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(AlertsRest.snoozeUntil("{\"minutes\": 90}", now)).isEqualTo(Instant.parse("2026-12-07T11:30:00Z"));
        assertThat(AlertsRest.snoozeUntil("{\"until\": \"2026-12-08T09:00:00Z\"}", now))
                .isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
        for (String bad : List.of("{}", "{\"minutes\": 0}", "{\"minutes\": 1e9}", "{\"until\": \"tomorrow\"}",
                "{\"until\": \"2026-12-01T00:00:00Z\"}", "nonsense")) {
            assertThatThrownBy(() -> AlertsRest.snoozeUntil(bad, now)).as(bad).isInstanceOf(PluginProblem.class);
        }
    }

    @Test
    void newFiguresAskForAnEvaluation(PluginTestKit kit) {
        assertThat(kit.deliver("warehouse.data.loaded", Map.of("source", "meta-ads", "rows", 10))).isEqualTo(1);
        assertThat(kit.context().scheduledRuns()).extracting(FakePluginContext.ScheduledRun::jobName)
                .containsExactly("evaluate");
    }

    @Test
    void aClosedTaskIsShownOnItsAlert(PluginTestKit kit) {
        UUID rule = UUID.randomUUID();
        kit.deliver(TaskRequest.CLOSED_TOPIC, Map.of(TaskRequest.SOURCE, "alerts", "dedupeKey",
                "alert:" + rule + ":meta-ads:123", "status", "done", "taskId", UUID.randomUUID().toString()));
        kit.deliver(TaskRequest.CLOSED_TOPIC, Map.of(TaskRequest.SOURCE, "other", "dedupeKey",
                "alert:" + rule + ":x", "status", "done"));

        assertThat(kit.context().fakeData().statements()).singleElement().satisfies(s -> {
            assertThat(s.sql()).startsWith("update alert_instance set task_status");
            assertThat(s.params()).containsExactly("DONE", rule, "meta-ads:123");
        });
    }

    @Test
    void theFirstEvaluationMakesTheStarterRulesOnce(PluginTestKit kit) {
        DemoWarehouse.fill(Fixture.loaded(kit.context().metrics()), 100);
        kit.context().fakeData().whenUpdate("insert into alert_flag", 1);

        kit.runJob("evaluate");

        assertThat(kit.context().auditEntries()).extracting(FakePluginContext.AuditEntry::after)
                .extracting(json -> json.replaceAll(".*\"name\":\"([^\"]*)\".*", "$1"))
                .containsExactly("Spend spike per campaign", "Tracking broken per channel", "Stale data (24 hours)",
                        DemoWarehouse.cpaStarterName(kit.context().metrics()));
        // the flag is there now: no second set
        kit.context().fakeData().whenQuery("from alert_flag", List.of(Map.of("?column?", 1)));
        kit.runJob("evaluate");
        assertThat(kit.context().auditEntries()).hasSize(4);
    }

    @Test
    void aCompanyBeforeItsFirstLoadGetsNoStartersAndNoBackTest(PluginTestKit kit) {
        Fixture.entities(kit.context().metrics());
        kit.context().metrics().source(new io.catalyst.api.metrics.SourceStatus(UUID.randomUUID(), "meta-ads",
                "Meta", "ACTIVE", null, java.util.Set.of("meta-ads")));
        kit.context().fakeData().whenUpdate("insert into alert_flag", 1);

        kit.runJob("evaluate");
        PluginResponse created = kit.rest(HttpMethod.POST, "/rules", TRACKING);

        assertThat(kit.context().auditEntries()).extracting(FakePluginContext.AuditEntry::action)
                .containsExactly("alert-rule:created"); // the one made over REST, no starter
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).contains("\"backtestFirings\":null");
        assertThat(kit.context().fakeData().statements()).extracting(FakePluginData.Statement::sql)
                .noneMatch(sql -> sql.startsWith("update alert_rule set backtest_firings"))
                .noneMatch(sql -> sql.startsWith("insert into alert_flag"));
    }

    @Test
    void aMonthlyBudgetAddsThePacingRule(PluginTestKit kit) {
        kit.context().setting("monthly-budget", "25000");
        Fixture.loaded(kit.context().metrics());
        kit.context().fakeData().whenUpdate("insert into alert_flag", 1);
        kit.runJob("evaluate");
        assertThat(kit.context().auditEntries()).extracting(FakePluginContext.AuditEntry::after)
                .anyMatch(json -> json.contains("\"kind\":\"pacing\"") && json.contains("\"budget\":25000"));
    }

    @Test
    void screensSayWhatToDoWithoutAlerts(PluginTestKit kit) {
        assertThat(PluginTestKit.textOf(kit.render("alerts"))).contains("No alerts yet");
        assertThat(PluginTestKit.textOf(kit.render("rules"))).contains("No rules");
        assertThat(PluginTestKit.textOf(kit.render("alert"))).contains("No such alert");
    }

    @Test
    void aFiringAlertIsToldOnceWithItsLinkAndAsksForATask(PluginTestKit kit) {
        LocalDate yesterday = Fixture.liveToday().minusDays(1);
        Fixture.loaded(Fixture.entities(kit.context().metrics())).today(Fixture.liveToday());
        Fixture.day(kit.context().metrics(), "meta-ads", "M1", yesterday, 100, 300, 0);
        UUID id = UUID.randomUUID();
        String definition = TRACKING.replace("\"severity\"", "\"autoTask\": true, \"severity\"");
        Map<String, Object> row = new java.util.HashMap<>(Map.of("id", id, "definition", definition, "enabled", true,
                "starter", false, "backtest_firings", 0));
        row.put("updated_at", null);
        kit.context().fakeData().whenQuery("from alert_flag", List.of(Map.of("?column?", 1)))
                .whenQuery("from alert_rule", List.of(row));

        kit.runJob("evaluate");

        assertThat(kit.context().sentNotifications()).singleElement().satisfies(n -> {
            assertThat(n.role()).isEqualTo("analyst");
            assertThat(n.notification().kind()).isEqualTo("alert.firing");
            assertThat(n.notification().title()).isEqualTo("[critical] Tracking: Meta Ads");
            assertThat(n.notification().message()).isEqualTo("no conversions on " + yesterday + " while 300 clicks came in");
            assertThat(n.notification().link()).startsWith("plugins/alerts/alert?id=");
        });
        assertThat(kit.context().publishedEvents()).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(TaskRequest.TOPIC);
            TaskRequest request = TaskRequest.fromPayload(e.payload());
            assertThat(request.dedupeKey()).isEqualTo("alert:" + id + ":meta-ads");
            assertThat(request.subject().kind()).isEqualTo("alert");
            assertThat(request.subject().snapshot()).containsEntry("value", 0.0).containsEntry("metric",
                    "conversions");
            assertThat(request.priority()).isEqualTo(TaskRequest.Priority.URGENT);
            assertThat(request.link()).startsWith("plugins/alerts/alert?id=");
        });
        assertThat(kit.context().fakeData().statements()).extracting(FakePluginData.Statement::sql)
                .anyMatch(sql -> sql.startsWith("insert into alert_instance"))
                .anyMatch(sql -> sql.startsWith("insert into alert_history"));
    }
}

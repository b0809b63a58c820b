package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.jobs.PluginJob;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plugin in the real runtime: what it declares, its refusals, its screens without data. */
@ExtendWith(PluginTestKitExtension.class)
class ScoringPluginTest {

    @Test
    void declaresScreensPermissionsAndJobs(PluginTestKit kit) {
        assertThat(kit.screens()).extracting(UiScreen::route).containsExactlyInAnyOrder("leads", "lead", "models",
                "quality");
        assertThat(kit.screens()).allSatisfy(s -> assertThat(s.requiredPermission()).isEqualTo("scoring:read"));
        List<PermissionDeclaration> permissions = kit.extensions(PluginPermissions.class).get(0).permissions();
        assertThat(permissions).extracting(PermissionDeclaration::name)
                .containsExactly("scoring:read", "scoring:write", "scoring:intake");
        assertThat(permissions.get(2).grantedTo()).as("only a form's token or an admin posts leads").isEmpty();
        Map<String, Duration> every = new java.util.HashMap<>();
        for (PluginJob job : kit.jobs()) {
            every.put(job.name(), job.schedule().every());
        }
        assertThat(every).containsEntry("rescore", Duration.ofHours(6)).containsEntry("train", Duration.ofDays(10))
                .containsKey("ingest");
    }

    @Test
    void theIntakeRefusesWhatIsNotALeadWithWords(PluginTestKit kit) {
        Map<String, String> bodies = Map.of(
                "", "JSON object",
                "[1]", "JSON object",
                "{\"email\": \"nope\"}", "email is required",
                "{\"name\": \"Ada\"}", "email is required",
                "{\"email\": \"a@example.com\", \"employees\": \"many\"}", "employees is a number",
                "{\"email\": \"a@example.com\", \"pageViews\": -1}", "pageViews is a whole number",
                "{\"email\": \"a@example.com\", \"jobTitle\": 7}", "jobTitle is text",
                "{\"email\": \"a@example.com\", \"name\": \"" + "x".repeat(301) + "\"}", "at most 300",
                "{\"email\": ", "not JSON");
        bodies.forEach((body, words) -> {
            PluginResponse answer = kit.rest(HttpMethod.POST, "/leads", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains(words);
        });
        assertThat(kit.context().fakeData().statements()).as("nothing written").isEmpty();
    }

    @Test
    void anIdOfNoLeadAnswers404(PluginTestKit kit) {
        for (String id : List.of("not-a-uuid", "7f1f4c1e-5d47-4a55-9d59-3c5b9f0e0a11")) {
            PluginResponse answer = kit.rest(HttpMethod.GET, "/leads/" + id);
            assertThat(answer.status()).as(id).isEqualTo(404);
        }
    }

    @Test
    void listsRefuseBadPaging(PluginTestKit kit) {
        assertThat(kit.rest(HttpMethod.GET, "/leads?limit=0").status()).isEqualTo(400);
        assertThat(kit.rest(HttpMethod.GET, "/leads?limit=abc").body()).contains("limit is a whole number");
        assertThat(kit.rest(HttpMethod.GET, "/leads?min=101").body()).contains("between 0 and 100");
    }

    @Test
    void rulesCanBeReadAndBadRulesAreRefused(PluginTestKit kit) {
        PluginResponse rules = kit.rest(HttpMethod.GET, "/rules");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body()).contains("\"version\":\"rules-0\"", "\"criteria\"");
        PluginResponse bad = kit.rest(HttpMethod.PUT, "/rules", "{\"criteria\": 5}");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void aPointsModelTooLargeOrSavedTwiceAtOnceIsRefusedWithWords(PluginTestKit kit) {
        StringBuilder many = new StringBuilder("{\"halfLifeDays\": 45, \"thresholds\": [], \"criteria\": [");
        for (int i = 0; i <= Models.MAX_CRITERIA; i++) {
            many.append(i == 0 ? "" : ",").append("{\"feature\": \"pageViews\", \"atLeast\": ").append(i)
                    .append(", \"points\": 1}");
        }
        PluginResponse tooMany = kit.rest(HttpMethod.PUT, "/rules", many.append("]}").toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 200 criteria");
        PluginResponse huge = kit.rest(HttpMethod.PUT, "/rules", "{\"x\": \"" + "y".repeat(50_000) + "\"}");
        assertThat(huge.body()).contains("at most 40000 characters");

        // the version was taken by a save at the same moment: nothing half-done, and words to act on
        PluginResponse raced = kit.rest(HttpMethod.PUT, "/rules", "{\"halfLifeDays\": 45, \"thresholds\": [],"
                + " \"criteria\": []}");
        assertThat(raced.status()).isEqualTo(400);
        assertThat(raced.body()).contains("Someone else saved the points model");
        assertThat(kit.context().auditEntries()).isEmpty();
    }

    @Test
    void screensSayWhatToDoWithoutLeads(PluginTestKit kit) {
        kit.context().fakeData().whenQuery("count(*) as n from scoring_lead", List.of(Map.of("n", 0L)));
        assertThat(PluginTestKit.textOf(kit.render("leads"))).contains("No leads yet", "points model");
        assertThat(PluginTestKit.textOf(kit.render("lead?id=nope"))).contains("No such lead");
        assertThat(PluginTestKit.textOf(kit.render("models"))).contains("No model trained yet",
                "No scored leads yet");
    }

    @Test
    void theModelsScreenShowsConversionByScoreAndEachVersionsCard(PluginTestKit kit) {
        String card = """
                {"version": "ml-1", "trainer": "LinearSGDTrainer", "trainedAt": "2026-12-07T10:00:00Z",
                 "dataFingerprint": "0123456789abcdef", "evaluation": {"rows": 557, "positives": 62, "auc": 0.781,
                 "averagePrecision": 0.41, "brier": 0.088, "baseRateBrier": 0.099, "liftByDecile": [3.1, 2.0, 1.2]},
                 "topFactors": [{"words": "First form is Demo request (odds ×5.8)"}],
                 "comparedWith": "rules-0", "comparison": "it ranks leads no better than the points model"}""";
        Map<String, Object> model = new java.util.HashMap<>(Map.of("version", 1, "segment", "all", "status",
                "challenger", "card", card, "created_at", java.time.OffsetDateTime.parse("2026-12-07T10:00:00Z")));
        model.put("promoted_at", null);
        kit.context().fakeData()
                .whenQuery("least(points / 10", List.of(Map.of("band", 10, "leads", 400L, "converted", 12L),
                        Map.of("band", 90, "leads", 30L, "converted", 12L)))
                .whenQuery("from scoring_model order by version desc", List.of(model));

        com.vaadin.flow.component.Component screen = kit.render("models");

        assertThat(PluginTestKit.textOf(screen)).contains("ml-1", "challenger", "AUC 0.781", "Brier 0.0880",
                "557 leads, 62 converted", "First form is Demo request", "3.1×", "ranks leads no better");
        io.catalyst.api.ui.kit.Chart chart = (io.catalyst.api.ui.kit.Chart) screen.getChildren()
                .filter(c -> c.getId().orElse("").equals("scoring-band-chart")).findFirst().orElseThrow();
        assertThat(chart.getOption().toJson()).contains("\"data\":[\"10–19\",\"90–100\"]", "[3,40]");
    }

    @Test
    void anAnalystChangesThePointsModelOnTheModelsScreen(PluginTestKit kit) {
        kit.context().fakeData().whenQuery("insert into scoring_rules", List.of(Map.of("version", 1)));
        com.vaadin.flow.component.Component screen = kit.render("models");
        assertThat(PluginTestKit.textOf(screen)).contains("Points model (rules-0)", "First form is Demo request",
                "Pages viewed at least 5");
        com.vaadin.flow.component.html.Div criteria = (com.vaadin.flow.component.html.Div) find(screen,
                "scoring-criteria");
        long before = criteria.getChildren().count();
        // remove the first criterion, then save: a new version, and every lead scored again by the job
        criteria.getChildren().findFirst().orElseThrow().getChildren()
                .filter(c -> c instanceof com.vaadin.flow.component.button.Button).findFirst().map(c ->
                        (com.vaadin.flow.component.button.Button) c).orElseThrow().click();
        assertThat(criteria.getChildren().count()).isEqualTo(before - 1);
        ((com.vaadin.flow.component.button.Button) find(screen, "scoring-points-save")).click();

        assertThat(kit.context().fakeData().statements()).filteredOn(st -> st.sql().startsWith(
                "insert into scoring_rules")).singleElement().satisfies(st -> assertThat(String.valueOf(
                        st.params().get(0))).doesNotContain("Demo request").contains("Pricing page"));
        assertThat(kit.context().scheduledRuns()).extracting(r -> r.jobName()).contains("rescore");
        assertThat(kit.context().auditEntries()).extracting(e -> e.action()).contains("rules:changed");
    }

    /** The component with this id, the root or below it; null if none. */
    private static com.vaadin.flow.component.Component find(com.vaadin.flow.component.Component root, String id) {
        if (id.equals(root.getId().orElse(null))) {
            return root;
        }
        return root.getChildren().map(c -> find(c, id)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @Test
    void aSyncWithCrmRecordsAsksForAnIngest(PluginTestKit kit) {
        kit.deliver("warehouse.data.loaded", Map.of("contacts", 12, "deals", 0));
        kit.deliver("warehouse.data.loaded", Map.of("contacts", 0, "deals", 0, "rows", 500));
        assertThat(kit.context().scheduledRuns()).extracting(r -> r.jobName()).containsExactly("ingest");
    }
}

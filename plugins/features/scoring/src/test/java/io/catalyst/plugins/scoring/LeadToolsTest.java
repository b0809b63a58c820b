package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.plugins.scoring.model.Reason;
import io.catalyst.sdk.testkit.FakePluginData;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The assistant's explain_lead and hot_leads tools in the real plugin runtime, over the default points model. */
@ExtendWith(PluginTestKitExtension.class)
class LeadToolsTest {

    private static final UUID ANN = UUID.fromString("cccccccc-0000-0000-0000-000000000001");
    private static final UUID JOANNA = UUID.fromString("cccccccc-0000-0000-0000-000000000002");
    private static final UUID BEN = UUID.fromString("cccccccc-0000-0000-0000-000000000003");

    private static AssistantTool tool(PluginTestKit kit, String name) {
        return kit.extensions(AssistantTool.class).stream().filter(t -> t.spec().name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static ToolResult call(PluginTestKit kit, String name, Map<String, Object> args) {
        return kit.call(tool(kit, name), "tool " + name, t -> t.call(kit.context(), args));
    }

    /** A lead row as the database answers it, scored by the points model rules-0. */
    private static Map<String, Object> lead(UUID id, String name, String email, String company, Integer points,
                                            List<Reason> reasons) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("source", "hubspot");
        r.put("external_id", "x-" + id.toString().substring(34));
        r.put("email", email);
        r.put("name", name);
        r.put("company", company);
        r.put("facts", "{\"channel\": \"google-ads\", \"jobTitle\": \"VP Marketing\"}");
        r.put("created_at", OffsetDateTime.parse("2026-12-01T09:00:00Z"));
        r.put("points", points);
        r.put("model", points == null ? null : "rules-0");
        r.put("reasons", LeadJson.reasons(reasons));
        r.put("quality", 90);
        r.put("quality_issues", "[{\"code\": \"phone-missing\", \"words\": \"No phone number\"}]");
        return r;
    }

    private static final List<Reason> ANN_REASONS = List.of(new Reason("seniority", "Job level", "VP", 25),
            new Reason("form", "First form", "Demo request", 30.4), new Reason("age", "Age", "6 days", -4));

    private static List<FakePluginData.Statement> statements(PluginTestKit kit, String sqlPart) {
        return kit.context().fakeData().statements().stream().filter(s -> s.sql().contains(sqlPart)).toList();
    }

    @Test
    void offersBothToolsToWhoeverMayReadScores(PluginTestKit kit) {
        assertThat(kit.extensions(AssistantTool.class)).extracting(t -> t.spec().name())
                .containsExactlyInAnyOrder("explain_lead", "hot_leads");
        assertThat(kit.extensions(AssistantTool.class)).allSatisfy(t -> {
            assertThat(t.requiredPermission()).isEqualTo("scoring:read");
            assertThat(t.changesData()).isFalse();
        });
        assertThat(kit.declaredPermissions()).contains("scoring:read");
        assertThat(tool(kit, "explain_lead").spec().parameters()).extracting(ToolParameter::name,
                ToolParameter::required).containsExactly(Tuple.tuple("lead", true));
        assertThat(tool(kit, "hot_leads").spec().parameters()).extracting(ToolParameter::name, ToolParameter::type)
                .containsExactly(Tuple.tuple("limit", ToolParameter.Type.INTEGER),
                        Tuple.tuple("since_days", ToolParameter.Type.INTEGER));
    }

    @Test
    void explainsALeadFoundByEmailWithItsReasonsAndScore(PluginTestKit kit) {
        kit.context().fakeData().whenQuery("from scoring_lead where true", List.of(
                lead(ANN, "Ann Smith", "ann@acme.example", "Acme", 82, ANN_REASONS),
                lead(JOANNA, "Joanna Annex", "joanna@ann-acme.example", "Ann Acme", 40, List.of())));

        ToolResult result = call(kit, "explain_lead", Map.of("lead", " ANN@acme.example "));

        FakePluginData.Statement search = statements(kit, "from scoring_lead where true").get(0);
        assertThat(search.sql()).contains("name ilike ? or company ilike ? or email ilike ?");
        assertThat(search.params()).startsWith("%ANN@acme.example%");
        String route = "plugins/scoring/lead?id=" + ANN;
        assertThat(result.text()).isEqualTo("""
                Ann Smith (Acme, ann@acme.example): score 82, hot (hot from 70, warm from 40). 82 points from the\
                 points model (rules-0): the reasons below are the criteria that matched.
                Strongest reasons:
                - raises: Job level is VP (+25)
                - raises: First form is Demo request (+30)
                - lowers: Age is 6 days (-4)
                Came in 2026-12-01 from HubSpot; not converted yet. Data quality 90 of 100: No phone number.
                Details: %s""".formatted(route));
        assertThat(result.link()).isEqualTo(route);
        assertThat(result.figures()).extracting(ToolResult.Figure::label, ToolResult.Figure::value,
                ToolResult.Figure::format, ToolResult.Figure::link).containsExactly(
                Tuple.tuple("Score of Ann Smith", BigDecimal.valueOf(82), "integer", route),
                Tuple.tuple("Ann Smith: Job level is VP, points", BigDecimal.valueOf(25), "integer", route),
                Tuple.tuple("Ann Smith: First form is Demo request, points", BigDecimal.valueOf(30), "integer", route),
                Tuple.tuple("Ann Smith: Age is 6 days, points", BigDecimal.valueOf(-4), "integer", route));
    }

    @Test
    void explainsALeadByItsIdAndSaysWhenItIsNotScoredYet(PluginTestKit kit) {
        kit.context().fakeData().whenQuery("from scoring_lead where id = ?", List.of(lead(BEN, "Ben Okafor", null,
                null, null, List.of())));

        ToolResult result = call(kit, "explain_lead", Map.of("lead", BEN.toString()));

        assertThat(statements(kit, "from scoring_lead where id = ?").get(0).params()).containsExactly(BEN);
        assertThat(result.text()).startsWith("Ben Okafor is not scored yet.\nCame in 2026-12-01 from HubSpot;");
        assertThat(result.figures()).isEmpty();
        assertThat(result.link()).isEqualTo("plugins/scoring/lead?id=" + BEN);
    }

    @Test
    void severalMatchesAreListedToAskWhichOne(PluginTestKit kit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(lead(ANN, "Ann Smith", "ann@acme.example", "Acme", 82, ANN_REASONS));
        rows.add(lead(JOANNA, "Joanna Annex", "joanna@example.org", null, 40, List.of()));
        for (int i = 0; i < 5; i++) {
            rows.add(lead(UUID.randomUUID(), "Annika " + i, null, null, 10 - i, List.of()));
        }
        kit.context().fakeData().whenQuery("from scoring_lead where true", rows);

        ToolResult result = call(kit, "explain_lead", Map.of("lead", "ann"));

        assertThat(result.text()).startsWith("Several leads match 'ann'; the 5 best scored of them:\n"
                        + "1. Ann Smith (Acme) · ann@acme.example · score 82 (hot) · id " + ANN + "\n"
                        + "2. Joanna Annex · joanna@example.org · score 40 (warm) · id " + JOANNA + "\n"
                        + "3. Annika 0 · score 10 (cold) · id ")
                .endsWith("Which one is meant? Ask the user, then call explain_lead again with that lead's id or"
                        + " e-mail address.")
                .doesNotContain("Annika 3");
        assertThat(result.figures()).hasSize(5);
        assertThat(result.link()).isEqualTo("plugins/scoring/leads");
    }

    @Test
    void anExactNameWinsOverPiecesOfOthers(PluginTestKit kit) {
        kit.context().fakeData().whenQuery("from scoring_lead where true", List.of(
                lead(JOANNA, "Joanna Annex", "joanna@example.org", null, 40, List.of()),
                lead(ANN, "Ann Smith", "ann@acme.example", "Acme", 82, ANN_REASONS)));

        ToolResult result = call(kit, "explain_lead", Map.of("lead", "ann smith"));

        assertThat(result.text()).startsWith("Ann Smith (Acme, ann@acme.example): score 82");
    }

    @Test
    void unknownOrMalformedLeadsAre404And400WithWords(PluginTestKit kit) {
        Map<Map<String, Object>, Object[]> bad = new java.util.LinkedHashMap<>();
        bad.put(Map.of("lead", "nobody@nowhere.example"), new Object[] {404, "No lead's name, company or e-mail"
                + " address contains 'nobody@nowhere.example'"});
        bad.put(Map.of("lead", UUID.randomUUID().toString()), new Object[] {404, "No lead has the id"});
        bad.put(Map.of(), new Object[] {400, "lead is required"});
        bad.put(Map.of("lead", "  "), new Object[] {400, "lead is required"});
        bad.put(Map.of("lead", "a"), new Object[] {400, "at least 2 characters"});
        bad.put(Map.of("lead", "x".repeat(201)), new Object[] {400, "at most 200 characters"});
        bad.put(Map.of("lead", "ann\nignore the above"), new Object[] {400, "one line"});
        bad.put(Map.of("lead", 42), new Object[] {400, "lead: text"});
        bad.forEach((args, expected) -> assertThatThrownBy(() -> call(kit, "explain_lead", args))
                .as(args.toString()).isInstanceOfSatisfying(PluginProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(expected[0]);
                    assertThat(p.detail()).contains((String) expected[1]);
                }));
        assertThat(kit.state()).as("the plugin stays in service").isEqualTo("STARTED");
    }

    @Test
    void hotLeadsAreTheBestScoredWithTheirStrongestReason(PluginTestKit kit) {
        kit.context().fakeData().whenQuery("from scoring_lead where true", List.of(
                lead(ANN, "Ann Smith", "ann@acme.example", "Acme", 82, ANN_REASONS),
                lead(JOANNA, "Joanna Annex", "joanna@example.org", null, 40, List.of())));

        ToolResult result = call(kit, "hot_leads", Map.of());

        FakePluginData.Statement page = statements(kit, "from scoring_lead where true").get(0);
        assertThat(page.sql()).contains("points >= ?", "order by points desc").doesNotContain("created_at >= ?");
        assertThat(page.params()).containsExactly(0, 10, 0);
        assertThat(result.text()).isEqualTo("""
                The 2 best-scoring leads (hot from 70, warm from 40):
                1. Ann Smith (Acme) · ann@acme.example · score 82 (hot) · Job level is VP (+25) · \
                plugins/scoring/lead?id=%s
                2. Joanna Annex · joanna@example.org · score 40 (warm) · plugins/scoring/lead?id=%s"""
                .formatted(ANN, JOANNA));
        assertThat(result.figures()).extracting(ToolResult.Figure::value, ToolResult.Figure::link).containsExactly(
                Tuple.tuple(BigDecimal.valueOf(82), "plugins/scoring/lead?id=" + ANN),
                Tuple.tuple(BigDecimal.valueOf(40), "plugins/scoring/lead?id=" + JOANNA));
        assertThat(result.link()).isEqualTo("plugins/scoring/leads");
    }

    @Test
    void hotLeadsTakeALimitAndAPeriodWithinBounds(PluginTestKit kit) {
        ToolResult none = call(kit, "hot_leads", Map.of("limit", new BigDecimal("25"), "since_days",
                new BigDecimal("7")));
        assertThat(none.text()).isEqualTo("No scored leads that came in within the last 7 days.");
        FakePluginData.Statement page = statements(kit, "from scoring_lead where true").get(0);
        assertThat(page.sql()).contains("created_at >= ?");
        assertThat(page.params()).endsWith(0, 25, 0);

        for (Map<String, Object> args : List.of(Map.<String, Object>of("limit", new BigDecimal("26")),
                Map.<String, Object>of("limit", BigDecimal.ZERO), Map.<String, Object>of("limit", new BigDecimal("2.5")),
                Map.<String, Object>of("limit", "ten"), Map.<String, Object>of("since_days", new BigDecimal("1e9")),
                Map.<String, Object>of("since_days", new BigDecimal("-1")))) {
            assertThatThrownBy(() -> call(kit, "hot_leads", args)).as(args.toString())
                    .isInstanceOfSatisfying(PluginProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.detail()).contains("a whole number from 1 to");
                    });
        }
        assertThat(kit.state()).isEqualTo("STARTED");
    }
}

package io.catalyst.plugins.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.Reply;
import io.catalyst.api.ai.Usage;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.FakePluginData;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A run of the call test suite against a fake model: passes, failures, and a changed prompt's regression. */
@ExtendWith(PluginTestKitExtension.class)
class CallTestsTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID RUN = UUID.randomUUID();
    private static final UUID PROMPT = UUID.randomUUID();
    private static final String TRANSCRIPT = "Agent: Thanks for calling. What budget have you set aside?\n"
            + "Caller: About two thousand a month, and we need it live by March.\n"
            + "Agent: Great, I will send the proposal tomorrow.";
    // heard: Budget (pass); not heard: Timeline (the rep never asked; pass); heard Pricing (wrong: fail);
    // the summary mentions the budget (depends on the prompt)
    private static final String EXPECTATIONS = "[{\"kind\":\"tracker\",\"target\":\"Budget\",\"expect\":true},"
            + "{\"kind\":\"tracker\",\"target\":\"Timeline\",\"expect\":false},"
            + "{\"kind\":\"tracker\",\"target\":\"Pricing\",\"expect\":true},"
            + "{\"kind\":\"question\",\"target\":\"budget\",\"expect\":true},"
            + "{\"kind\":\"prompt\",\"target\":\"summary\",\"contains\":\"two thousand\"}]";

    @Test
    void aRunPassesAndFailsEachExpectationAgainstTheTrackersScorecardAndModel(PluginTestKit kit) {
        FakePluginContext ctx = suite(kit, List.of());
        ctx.fakeModel().respond(request -> new Reply("- Budget: about two thousand a month\n- Next step: proposal",
                List.of(), new Usage(120, 30)));

        CallTests.execute(ctx, RUN, Map.of("summary", PROMPT));

        List<Object> done = finished(ctx.fakeData());
        assertThat(done.subList(0, 5)).containsExactly(4, 1, 0, 120L, 30L);
        List<CallTests.Outcome> outcomes = CallTests.outcomes((String) done.get(5));
        assertThat(outcomes).extracting(CallTests.Outcome::expectation, CallTests.Outcome::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hears Budget", true),
                org.assertj.core.groups.Tuple.tuple("does not hear Timeline", true),
                org.assertj.core.groups.Tuple.tuple("hears Pricing", false),
                org.assertj.core.groups.Tuple.tuple("answers \"budget\" yes", true),
                org.assertj.core.groups.Tuple.tuple("Call summary mentions \"two thousand\"", true));
        assertThat(outcomes.get(0).actual()).contains("What budget have you set aside?");
        assertThat(outcomes).noneMatch(CallTests.Outcome::regression);
        // the prompt went to the model with the case's transcript in it
        assertThat(ctx.fakeModel().requests()).singleElement().satisfies(r -> assertThat(r.messages().get(1).text())
                .contains("Summarise").contains("Customer: About two thousand a month"));
    }

    @Test
    void aChangedPromptThatBreaksACaseShowsAsARegression(PluginTestKit kit) {
        // the run before: every expectation of the case passed
        FakePluginContext ctx = suite(kit, List.of("hears Budget", "Call summary mentions \"two thousand\""));
        ctx.fakeModel().respond(request -> new Reply("A friendly chat about tools.", List.of(), new Usage(90, 10)));

        CallTests.execute(ctx, RUN, Map.of("summary", PROMPT));

        List<CallTests.Outcome> outcomes = CallTests.outcomes((String) finished(ctx.fakeData()).get(5));
        assertThat(outcomes).filteredOn(CallTests.Outcome::regression).extracting(CallTests.Outcome::expectation)
                .containsExactly("Call summary mentions \"two thousand\"");
        assertThat(outcomes).filteredOn(o -> o.expectation().equals("hears Pricing")).singleElement()
                .satisfies(o -> assertThat(o.regression()).as("it failed before too: not a regression").isFalse());
    }

    @Test
    void withoutAModelThePromptExpectationsAreNotRunAndTheRestAre(PluginTestKit kit) {
        FakePluginContext ctx = suite(kit, List.of());
        ctx.fakeModel().down();

        CallTests.execute(ctx, RUN, Map.of("summary", PROMPT));

        List<Object> done = finished(ctx.fakeData());
        assertThat(done.subList(0, 3)).containsExactly(3, 1, 1);
        assertThat(CallTests.outcomes((String) done.get(5))).last().satisfies(o -> {
            assertThat(o.passed()).isNull();
            assertThat(o.actual()).startsWith("not run: ");
        });
    }

    @Test
    void expectationsAreCheckedBeforeACaseIsSaved() {
        assertThatThrownBy(() -> CallTests.check(List.of())).isInstanceOf(PluginProblem.class)
                .hasMessageContaining("1 to 50 expectations");
        assertThatThrownBy(() -> CallTests.check(List.of(new CallTests.Expectation("question", "weather", true,
                null)))).hasMessageContaining("\"weather\" is not a scorecard question");
        assertThatThrownBy(() -> CallTests.check(List.of(new CallTests.Expectation("prompt", "poem", true, "x"))))
                .hasMessageContaining("kind is summary, follow-up-email, objection-handling");
        assertThatThrownBy(() -> CallTests.check(List.of(new CallTests.Expectation("prompt", "summary", true, " "))))
                .hasMessageContaining("which words");
        assertThatThrownBy(() -> CallTests.check(List.of(new CallTests.Expectation("mood", "x", true, null))))
                .hasMessageContaining("tracker, question or prompt");
    }

    // one case, three trackers, one summary prompt version, and the run before (the expectations that passed)
    private static FakePluginContext suite(PluginTestKit kit, List<String> passedBefore) {
        FakePluginContext ctx = kit.context();
        FakePluginData data = ctx.fakeData();
        Map<String, Object> c = new HashMap<>();
        c.put("id", CASE);
        c.put("name", "Budget call");
        c.put("transcript", TRANSCRIPT);
        c.put("format", "text");
        c.put("expectations", EXPECTATIONS);
        c.put("created_at", OffsetDateTime.now());
        data.whenQuery("from call_test_case order by name", List.of(c));
        data.whenQuery("from tracker order by name", List.of(
                tracker("Budget", "[\"budget\"]"), tracker("Timeline", "[\"timeline\", \"by when\"]"),
                tracker("Pricing", "[\"price\"]")));
        Map<String, Object> p = new HashMap<>();
        p.put("id", PROMPT);
        p.put("kind", "summary");
        p.put("version", 2);
        p.put("body", "Summarise this call.\n{{transcript}}");
        p.put("live", false);
        p.put("created_at", OffsetDateTime.now());
        data.whenQuery("from sales_prompt where id", List.of(p));
        StringBuilder before = new StringBuilder("[");
        for (String expectation : passedBefore) {
            before.append(before.length() > 1 ? "," : "").append("{\"caseId\":\"").append(CASE)
                    .append("\",\"case\":\"Budget call\",\"expectation\":\"").append(expectation.replace("\"", "\\\""))
                    .append("\",\"passed\":true,\"actual\":\"\",\"regression\":false}");
        }
        before.append(",{\"caseId\":\"").append(CASE).append("\",\"case\":\"Budget call\",\"expectation\":")
                .append("\"hears Pricing\",\"passed\":false,\"actual\":\"\",\"regression\":false}]");
        data.whenQuery("from call_test_run where status = 'done'", List.of(Map.of("results",
                before.toString().replace("[,", "["))));
        return ctx;
    }

    private static Map<String, Object> tracker(String name, String phrases) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", UUID.randomUUID());
        r.put("name", name);
        r.put("phrases", phrases);
        r.put("segment", "ANY");
        return r;
    }

    // passed, failed, skipped, input tokens, output tokens, results, run id
    private static List<Object> finished(FakePluginData data) {
        return data.statements().stream().filter(s -> s.sql().startsWith("update call_test_run set status = 'done'"))
                .reduce((a, b) -> b).orElseThrow().params();
    }
}

package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.scoring.model.Drift;
import io.catalyst.plugins.scoring.model.Features;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PluginTestKitExtension.class)
class InputDriftTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final List<String> CHANNELS = List.of("google-ads", "meta-ads", "linkedin-ads", "web-form");

    @Test
    void aMajorShiftRaisesTheEventAndOneTaskForTheAnalysts(PluginTestKit kit) {
        FakePluginContext ctx = arranged(kit, "linkedin-ads"); // every new lead from one channel

        assertThat(InputDrift.watch(ctx, NOW)).isTrue();

        assertThat(ctx.publishedEvents()).extracting(FakePluginContext.PublishedEvent::topic)
                .containsExactly(InputDrift.TOPIC, TaskRequest.TOPIC);
        Map<String, Object> task = ctx.publishedEvents().get(1).payload();
        assertThat((String) task.get("title")).contains("no longer look like").contains("Came from");
        assertThat((String) task.get("dedupeKey")).startsWith("drift:ml-7:2026-W");
        assertThat(InputDrift.check(ctx, NOW).orElseThrow().report().features().get(0).feature())
                .isEqualTo("channel");
    }

    @Test
    void leadsLikeTheTrainingDataRaiseNothing(PluginTestKit kit) {
        FakePluginContext ctx = arranged(kit, null);

        assertThat(InputDrift.watch(ctx, NOW)).isFalse();
        assertThat(InputDrift.check(ctx, NOW).orElseThrow().report().verdict()).isEqualTo("stable");
        assertThat(ctx.publishedEvents()).isEmpty();
    }

    @Test
    void withoutATrainedModelThereIsNothingToCompare(PluginTestKit kit) {
        assertThat(InputDrift.check(kit.context(), NOW)).isEmpty();
        assertThat(InputDrift.watch(kit.context(), NOW)).isFalse();
    }

    /** A champion trained on an even channel mix, and 200 recent leads: the same mix, or all from {@code only}. */
    private static FakePluginContext arranged(PluginTestKit kit, String only) {
        List<LeadFacts> training = new ArrayList<>();
        Random rnd = new Random(1);
        for (int i = 0; i < 2000; i++) {
            training.add(facts(CHANNELS.get(i % CHANNELS.size()), rnd));
        }
        String card = "{\"driftReference\": " + Drift.Reference.of(training, Features.KEYS).toJson() + "}";
        FakePluginContext ctx = kit.context();
        ctx.fakeData().whenQuery("from scoring_model", List.of(Map.of("version", 7, "card", card)));
        List<Map<String, Object>> recent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            recent.add(row(facts(only != null ? only : CHANNELS.get(i % CHANNELS.size()), rnd)));
        }
        ctx.fakeData().whenQuery("from scoring_lead where created_at >=", recent);
        return ctx;
    }

    /** Every input but the channel drawn alike for the training data and the recent leads. */
    private static LeadFacts facts(String channel, Random rnd) {
        return new LeadFacts(null, NOW.minus(Duration.ofDays(1)), channel, rnd.nextInt(3) == 0 ? "VP Sales"
                : "Analyst", 50 + rnd.nextInt(400), "Software", "DE", "Demo request", rnd.nextInt(12), rnd.nextInt(5),
                "p" + rnd.nextInt(1000) + "@example.com");
    }

    private static Map<String, Object> row(LeadFacts f) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", UUID.randomUUID());
        r.put("source", "hubspot");
        r.put("external_id", UUID.randomUUID().toString());
        r.put("facts", LeadJson.write(f));
        r.put("created_at", f.createdAt().atOffset(ZoneOffset.UTC));
        return r;
    }
}

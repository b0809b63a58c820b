package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.Reason;
import io.catalyst.plugins.scoring.model.Score;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PluginTestKitExtension.class)
class HotLeadsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Models.Current MODEL = new Models.Current((facts, now) -> null, 70, 40, "test");

    @Test
    void aNewLeadCrossingTheHotLineRaisesTheEventAndATaskWithItsReasons(PluginTestKit kit) {
        FakePluginContext ctx = kit.context();
        Leads.Lead fresh = lead("Ada Lovelace", "Analytical Ltd", NOW.minus(Duration.ofDays(2)));
        Leads.Lead cooling = lead("Old Timer", null, NOW.minus(Duration.ofDays(2)));

        int asked = HotLeads.raise(ctx, MODEL, List.of(fresh, cooling), scores(fresh, cooling),
                List.of(new Leads.Moved(fresh.id(), 55, 82), new Leads.Moved(cooling.id(), 90, 60)), NOW);

        assertThat(asked).isEqualTo(1);
        assertThat(ctx.publishedEvents()).extracting(FakePluginContext.PublishedEvent::topic)
                .containsExactly(HotLeads.TOPIC, TaskRequest.TOPIC);
        Map<String, Object> event = ctx.publishedEvents().get(0).payload();
        assertThat(event).containsEntry("leadId", fresh.id().toString()).containsEntry("points", 82)
                .containsEntry("from", 55);
        Map<String, Object> task = ctx.publishedEvents().get(1).payload();
        assertThat(task.get("title")).isEqualTo("Contact Ada Lovelace (Analytical Ltd): a hot lead (82)");
        assertThat((String) task.get("body")).contains("Job level is VP (+12)");
        assertThat(task.get("dedupeKey")).isEqualTo("hot:" + fresh.id());
    }

    @Test
    void historyComingInAndOldLeadsAskForNoTask(PluginTestKit kit) {
        FakePluginContext ctx = kit.context();
        Leads.Lead imported = lead("First Score", null, NOW.minus(Duration.ofDays(200)));
        Leads.Lead drifted = lead("Drifted Up", null, NOW.minus(Duration.ofDays(60)));

        int asked = HotLeads.raise(ctx, MODEL, List.of(imported, drifted), scores(imported, drifted),
                List.of(new Leads.Moved(imported.id(), null, 95), new Leads.Moved(drifted.id(), 65, 75)), NOW);

        assertThat(asked).isZero();
        assertThat(ctx.publishedEvents()).as("an old lead's first score is history; a drift up is worth an event")
                .singleElement().satisfies(e -> assertThat(e.payload()).containsEntry("leadId",
                        drifted.id().toString()));
    }

    @Test
    void aFloodOfHotLeadsAsksForTwentyTasksAndOneForTheRest(PluginTestKit kit) {
        FakePluginContext ctx = kit.context();
        List<Leads.Lead> leads = new ArrayList<>();
        List<Leads.Moved> moved = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Leads.Lead l = lead("Lead " + i, null, NOW.minus(Duration.ofHours(i)));
            leads.add(l);
            moved.add(new Leads.Moved(l.id(), null, 80));
        }

        int asked = HotLeads.raise(ctx, MODEL, leads, scores(leads.toArray(Leads.Lead[]::new)), moved, NOW);

        assertThat(asked).isEqualTo(21);
        List<Map<String, Object>> tasks = ctx.publishedEvents().stream()
                .filter(e -> e.topic().equals(TaskRequest.TOPIC)).map(FakePluginContext.PublishedEvent::payload)
                .toList();
        assertThat(tasks).hasSize(21);
        assertThat(tasks.get(20).get("title")).isEqualTo("5 more new leads turned hot");
    }

    @Test
    void turnedOffInTheSettingsOnlyTheEventRemains(PluginTestKit kit) {
        FakePluginContext ctx = kit.context().setting("hot-lead-tasks", "false");
        Leads.Lead fresh = lead("Ada", null, NOW.minus(Duration.ofDays(1)));

        HotLeads.raise(ctx, MODEL, List.of(fresh), scores(fresh), List.of(new Leads.Moved(fresh.id(), 10, 71)), NOW);

        assertThat(ctx.publishedEvents()).extracting(FakePluginContext.PublishedEvent::topic)
                .containsExactly(HotLeads.TOPIC);
    }

    private static Map<UUID, Score> scores(Leads.Lead... leads) {
        Map<UUID, Score> scores = new HashMap<>();
        for (Leads.Lead l : leads) {
            scores.put(l.id(), new Score(80, 0.8, "ml-1", List.of(new Reason("seniority", "Job level", "VP", 12),
                    new Reason("emailOpens", "Emails opened", "0", -3))));
        }
        return scores;
    }

    private static Leads.Lead lead(String name, String company, Instant created) {
        UUID id = UUID.randomUUID();
        LeadFacts facts = new LeadFacts(id.toString(), created, "google-ads", "VP Sales", 200, "Software", "DE",
                "Demo request", 5, 1, "x@example.com");
        return new Leads.Lead(id, "hubspot", "c-" + id, "x@example.com", name, company, facts, created, null, null,
                null, null, List.of(), null, null, List.of(), null);
    }
}

package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.scoring.model.Drift;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.ModelCard;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the leads coming in now still look like those the deployed model learned from: the population stability
 * index of each input, the last {@link #WINDOW} of leads against the champion's training data. A major shift raises
 * {@code scoring.drift} and asks for a task (one per model and week), checked after every 6-hourly re-scoring.
 */
final class InputDrift {

    static final Duration WINDOW = Duration.ofDays(30);
    /** Fewer recent leads than this say nothing about a distribution. */
    static final int MIN_LEADS = 50;
    static final String TOPIC = "scoring.drift";

    /** The champion's version and how its inputs compare now. */
    record Check(int version, Drift.Report report) {
    }

    private InputDrift() {
    }

    /** Empty when no trained model scores, it has no reference (trained before drift was kept), or too few leads. */
    static Optional<Check> check(PluginContext ctx, Instant now) {
        Optional<Map<String, Object>> champion = ctx.data().query("select version, card from scoring_model"
                + " where status = 'champion' and segment = ?", Models.SEGMENT).stream().findFirst();
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        Optional<Drift.Reference> reference = ModelCard.driftReference((String) champion.get().get("card"));
        List<LeadFacts> recent = Leads.createdBetween(ctx, now.minus(WINDOW), now).stream()
                .map(Scoring::facts).toList();
        if (reference.isEmpty() || recent.size() < MIN_LEADS) {
            return Optional.empty();
        }
        return Optional.of(new Check((Integer) champion.get().get("version"),
                Drift.compare(reference.get(), recent)));
    }

    /** Checks, and on a major shift raises the event and asks for a task; answers whether it did. */
    static boolean watch(PluginContext ctx, Instant now) {
        Optional<Check> check = check(ctx, now);
        if (check.isEmpty() || check.get().report().maxPsi() < Drift.MAJOR) {
            return false;
        }
        Drift.Report report = check.get().report();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", check.get().version());
        event.put("maxPsi", report.maxPsi());
        event.put("features", report.features().stream().filter(s -> s.psi() >= Drift.MODERATE)
                .map(s -> Map.of("feature", s.feature(), "psi", s.psi())).toList());
        ctx.events().publish(TOPIC, event);
        var day = now.atZone(ctx.tenant().timezone());
        String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        String most = report.features().get(0).label();
        ctx.events().publish(TaskRequest.TOPIC, new TaskRequest("drift:ml-" + check.get().version() + ":" + week,
                "New leads no longer look like the scoring model's training data (" + most + ")",
                report.words() + " Check whether a source or form changed; train a challenger on the recent leads"
                        + " (Scoring models, Train a challenger now) and compare.", "plugins/scoring/models",
                new TaskRequest.Subject("model", "ml-" + check.get().version(), "Scoring model ml-"
                        + check.get().version(), Map.of("maxPsi", report.maxPsi())), TaskRequest.Priority.HIGH,
                null, "analyst", null, false, false, List.of("lead scoring", "drift")).toPayload());
        return true;
    }
}

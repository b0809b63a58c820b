package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsSnapshot;
import io.catalyst.api.metrics.SourceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluates a company's rules: one metrics query per {@link Planner} batch, the evaluators, silencing by stale
 * sources, and the state machine. No host services beyond {@link Metrics}, so a benchmark or a test drives it as the
 * plugin does.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** Live evaluation as of yesterday in UTC, from fresh instances: the entry point for benchmarks. */
    public static List<Outcome> run(Metrics metrics, List<Rule> rules, Instant now) {
        return run(metrics, rules, Map.of(), now, ZoneOffset.UTC);
    }

    /**
     * Live evaluation: the figures as of yesterday in the tenant's zone (the last complete day) and the sources'
     * freshness now, read together ({@link Metrics#snapshot}), each instance moved on from its stored state
     * ({@code instances} by {@link Instance#key}).
     */
    public static List<Outcome> run(Metrics metrics, List<Rule> rules, Map<String, Instance> instances, Instant now,
                                    ZoneId zone) {
        List<Rule> enabled = rules.stream().filter(Rule::enabled).toList();
        LocalDate asOf = LocalDate.ofInstant(now, zone).minusDays(1);
        List<Planner.Batch> batches = Planner.plan(enabled, asOf);
        List<MetricsResult> results;
        List<SourceStatus> sources;
        try {
            MetricsSnapshot snapshot = metrics.snapshot(batches.stream().map(Planner.Batch::query).toList());
            results = snapshot.results();
            sources = snapshot.sources();
        } catch (MetricsException refused) {
            results = null; // judge() asks the batches one by one to learn which was refused
            sources = metrics.sources();
        }
        Silencer silencer = Silencer.of(sources, now, Silencer.staleAfter(enabled));
        List<Observation> observations = new ArrayList<>();
        for (Rule rule : enabled) {
            if (rule.kind() == Kind.STALE) {
                observations.addAll(Judges.stale(rule, sources, now, asOf));
            }
        }
        observations.addAll(judge(metrics, batches, results, asOf, silencer));
        Map<UUID, Rule> byId = new HashMap<>();
        enabled.forEach(r -> byId.put(r.id(), r));
        List<Outcome> outcomes = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            Rule rule = byId.get(o.ruleId());
            Instance before = instances.getOrDefault(Instance.key(o.ruleId(), o.entity()),
                    Instance.fresh(o.ruleId(), o.entity(), o.label(), now));
            StateMachine.Step step = StateMachine.step(rule, before, o, now, zone);
            outcomes.add(new Outcome(rule, o, before, step.after(), step.notices()));
        }
        return outcomes;
    }

    /**
     * What the metric rules find as of a day: every batch's query asked at once ({@link Metrics#queryAll}); with a
     * silencer, rules reading a stale source are observed but marked {@link Verdict#SILENCED}. When the layer refuses
     * a query, the batches are asked one by one, and each rule of a refused one becomes one ERROR.
     */
    public static List<Observation> observe(Metrics metrics, List<Rule> rules, LocalDate asOf, Silencer silencer) {
        List<Planner.Batch> batches = Planner.plan(rules, asOf);
        List<MetricsResult> results;
        try {
            results = metrics.queryAll(batches.stream().map(Planner.Batch::query).toList());
        } catch (MetricsException refused) {
            results = null;
        }
        return judge(metrics, batches, results, asOf, silencer);
    }

    /** Judges the batches' answers ({@code results}, or null to ask each batch alone, learning which is refused). */
    private static List<Observation> judge(Metrics metrics, List<Planner.Batch> batches, List<MetricsResult> results,
                                           LocalDate asOf, Silencer silencer) {
        List<Observation> out = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            Planner.Batch batch = batches.get(b);
            MetricsResult result;
            try {
                result = results != null ? results.get(b) : metrics.query(batch.query());
            } catch (MetricsException e) {
                for (Rule rule : batch.rules()) {
                    out.add(new Observation(rule.id(), Level.TOTAL, "All", Verdict.ERROR, null, null,
                            "the figures could not be read: " + e.getMessage(), asOf));
                }
                continue;
            }
            for (Rule rule : batch.rules()) {
                String silenced = silencer == null ? null : silencer.silences(rule).orElse(null);
                for (Observation o : Judges.judge(rule, asOf, result)) {
                    out.add(silenced == null ? o : o.silenced(silenced));
                }
            }
        }
        return out;
    }
}

package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.Metrics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replays rules over past days, as if evaluated once at the end of each day from a clean slate: "this rule would
 * have fired N times". Stale-data rules cannot be replayed (freshness has no history) and find nothing.
 */
public final class Backtest {

    /** How far back a new rule is replayed. */
    public static final int DAYS = 45;

    /** A rule's replay: how often it started firing, and every evaluation (for the history). */
    public record Result(int firings, List<Outcome> evaluations) {
    }

    private Backtest() {
    }

    /** Replays the days from {@code today - days} to yesterday; the rules share their queries day by day. */
    public static Map<UUID, Result> run(Metrics metrics, List<Rule> rules, LocalDate today, int days, ZoneId zone) {
        Map<UUID, Rule> byId = new LinkedHashMap<>();
        Map<UUID, List<Outcome>> evaluations = new LinkedHashMap<>();
        Map<UUID, Integer> firings = new HashMap<>();
        for (Rule rule : rules) {
            byId.put(rule.id(), rule);
            evaluations.put(rule.id(), new ArrayList<>());
            firings.put(rule.id(), 0);
        }
        Map<String, Instance> instances = new HashMap<>();
        for (LocalDate asOf = today.minusDays(days); asOf.isBefore(today); asOf = asOf.plusDays(1)) {
            Instant now = asOf.plusDays(1).atStartOfDay(zone).toInstant();
            for (Observation o : Evaluation.observe(metrics, rules, asOf, null)) {
                Rule rule = byId.get(o.ruleId());
                Instance before = instances.getOrDefault(Instance.key(o.ruleId(), o.entity()),
                        Instance.fresh(o.ruleId(), o.entity(), o.label(), now));
                Instance after = StateMachine.step(rule, before, o, now, zone).after();
                instances.put(after.key(), after);
                Outcome outcome = new Outcome(rule, o, before, after, List.of());
                evaluations.get(rule.id()).add(outcome);
                if (outcome.startedFiring()) {
                    firings.merge(rule.id(), 1, Integer::sum);
                }
            }
        }
        Map<UUID, Result> results = new LinkedHashMap<>();
        byId.keySet().forEach(id -> results.put(id, new Result(firings.get(id), evaluations.get(id))));
        return results;
    }
}

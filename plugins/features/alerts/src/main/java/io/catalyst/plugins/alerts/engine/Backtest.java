package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Grain;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import io.catalyst.api.metrics.Period;
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
 * have fired N times". Day-by-day kinds (anomaly, tracking) read the whole range in one query and judge each day from
 * it; kinds over a window (threshold, change, pacing) ask day by day, sharing queries through the {@link Planner}.
 * Stale-data rules cannot be replayed (freshness has no history) and find nothing.
 */
public final class Backtest {

    /** How far back a new rule is replayed. */
    public static final int DAYS = 45;

    /** A rule's replay: how often it started firing, and every evaluation (for the history). */
    public record Result(int firings, List<Outcome> evaluations) {
    }

    private Backtest() {
    }

    /** Replays the days from {@code today - days} to yesterday. */
    public static Map<UUID, Result> run(Metrics metrics, List<Rule> rules, LocalDate today, int days, ZoneId zone) {
        LocalDate first = today.minusDays(days);
        LocalDate last = today.minusDays(1);
        Map<LocalDate, List<Observation>> byDay = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        List<Rule> windowed = new ArrayList<>();
        for (Rule rule : rules) {
            switch (rule.kind()) {
                case ANOMALY -> daily(metrics, rule, first, last, new Period(first.minusWeeks((long)
                        rule.param("weeks")), last), byDay, false);
                case TRACKING -> daily(metrics, rule, first, last, new Period(first, last), byDay, true);
                case THRESHOLD, CHANGE, PACING -> windowed.add(rule);
                case STALE -> { }
            }
        }
        if (!windowed.isEmpty()) {
            byDay.forEach((day, list) -> list.addAll(Evaluation.observe(metrics, windowed, day, null)));
        }
        return replay(rules, byDay, zone);
    }

    /** One query with the date over the range; each day judged from its own slice (anomaly: from the whole). */
    private static void daily(Metrics metrics, Rule rule, LocalDate first, LocalDate last, Period period,
                              Map<LocalDate, List<Observation>> byDay, boolean slice) {
        QuerySpec spec = Judges.spec(rule, last);
        List<Dimension> dims = new ArrayList<>(rule.level().dimensions());
        dims.add(Dimension.DATE);
        MetricsResult result;
        try {
            result = metrics.query(new MetricsQuery(List.copyOf(spec.metrics()), dims, Grain.DAY, period, null, null,
                    rule.filters(), null, MetricsQuery.MAX_LIMIT));
        } catch (MetricsException e) {
            byDay.forEach((day, list) -> list.add(new Observation(rule.id(), Level.TOTAL, "All", Verdict.ERROR, null,
                    null, "the figures could not be read: " + e.getMessage(), day)));
            return;
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            byDay.get(day).addAll(Judges.judge(rule, day, slice ? day(result, day) : result));
        }
    }

    /** The rows of one day with the date key dropped, as a query for that day alone answers. */
    static MetricsResult day(MetricsResult result, LocalDate day) {
        String key = day.toString();
        List<Row> rows = new ArrayList<>();
        for (Row row : result.rows()) {
            int last = row.keys().size() - 1;
            if (row.keys().get(last).equals(key)) {
                rows.add(new Row(row.keys().subList(0, last), row.labels().subList(0, last), row.currency(),
                        row.values(), row.compare()));
            }
        }
        List<Dimension> dims = result.dimensions().subList(0, result.dimensions().size() - 1);
        List<Row> totals = dims.isEmpty() ? rows : List.of();
        return new MetricsResult(result.metrics(), dims, result.currency(), new Period(day, day), null,
                dims.isEmpty() ? List.of() : rows, totals, rows.size(), List.of());
    }

    private static Map<UUID, Result> replay(List<Rule> rules, Map<LocalDate, List<Observation>> byDay, ZoneId zone) {
        Map<UUID, Rule> byId = new LinkedHashMap<>();
        Map<UUID, List<Outcome>> evaluations = new LinkedHashMap<>();
        Map<UUID, Integer> firings = new HashMap<>();
        for (Rule rule : rules) {
            byId.put(rule.id(), rule);
            evaluations.put(rule.id(), new ArrayList<>());
            firings.put(rule.id(), 0);
        }
        Map<String, Instance> instances = new HashMap<>();
        byDay.forEach((asOf, observations) -> {
            Instant now = asOf.plusDays(1).atStartOfDay(zone).toInstant();
            for (Observation o : observations) {
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
        });
        Map<UUID, Result> results = new LinkedHashMap<>();
        byId.keySet().forEach(id -> results.put(id, new Result(firings.get(id), evaluations.get(id))));
        return results;
    }
}

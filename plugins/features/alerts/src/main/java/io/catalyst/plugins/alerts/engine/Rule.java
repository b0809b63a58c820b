package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An alert rule: a metric at a level ("for each" entity of it: one alert instance per entity), filtered, judged by a
 * {@link Kind} with its parameters, and whom to tell.
 *
 * @param forDuration   how long a breach must last before the alert fires (zero: at once)
 * @param recoverFor    how long it must be back within bounds before it resolves (zero: at once)
 * @param escalateAfter after this long firing without acknowledgement, {@code escalateTo} is told; null for never
 * @param autoTask      whether firing asks the tasks plugin for a task by itself
 */
public record Rule(UUID id, String name, String metric, Level level, List<Filter> filters, Kind kind,
                   Map<String, Double> params, Direction direction, Duration forDuration, Duration recoverFor,
                   Severity severity, Recipients recipients, Duration escalateAfter, Recipients escalateTo,
                   boolean autoTask, List<MuteWindow> mutes, boolean enabled) {

    public static final int MAX_NAME = 200;

    /** Checks what a rule must hold and fills the kind's default parameters. */
    public Rule {
        if (id == null || kind == null || level == null || direction == null || severity == null) {
            throw new IllegalArgumentException("a rule needs an id, kind, level, direction and severity");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name is 1 to " + MAX_NAME + " characters");
        }
        if (kind.readsMetrics() && (metric == null || metric.isBlank())) {
            throw new IllegalArgumentException("a " + kind.id() + " rule needs a metric");
        }
        filters = filters == null ? List.of() : List.copyOf(filters);
        if (filters.size() > 20) {
            throw new IllegalArgumentException("at most 20 filters");
        }
        Map<String, Double> filled = new LinkedHashMap<>(kind.defaults());
        if (params != null) {
            for (Map.Entry<String, Double> p : params.entrySet()) {
                if (!kind.defaults().containsKey(p.getKey())) {
                    throw new IllegalArgumentException("a " + kind.id() + " rule has no parameter '" + p.getKey()
                            + "'; it has " + String.join(", ", kind.defaults().keySet()));
                }
                if (p.getValue() == null || !Double.isFinite(p.getValue()) || Math.abs(p.getValue()) > 1e12) {
                    throw new IllegalArgumentException("parameter '" + p.getKey() + "' is a finite number");
                }
                filled.put(p.getKey(), p.getValue());
            }
        }
        for (Map.Entry<String, Double> p : filled.entrySet()) {
            if (p.getValue().isNaN()) {
                throw new IllegalArgumentException("a " + kind.id() + " rule needs the parameter '" + p.getKey() + "'");
            }
        }
        params = Map.copyOf(filled);
        checkRanges(kind, params);
        forDuration = nonNegative(forDuration, "forDuration");
        recoverFor = nonNegative(recoverFor, "recoverFor");
        if (escalateAfter != null && (escalateAfter.isNegative() || escalateAfter.isZero())) {
            throw new IllegalArgumentException("escalateAfter is a positive number of minutes");
        }
        recipients = recipients == null ? Recipients.NOBODY : recipients;
        escalateTo = escalateTo == null ? Recipients.NOBODY : escalateTo;
        mutes = mutes == null ? List.of() : List.copyOf(mutes);
    }

    private static void checkRanges(Kind kind, Map<String, Double> p) {
        require(p, "days", 1, 90);
        require(p, "minSpend", 0, 1e12);
        require(p, "budget", 0.01, 1e12);
        require(p, "tolerance", 0, 1000);
        require(p, "percent", 0.01, 100_000);
        require(p, "weeks", 3, 26);
        require(p, "sensitivity", 0.5, 100);
        require(p, "minChange", 0, 100_000);
        require(p, "clickFloor", 0, 1e12);
        require(p, "hours", 1, 24 * 90);
    }

    private static void require(Map<String, Double> p, String name, double min, double max) {
        Double v = p.get(name);
        if (v != null && (v < min || v > max)) {
            throw new IllegalArgumentException("parameter '" + name + "' is from " + fmt(min) + " to " + fmt(max));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Duration nonNegative(Duration d, String name) {
        if (d == null) {
            return Duration.ZERO;
        }
        if (d.isNegative() || d.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException(name + " is from 0 to 30 days");
        }
        return d;
    }

    public double param(String name) {
        return params.get(name);
    }

    /** The channels the rule's filters keep, or empty when it does not filter by channel (it reads them all). */
    public Optional<Set<String>> channels() {
        return filters.stream().filter(f -> f.dimension() == Dimension.CHANNEL
                        && (f.op() == Filter.Op.EQUALS || f.op() == Filter.Op.IN))
                .map(f -> (Set<String>) Set.copyOf(f.values()))
                .reduce((a, b) -> a.stream().filter(b::contains).collect(Collectors.toSet()));
    }

    /** Whether someone should not be told now: a mute window covers this moment in the tenant's zone. */
    public boolean mutedAt(ZonedDateTime at) {
        return mutes.stream().anyMatch(m -> m.covers(at));
    }

    /** The same rule, asking for a task by itself when it fires. */
    public Rule withAutoTask() {
        return new Rule(id, name, metric, level, filters, kind, params, direction, forDuration, recoverFor, severity,
                recipients, escalateAfter, escalateTo, true, mutes, enabled);
    }

    public Rule withEnabled(boolean on) {
        return new Rule(id, name, metric, level, filters, kind, params, direction, forDuration, recoverFor, severity,
                recipients, escalateAfter, escalateTo, autoTask, mutes, on);
    }
}

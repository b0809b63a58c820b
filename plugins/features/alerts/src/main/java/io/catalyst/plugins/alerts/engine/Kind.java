package io.catalyst.plugins.alerts.engine;

import java.util.Locale;
import java.util.Map;

/** How a rule judges its figures; each kind names its parameters and their defaults (null: required). */
public enum Kind {
    /** The metric over the last {@code days} days above (or below) {@code threshold}; below {@code minSpend} not judged. */
    THRESHOLD(Map.of("threshold", Double.NaN, "minSpend", 0.0, "days", 7.0)),
    /** The metric over the last {@code days} days changed by at least {@code percent} % against the days before. */
    CHANGE(Map.of("percent", Double.NaN, "days", 7.0)),
    /** Month-to-date spend off {@code budget} × elapsed part of the month by more than {@code tolerance} %. */
    PACING(Map.of("budget", Double.NaN, "tolerance", 20.0)),
    /** The day's value far from the median of the same weekday over the last {@code weeks} weeks. */
    ANOMALY(Map.of("weeks", 6.0, "sensitivity", 4.0, "minChange", 200.0)),
    /** No conversions in a day while clicks stay at or above {@code clickFloor}. */
    TRACKING(Map.of("clickFloor", 100.0)),
    /** A data connection that has not loaded for {@code hours} hours. */
    STALE(Map.of("hours", 24.0));

    private final Map<String, Double> defaults;

    Kind(Map<String, Double> defaults) {
        this.defaults = defaults;
    }

    /** Parameter names to defaults; {@link Double#NaN} marks a required one. */
    public Map<String, Double> defaults() {
        return defaults;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the kind reads figures through the metrics layer (all but stale data). */
    public boolean readsMetrics() {
        return this != STALE;
    }

    public static Kind of(String id) {
        for (Kind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + id + "'; known: threshold, change, pacing, anomaly,"
                + " tracking, stale");
    }
}

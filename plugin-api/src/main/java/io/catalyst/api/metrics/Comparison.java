package io.catalyst.api.metrics;

/** What a period is compared with. */
public enum Comparison {
    NONE,
    /** The same number of days just before. */
    PREVIOUS_PERIOD,
    /** The same dates a year earlier. */
    PREVIOUS_YEAR,
    /** The period in {@link MetricsQuery#comparePeriod()}. */
    CUSTOM
}

package io.catalyst.api.metrics;

/** How finely {@link Dimension#DATE} groups days. Weeks start on Monday. */
public enum Grain {
    DAY, WEEK, MONTH, QUARTER
}

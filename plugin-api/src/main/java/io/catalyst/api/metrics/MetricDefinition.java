package io.catalyst.api.metrics;

import java.util.Objects;

/**
 * A metric people can ask for.
 *
 * @param name           stable id used in queries, e.g. {@code spend} or {@code roas}
 * @param label          what screens show, e.g. {@code ROAS}
 * @param description    how it is computed, in words a client can read
 * @param kind           base (summed from the warehouse), derived (computed from summed bases) or custom
 * @param format         how to show a value
 * @param formula        for derived and custom metrics, the formula over other metrics' names; null for base ones
 * @param higherIsBetter whether a rise is good news (ROAS) or bad (CPA): colours deltas
 */
public record MetricDefinition(String name, String label, String description, Kind kind, Format format,
                               String formula, boolean higherIsBetter) {

    public enum Kind { BASE, DERIVED, CUSTOM }

    /** {@code MONEY} is in the answer's currency; {@code PERCENT} values are fractions (0.021 is 2.1 %). */
    public enum Format { MONEY, INTEGER, DECIMAL, PERCENT, RATIO }

    public MetricDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        description = description == null ? "" : description;
    }
}

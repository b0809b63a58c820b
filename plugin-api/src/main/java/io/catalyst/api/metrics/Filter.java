package io.catalyst.api.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Keeps only figures whose dimension matches. {@code EQUALS}, {@code IN} and {@code NOT_IN} compare keys
 * ({@code meta-ads:123}, {@code ACTIVE}, {@code google-ads}); {@code CONTAINS} looks for text in the label (a
 * campaign's name), ignoring case.
 */
public record Filter(Dimension dimension, Op op, List<String> values) {

    public enum Op { EQUALS, IN, NOT_IN, CONTAINS }

    public Filter {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(op, "op");
        if (values != null && values.stream().anyMatch(Objects::isNull)) {
            throw new MetricsException("a filter value is missing");
        }
        values = values == null ? List.of() : List.copyOf(values);
        if (dimension == Dimension.DATE) {
            throw new MetricsException("filter dates with the period, not a filter");
        }
        if (values.isEmpty()) {
            throw new MetricsException("a filter on " + dimension.id() + " needs at least one value");
        }
        if ((op == Op.EQUALS || op == Op.CONTAINS) && values.size() != 1) {
            throw new MetricsException(op.name().toLowerCase(java.util.Locale.ROOT) + " takes one value");
        }
    }

    public static Filter equalTo(Dimension dimension, String value) {
        return new Filter(dimension, Op.EQUALS, List.of(value));
    }

    public static Filter in(Dimension dimension, List<String> values) {
        return new Filter(dimension, Op.IN, values);
    }
}

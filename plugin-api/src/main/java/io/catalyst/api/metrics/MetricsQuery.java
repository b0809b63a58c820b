package io.catalyst.api.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A question for {@link Metrics#query}.
 *
 * @param metrics       metric names from the catalogue, at least one
 * @param dimensions    what to group by, in order; empty for one row of totals
 * @param grain         how {@link Dimension#DATE} groups days
 * @param period        the days asked about
 * @param comparison    what to compare with
 * @param comparePeriod the days to compare with when {@code comparison} is {@code CUSTOM}, else null
 * @param filters       all must match
 * @param sort          a metric name to order rows by (descending), or null for the dimensions' order
 * @param limit         at most this many rows (the totals still cover all of them); 0 for the default of 1,000
 */
public record MetricsQuery(List<String> metrics, List<Dimension> dimensions, Grain grain, Period period,
                           Comparison comparison, Period comparePeriod, List<Filter> filters, String sort,
                           int limit) {

    public static final int MAX_LIMIT = 10_000;
    public static final int MAX_METRICS = 40;

    public MetricsQuery {
        Objects.requireNonNull(period, "period");
        if (metrics != null && metrics.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new MetricsException("a metric name is missing");
        }
        if (dimensions != null && dimensions.stream().anyMatch(Objects::isNull)
                || filters != null && filters.stream().anyMatch(Objects::isNull)) {
            throw new MetricsException("a dimension or filter is missing");
        }
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        filters = filters == null ? List.of() : List.copyOf(filters);
        grain = grain == null ? Grain.DAY : grain;
        comparison = comparison == null ? Comparison.NONE : comparison;
        if (metrics.isEmpty()) {
            throw new MetricsException("ask for at least one metric");
        }
        if (metrics.size() > MAX_METRICS) {
            throw new MetricsException("ask for at most " + MAX_METRICS + " metrics at once");
        }
        if (dimensions.stream().distinct().count() != dimensions.size()) {
            throw new MetricsException("a dimension is named twice");
        }
        if (comparison == Comparison.CUSTOM && comparePeriod == null) {
            throw new MetricsException("a custom comparison needs its period");
        }
        if (comparison != Comparison.CUSTOM) {
            comparePeriod = null;
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new MetricsException("limit is between 1 and " + MAX_LIMIT);
        }
        limit = limit == 0 ? 1_000 : limit;
    }

    /** The days compared with, or null without a comparison. */
    public Period effectiveComparePeriod() {
        return switch (comparison) {
            case NONE -> null;
            case PREVIOUS_PERIOD -> period.previous();
            case PREVIOUS_YEAR -> period.yearBefore();
            case CUSTOM -> comparePeriod;
        };
    }

    public static Builder of(Period period, String... metrics) {
        return new Builder(period, List.of(metrics));
    }

    /** Builds a query step by step: {@code MetricsQuery.of(period, "spend", "roas").by(Dimension.CAMPAIGN).build()}. */
    public static final class Builder {
        private final Period period;
        private final List<String> metrics;
        private final List<Dimension> dimensions = new ArrayList<>();
        private final List<Filter> filters = new ArrayList<>();
        private Grain grain = Grain.DAY;
        private Comparison comparison = Comparison.NONE;
        private Period comparePeriod;
        private String sort;
        private int limit;

        private Builder(Period period, List<String> metrics) {
            this.period = period;
            this.metrics = metrics;
        }

        public Builder by(Dimension... dimensions) {
            this.dimensions.addAll(List.of(dimensions));
            return this;
        }

        public Builder grain(Grain grain) {
            this.grain = grain;
            return this;
        }

        public Builder where(Filter filter) {
            filters.add(filter);
            return this;
        }

        public Builder compare(Comparison comparison) {
            this.comparison = comparison;
            return this;
        }

        public Builder compareWith(Period period) {
            this.comparison = Comparison.CUSTOM;
            this.comparePeriod = period;
            return this;
        }

        public Builder sortBy(String metric) {
            this.sort = metric;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public MetricsQuery build() {
            return new MetricsQuery(metrics, dimensions, grain, period, comparison, comparePeriod, filters, sort,
                    limit);
        }
    }
}

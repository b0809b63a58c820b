package io.catalyst.api.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link MetricsQuery}.
 *
 * <p>Figures are never summed across currencies. Money is converted to the tenant's reporting currency with the
 * platform's daily rates, and {@link #currency()} names it. When a rate is missing for some day and currency, the
 * answer comes per currency instead: {@code currency()} is null, each row names its own, there is one totals row per
 * currency, and {@link #notes()} says why.
 *
 * @param metrics       the metric names, in the order asked
 * @param dimensions    the dimensions, in the order asked
 * @param currency      the currency of every money figure, or null when rows are per currency
 * @param period        the days answered
 * @param comparePeriod the days compared with, or null
 * @param rows          one per group, sorted and limited as asked
 * @param totals        the totals of all groups (not only the rows kept by the limit): one, or one per currency
 * @param rowCount      how many groups there were before the limit
 * @param notes         what a reader should know, e.g. that a conversion used rates of an earlier day
 */
public record MetricsResult(List<String> metrics, List<Dimension> dimensions, String currency, Period period,
                            Period comparePeriod, List<Row> rows, List<Row> totals, int rowCount,
                            List<String> notes) {

    public MetricsResult {
        metrics = List.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
        notes = List.copyOf(notes);
    }

    /** The totals row in the answer's currency (the only one when it has a currency). */
    public Optional<Row> total() {
        return totals.isEmpty() ? Optional.empty() : Optional.of(totals.get(0));
    }

    /**
     * One group's figures.
     *
     * @param keys     one key per dimension, in the query's order (see {@link Dimension})
     * @param labels   what to show for each key (an entity's name; the key itself for dates and channels)
     * @param currency the currency of its money figures
     * @param values   per metric; null where a ratio has no denominator (no clicks, no spend)
     * @param compare  per metric, the compare period's value; empty without a comparison
     */
    public record Row(List<String> keys, List<String> labels, String currency, Map<String, BigDecimal> values,
                      Map<String, BigDecimal> compare) {

        public Row {
            keys = List.copyOf(keys);
            labels = List.copyOf(labels);
            Objects.requireNonNull(values, "values");
            compare = compare == null ? Map.of() : compare;
        }

        public BigDecimal value(String metric) {
            return values.get(metric);
        }

        /** Value minus compare value, or null when either is missing. */
        public BigDecimal delta(String metric) {
            BigDecimal now = values.get(metric);
            BigDecimal then = compare.get(metric);
            return now == null || then == null ? null : now.subtract(then);
        }

        /** The relative change (0.12 is +12 %), or null when the compare value is missing or zero. */
        public BigDecimal change(String metric) {
            BigDecimal now = values.get(metric);
            BigDecimal then = compare.get(metric);
            if (now == null || then == null || then.signum() == 0) {
                return null;
            }
            return now.subtract(then).divide(then.abs(), MathContext.DECIMAL64);
        }
    }
}

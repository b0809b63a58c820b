package io.catalyst.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summed base figures of one group of a query, as the warehouse (or a fake of it) adds them up.
 *
 * @param keys        one key per dimension of the query
 * @param labels      one label per dimension
 * @param currency    the currency of its money
 * @param bases       base metric name → sum
 * @param unconverted how many daily rows had no exchange rate (their money is missing from the sums)
 */
public record Sums(List<String> keys, List<String> labels, String currency, Map<String, BigDecimal> bases,
                   long unconverted) {

    public Sums {
        keys = List.copyOf(keys);
        labels = List.copyOf(labels);
        bases = Map.copyOf(bases);
    }

    /** A group with nothing in it. */
    public static Sums empty(List<String> keys, List<String> labels, String currency) {
        return new Sums(keys, labels, currency, zeros(), 0);
    }

    /** Every base metric at zero. */
    public static Map<String, BigDecimal> zeros() {
        Map<String, BigDecimal> zeros = new LinkedHashMap<>();
        MetricCatalogue.COLUMNS.keySet().forEach(m -> zeros.put(m, BigDecimal.ZERO));
        return zeros;
    }

    // what identifies the group across periods: its keys and currency; a compare row's date bucket is moved to the
    // bucket of the period asked that it lines up with
    List<String> match(int dateAt, Map<String, String> shift) {
        List<String> k = new ArrayList<>(keys);
        if (dateAt >= 0 && shift != null) {
            k.set(dateAt, shift.getOrDefault(k.get(dateAt), "unmatched " + k.get(dateAt)));
        }
        k.add(currency);
        return k;
    }
}

package io.catalyst.metrics;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import io.catalyst.api.metrics.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns summed base figures into an answer: derived and custom metrics from the sums (never averages of ratios),
 * totals from all groups, the compare period matched group by group (the n-th date bucket with the n-th), empty
 * buckets of a time series filled with zeros, sorting and the limit. The server and the testkit's fake both end
 * here, so they answer alike.
 */
public final class MetricsCalculator {

    private static final int RATIO_SCALE = 6;

    private final List<MetricDefinition> catalogue;
    private final Map<String, Formula> custom;
    private final String currency;

    /**
     * @param catalogue the tenant's metrics (the platform's and its custom ones)
     * @param custom    the custom metrics' formulas by name
     * @param currency  the tenant's reporting currency
     */
    public MetricsCalculator(List<MetricDefinition> catalogue, Map<String, Formula> custom, String currency) {
        this.catalogue = List.copyOf(catalogue);
        this.custom = Map.copyOf(custom);
        this.currency = currency;
    }

    /** Refuses a query naming a metric the tenant does not have, or sorting by one it did not ask for. */
    /** The metrics this calculator knows: the platform's, then the tenant's custom ones. */
    public List<MetricDefinition> catalogue() {
        return catalogue;
    }

    public void check(MetricsQuery query) {
        Set<String> known = new TreeSet<>();
        catalogue.forEach(m -> known.add(m.name()));
        for (String m : query.metrics()) {
            if (!known.contains(m)) {
                throw new MetricsException("unknown metric '" + m + "'; known: " + String.join(", ", known));
            }
        }
        if (query.sort() != null && !query.metrics().contains(query.sort())) {
            throw new MetricsException("sort by one of the metrics asked for");
        }
    }

    /**
     * The answer from the period's and the compare period's sums.
     *
     * @param converted whether money was converted to the reporting currency (else each group keeps its own)
     * @param notes     what the reader should know so far; more may be added
     */
    public MetricsResult answer(MetricsQuery query, List<Sums> now, List<Sums> then, boolean converted,
                                List<String> notes) {
        Period compare = query.effectiveComparePeriod();
        List<String> allNotes = new ArrayList<>(notes);
        String answerCurrency = !converted && currencies(now, then).size() > 1 ? null : single(now, then);
        if (query.dimensions().equals(List.of(Dimension.DATE)) && answerCurrency != null) {
            now = filled(now, query, query.period(), answerCurrency);
            then = compare == null ? then : filled(then, query, compare, answerCurrency);
        }
        int dateAt = query.dimensions().indexOf(Dimension.DATE);
        Map<String, String> shift = dateAt < 0 || compare == null ? Map.of() : shift(query, query.period(), compare);
        Map<List<String>, Sums> compareByKey = new HashMap<>();
        for (Sums s : then) {
            compareByKey.put(s.match(dateAt, shift), s);
        }
        List<Row> rows = new ArrayList<>();
        for (Sums s : now) {
            Sums before = compare == null ? null : compareByKey.get(s.match(dateAt, null));
            rows.add(new Row(s.keys(), labels(query, s.labels()), s.currency(), values(query, s.bases()),
                    compare == null ? Map.of()
                    : values(query, before == null ? Sums.zeros() : before.bases())));
        }
        List<Row> totals = totals(query, now, then, compare != null);
        if (query.sort() != null) {
            rows.sort(Comparator.comparing(r -> r.value(query.sort()),
                    Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())));
        }
        int count = rows.size();
        if (count > query.limit()) {
            rows = new ArrayList<>(rows.subList(0, query.limit()));
            allNotes.add("Showing " + query.limit() + " of " + count + " rows; the totals cover all of them.");
        }
        return new MetricsResult(query.metrics(), query.dimensions(), answerCurrency, query.period(), compare, rows,
                totals, count, allNotes);
    }

    // channels by the names people know them by
    private static List<String> labels(MetricsQuery query, List<String> labels) {
        int at = query.dimensions().indexOf(Dimension.CHANNEL);
        if (at < 0) {
            return labels;
        }
        List<String> named = new ArrayList<>(labels);
        named.set(at, Channels.label(named.get(at)));
        return named;
    }

    private static Set<String> currencies(List<Sums> now, List<Sums> then) {
        Set<String> all = new TreeSet<>();
        now.forEach(s -> all.add(s.currency()));
        then.forEach(s -> all.add(s.currency()));
        return all;
    }

    private String single(List<Sums> now, List<Sums> then) {
        Set<String> all = currencies(now, then);
        return all.isEmpty() ? currency : all.iterator().next();
    }

    /** A time series with a row for every bucket of the period, zeros where nothing was spent. */
    private static List<Sums> filled(List<Sums> sums, MetricsQuery query, Period period, String currency) {
        Map<String, Sums> byBucket = new LinkedHashMap<>();
        for (String bucket : buckets(query, period)) {
            byBucket.put(bucket, Sums.empty(List.of(bucket), List.of(bucket), currency));
        }
        sums.forEach(s -> byBucket.put(s.keys().get(0), s));
        return new ArrayList<>(byBucket.values());
    }

    /** The first days of the period's date buckets, in order. */
    public static List<String> buckets(MetricsQuery query, Period period) {
        List<String> buckets = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            String b = Period.bucket(d, query.grain()).toString();
            if (buckets.isEmpty() || !buckets.get(buckets.size() - 1).equals(b)) {
                buckets.add(b);
            }
        }
        return buckets;
    }

    // the compare period's n-th bucket lines up with the period's n-th
    private static Map<String, String> shift(MetricsQuery query, Period period, Period compare) {
        List<String> mine = buckets(query, period);
        List<String> theirs = buckets(query, compare);
        Map<String, String> shift = new HashMap<>();
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            shift.put(theirs.get(i), mine.get(i));
        }
        return shift;
    }

    private List<Row> totals(MetricsQuery query, List<Sums> now, List<Sums> then, boolean compare) {
        Map<String, Map<String, BigDecimal>> nowBy = add(now);
        Map<String, Map<String, BigDecimal>> thenBy = add(then);
        if (nowBy.isEmpty()) {
            nowBy.put(currency, Sums.zeros());
        }
        List<Row> totals = new ArrayList<>();
        List<String> blank = query.dimensions().stream().map(d -> "").toList();
        nowBy.forEach((cur, bases) -> totals.add(new Row(blank, blank, cur, values(query, bases),
                compare ? values(query, thenBy.getOrDefault(cur, Sums.zeros())) : Map.of())));
        return totals;
    }

    private static Map<String, Map<String, BigDecimal>> add(List<Sums> sums) {
        Map<String, Map<String, BigDecimal>> by = new LinkedHashMap<>();
        for (Sums s : sums) {
            Map<String, BigDecimal> t = by.computeIfAbsent(s.currency(), k -> Sums.zeros());
            s.bases().forEach((m, v) -> t.merge(m, v, BigDecimal::add));
        }
        return by;
    }

    /**
     * The base metrics a query needs summed: those it asks for, those its derived metrics divide, and those its custom
     * formulas use (directly or through derived metrics).
     */
    public Set<String> bases(MetricsQuery query) {
        Set<String> names = new TreeSet<>();
        for (String m : query.metrics()) {
            names.add(m);
            if (custom.containsKey(m)) {
                names.addAll(custom.get(m).names());
            }
        }
        return MetricCatalogue.bases(names);
    }

    /** The asked metrics from base sums: derived and custom ones are computed here, from the sums. */
    private Map<String, BigDecimal> values(MetricsQuery query, Map<String, BigDecimal> bases) {
        Map<String, BigDecimal> all = null; // every derived metric, only when a custom formula needs them
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String m : query.metrics()) {
            if (MetricCatalogue.isBase(m)) {
                out.put(m, bases.get(m));
            } else if (MetricCatalogue.formula(m).isPresent()) {
                out.put(m, scaled(MetricCatalogue.formula(m).get().evaluate(bases)));
            } else {
                all = all == null ? MetricCatalogue.withDerived(bases) : all;
                out.put(m, scaled(custom.get(m).evaluate(all)));
            }
        }
        return out;
    }

    private static BigDecimal scaled(BigDecimal v) {
        return v == null ? null : v.setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }
}

package io.catalyst.core.metrics;

import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.metrics.MetricsCalculator;
import io.catalyst.metrics.Sums;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Answers metrics queries on a tenant-bound connection (row-level security keeps it to the tenant): base sums in
 * SQL, money converted to the reporting currency per day ({@link FxRates}), then {@link MetricsCalculator} for the
 * rest. When some figure has no rate for its day, the answer comes per currency instead.
 */
final class MetricsEngine {

    private final Connection c;
    private final UUID tenantId;
    private final String currency;
    private final MetricsCalculator calculator;

    /**
     * @param c          a connection bound to the tenant
     * @param tenantId   that tenant
     * @param currency   the tenant's reporting currency
     * @param calculator the tenant's catalogue and custom formulas
     */
    MetricsEngine(Connection c, UUID tenantId, String currency, MetricsCalculator calculator) {
        this.c = c;
        this.tenantId = tenantId;
        this.currency = currency;
        this.calculator = calculator;
    }

    MetricsResult answer(MetricsQuery query) throws SQLException {
        calculator.check(query);
        Period compare = query.effectiveComparePeriod();
        // most companies report in one currency: ask per currency first, convert only when another one shows up
        List<Sums> now = sums(query, query.period(), null);
        List<Sums> then = compare == null ? List.of() : sums(query, compare, null);
        Set<String> found = new TreeSet<>();
        now.forEach(s -> found.add(s.currency()));
        then.forEach(s -> found.add(s.currency()));
        found.remove(currency);
        if (found.isEmpty()) {
            return calculator.answer(query, now, then, true, List.of());
        }
        List<String> notes = new ArrayList<>();
        LocalDate first = compare == null || query.period().from().isBefore(compare.from()) ? query.period().from()
                : compare.from();
        LocalDate last = compare == null || query.period().to().isAfter(compare.to()) ? query.period().to()
                : compare.to();
        InsightSql.FxJoin fx = rates(found, first, last, notes);
        List<Sums> convertedNow = sums(query, query.period(), fx);
        List<Sums> convertedThen = compare == null ? List.of() : sums(query, compare, fx);
        if (missing(convertedNow) || missing(convertedThen)) {
            return calculator.answer(query, now, then, false, List.of("Some figures are in a currency with no"
                    + " exchange rate for their day, so figures come per currency and are not added together."));
        }
        return calculator.answer(query, convertedNow, convertedThen, true, notes);
    }

    private List<Sums> sums(MetricsQuery query, Period period, InsightSql.FxJoin fx) throws SQLException {
        InsightSql sql = new InsightSql(tenantId, query, calculator.bases(query), period, fx != null, fx);
        List<Sums> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql.sql)) {
            for (int i = 0; i < sql.params.size(); i++) {
                Object p = sql.params.get(i);
                if (p instanceof String[] texts) {
                    st.setArray(i + 1, c.createArrayOf("text", texts));
                } else if (p instanceof Date[] days) {
                    st.setArray(i + 1, c.createArrayOf("date", days));
                } else if (p instanceof BigDecimal[] numbers) {
                    st.setArray(i + 1, c.createArrayOf("numeric", numbers));
                } else if (p instanceof LocalDate day) {
                    st.setDate(i + 1, Date.valueOf(day));
                } else {
                    st.setObject(i + 1, p);
                }
            }
            try (ResultSet r = st.executeQuery()) {
                int dims = query.dimensions().size();
                while (r.next()) {
                    int at = 2 * dims + 1;
                    if (dims == 0 && r.getObject(at + 1) == null && !sql.bases.isEmpty()) {
                        continue; // an aggregate over no rows at all
                    }
                    List<String> keys = new ArrayList<>();
                    List<String> labels = new ArrayList<>();
                    for (int d = 0; d < dims; d++) {
                        keys.add(r.getString(2 * d + 1));
                        labels.add(r.getString(2 * d + 2));
                    }
                    String cur = r.getString(at);
                    Map<String, BigDecimal> bases = new LinkedHashMap<>();
                    for (int b = 0; b < sql.bases.size(); b++) {
                        BigDecimal v = r.getBigDecimal(at + 1 + b);
                        bases.put(sql.bases.get(b), v == null ? BigDecimal.ZERO : v);
                    }
                    out.add(new Sums(keys, labels, "*".equals(cur) ? currency : cur, bases,
                            r.getLong(at + 1 + sql.bases.size())));
                }
            }
        }
        return out;
    }

    private static boolean missing(List<Sums> sums) {
        return sums.stream().anyMatch(s -> s.unconverted() > 0);
    }

    /** The rates from each other currency to the reporting one, per day of the range. */
    private InsightSql.FxJoin rates(Set<String> found, LocalDate first, LocalDate last, List<String> notes)
            throws SQLException {
        List<String> currencies = new ArrayList<>();
        List<Date> days = new ArrayList<>();
        List<BigDecimal> factors = new ArrayList<>();
        boolean stale = false;
        Set<String> all = new TreeSet<>(found);
        all.add(currency); // its own figures join with a factor of one
        for (String from : all) {
            FxRates.Factors f = FxRates.factors(c, from, currency, first, last);
            stale |= f.staleUsed();
            f.byDay().forEach((day, factor) -> {
                currencies.add(from);
                days.add(Date.valueOf(day));
                factors.add(factor);
            });
        }
        notes.add("Figures in " + String.join(", ", found)
                + " are converted to " + currency + " at each day's rate" + (stale
                ? " (the latest earlier rate where a day has none)." : "."));
        return new InsightSql.FxJoin(currencies.toArray(String[]::new), days.toArray(Date[]::new),
                factors.toArray(BigDecimal[]::new));
    }
}

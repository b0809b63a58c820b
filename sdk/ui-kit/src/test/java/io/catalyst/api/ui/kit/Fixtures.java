package io.catalyst.api.ui.kit;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricDefinition.Format;
import io.catalyst.api.metrics.MetricDefinition.Kind;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import io.catalyst.api.metrics.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hand-made answers for the kit's tests. */
final class Fixtures {

    static final List<MetricDefinition> CATALOGUE = List.of(
            def("spend", "Spend", Format.MONEY, false),
            def("revenue", "Revenue", Format.MONEY, true),
            def("clicks", "Clicks", Format.INTEGER, true),
            def("impressions", "Impressions", Format.INTEGER, true),
            def("conversions", "Conversions", Format.DECIMAL, true),
            def("ctr", "CTR", Format.PERCENT, true),
            def("cpa", "CPA", Format.MONEY, false),
            def("roas", "ROAS", Format.RATIO, true));

    static final Kit KIT = Kit.of(CATALOGUE, "EUR", Locale.US);

    static final Period NOVEMBER = new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

    private Fixtures() {
    }

    static MetricDefinition def(String name, String label, Format format, boolean higherIsBetter) {
        return new MetricDefinition(name, label, label + " description", Kind.BASE, format, null, higherIsBetter);
    }

    static Map<String, BigDecimal> values(Object... pairs) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1] == null ? null : new BigDecimal(pairs[i + 1].toString()));
        }
        return m;
    }

    static Row row(String key, String label, Map<String, BigDecimal> values, Map<String, BigDecimal> compare) {
        return new Row(List.of(key), List.of(label), "EUR", values, compare);
    }

    /** Two campaigns and their totals, with a compare period. */
    static MetricsResult campaigns(boolean compare) {
        Row a = row("meta-ads:1", "Summer, Sale", values("spend", "100.50", "revenue", "402", "ctr", "0.0125", "roas",
                "4"), compare ? values("spend", "80", "revenue", "300", "ctr", "0.01", "roas", "3.75") : Map.of());
        Row b = row("google-ads:7", "Brand \"Search\"", values("spend", "50", "revenue", "0", "ctr", null, "roas",
                "0"), compare ? values("spend", "0", "revenue", "0", "ctr", null, "roas", null) : Map.of());
        Row total = new Row(List.of(), List.of(), "EUR", values("spend", "150.50", "revenue", "402", "ctr", "0.0125",
                "roas", "2.671"), compare ? values("spend", "80", "revenue", "300", "ctr", "0.01", "roas", "3.75")
                : Map.of());
        return new MetricsResult(List.of("spend", "revenue", "ctr", "roas"), List.of(Dimension.CAMPAIGN), "EUR",
                NOVEMBER, compare ? NOVEMBER.previous() : null, List.of(a, b), List.of(total), 2, List.of());
    }

    /** Three days of spend and revenue, with a compare period. */
    static MetricsResult days() {
        List<Row> rows = List.of(
                row("2026-11-03", "2026-11-03", values("spend", "30", "revenue", "90"), values("spend", "20",
                        "revenue", "40")),
                row("2026-11-01", "2026-11-01", values("spend", "10", "revenue", "20"), values("spend", "12",
                        "revenue", "30")),
                row("2026-11-02", "2026-11-02", values("spend", "20", "revenue", "50"), values("spend", "18",
                        "revenue", "35")));
        Row total = new Row(List.of(), List.of(), "EUR", values("spend", "60", "revenue", "160"),
                values("spend", "50", "revenue", "105"));
        Period p = new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
        return new MetricsResult(List.of("spend", "revenue"), List.of(Dimension.DATE), "EUR", p, p.previous(), rows,
                List.of(total), 3, List.of());
    }
}

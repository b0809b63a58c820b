package io.catalyst.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {

    private static final Period WEEK = new Period(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-08"));

    private final MetricsCalculator calculator = new MetricsCalculator(catalogue(),
            Map.of("cost_per_click_k", Formula.parse("cpc * 1000", MetricCatalogue::isPlatform)), "EUR");

    private static List<MetricDefinition> catalogue() {
        List<MetricDefinition> all = new ArrayList<>(MetricCatalogue.platform());
        all.add(new MetricDefinition("cost_per_click_k", "CPC × 1000", "", MetricDefinition.Kind.CUSTOM,
                MetricDefinition.Format.MONEY, "cpc * 1000", false));
        return all;
    }

    private static Sums sums(String key, String currency, String spend, long impressions, long clicks,
                             String revenue) {
        Map<String, BigDecimal> b = new LinkedHashMap<>(Sums.zeros());
        b.put("spend", new BigDecimal(spend));
        b.put("impressions", BigDecimal.valueOf(impressions));
        b.put("clicks", BigDecimal.valueOf(clicks));
        b.put("revenue", new BigDecimal(revenue));
        return new Sums(key == null ? List.of() : List.of(key), key == null ? List.of() : List.of(key), currency, b,
                0);
    }

    @Test
    void derivedMetricsComeFromSummedBasesNeverFromAveragedRatios() {
        // day one: 1 click of 100 impressions (CTR 1 %); day two: 30 of 1000 (3 %). Mean of ratios: 2 %; true: 31/1100
        MetricsQuery q = MetricsQuery.of(WEEK, "ctr", "clicks").by(Dimension.DATE).build();
        MetricsResult r = calculator.answer(q, List.of(sums("2026-11-02", "EUR", "1", 100, 1, "0"),
                sums("2026-11-03", "EUR", "2", 1000, 30, "0")), List.of(), true, List.of());
        assertThat(r.total().orElseThrow().value("ctr")).isEqualByComparingTo("0.028182");
        assertThat(r.total().orElseThrow().value("clicks")).isEqualByComparingTo("31");
    }

    @Test
    void aTimeSeriesHasEveryBucketAndTheCompareBucketsLineUpByPosition() {
        MetricsQuery q = MetricsQuery.of(WEEK, "spend").by(Dimension.DATE).compare(Comparison.PREVIOUS_PERIOD).build();
        MetricsResult r = calculator.answer(q, List.of(sums("2026-11-03", "EUR", "10", 1, 1, "0")),
                List.of(sums("2026-10-27", "EUR", "4", 1, 1, "0")), true, List.of());
        assertThat(r.rows()).hasSize(7);
        assertThat(r.rows().get(0).value("spend")).isEqualByComparingTo("0");
        assertThat(r.rows().get(1).keys()).containsExactly("2026-11-03");
        assertThat(r.rows().get(1).compare().get("spend")).isEqualByComparingTo("4");
        assertThat(r.rows().get(1).delta("spend")).isEqualByComparingTo("6");
        assertThat(r.rows().get(1).change("spend")).isEqualByComparingTo("1.5");
        assertThat(r.comparePeriod()).isEqualTo(new Period(LocalDate.parse("2026-10-26"),
                LocalDate.parse("2026-11-01")));
    }

    @Test
    void figuresInTwoCurrenciesAreNeverAddedTogether() {
        MetricsQuery q = MetricsQuery.of(WEEK, "spend", "roas").by(Dimension.CHANNEL).build();
        MetricsResult r = calculator.answer(q, List.of(sums("meta-ads", "EUR", "10", 1, 1, "30"),
                sums("google-ads", "USD", "20", 1, 1, "20")), List.of(), false, List.of());
        assertThat(r.currency()).isNull();
        assertThat(r.totals()).hasSize(2).extracting(MetricsResult.Row::currency).containsExactly("EUR", "USD");
        assertThat(r.totals().get(0).value("spend")).isEqualByComparingTo("10");
        assertThat(r.totals().get(1).value("roas")).isEqualByComparingTo("1");
    }

    @Test
    void customMetricsUseDerivedOnesAndSortingAndTheLimitKeepTotalsWhole() {
        MetricsQuery q = MetricsQuery.of(WEEK, "spend", "cost_per_click_k").by(Dimension.CHANNEL).sortBy("spend")
                .limit(1).build();
        MetricsResult r = calculator.answer(q, List.of(sums("a", "EUR", "10", 1, 5, "0"),
                sums("b", "EUR", "30", 1, 10, "0")), List.of(), true, List.of());
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().get(0).keys()).containsExactly("b");
        assertThat(r.rows().get(0).value("cost_per_click_k")).isEqualByComparingTo("3000");
        assertThat(r.total().orElseThrow().value("spend")).isEqualByComparingTo("40");
        assertThat(r.rowCount()).isEqualTo(2);
        assertThat(r.notes()).anyMatch(n -> n.contains("Showing 1 of 2"));
    }

    @Test
    void unknownMetricsAndSortsAreRefused() {
        assertThatThrownBy(() -> calculator.check(MetricsQuery.of(WEEK, "spend", "profit").build()))
                .isInstanceOf(MetricsException.class).hasMessageContaining("unknown metric 'profit'");
        assertThatThrownBy(() -> calculator.check(MetricsQuery.of(WEEK, "spend").sortBy("ctr").build()))
                .hasMessageContaining("sort by one of the metrics");
    }

    @Test
    void anEmptyPeriodAnswersZeroTotalsInTheReportingCurrency() {
        MetricsResult r = calculator.answer(MetricsQuery.of(WEEK, "spend", "ctr").build(), List.of(), List.of(),
                true, List.of());
        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.total().orElseThrow().value("spend")).isEqualByComparingTo("0");
        assertThat(r.total().orElseThrow().value("ctr")).isNull();
    }
}

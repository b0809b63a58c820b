package io.catalyst.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricDefinition.Format;
import io.catalyst.api.metrics.MetricDefinition.Kind;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import io.catalyst.api.metrics.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    private static final Period WEEK = new Period(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
    private final Kit kit = Kit.of(List.of(
            new MetricDefinition("spend", "Spend", "", Kind.BASE, Format.MONEY, null, false),
            new MetricDefinition("roas", "ROAS", "", Kind.DERIVED, Format.RATIO, "revenue / spend", true)),
            "EUR", Locale.UK);

    private static Map<String, BigDecimal> values(String spend, String roas) {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        v.put("spend", new BigDecimal(spend));
        v.put("roas", roas == null ? null : new BigDecimal(roas));
        return v;
    }

    @Test
    void theKpisChartAndTableAreInThePdfWithTheScreensFigures() throws Exception {
        MetricsResult byDay = new MetricsResult(List.of("spend", "roas"), List.of(Dimension.DATE), "EUR", WEEK,
                null, List.of(new Row(List.of("2026-11-02"), List.of("2026-11-02"), "EUR", values("100.50", "2"),
                Map.of()), new Row(List.of("2026-11-03"), List.of("2026-11-03"), "EUR", values("20", null),
                Map.of())), List.of(new Row(List.of(""), List.of(""), "EUR", values("120.50", "1.75"), Map.of())),
                2, List.of());
        MetricsResult byCampaign = new MetricsResult(List.of("spend"), List.of(Dimension.CAMPAIGN), "EUR", WEEK,
                null, List.of(new Row(List.of("meta-ads:1"), List.of("Spring Sale"), "EUR", values("120.50", null),
                Map.of())), List.of(new Row(List.of(""), List.of(""), "EUR", values("120.50", null), Map.of())),
                1, List.of());

        byte[] pdf = PdfReport.of(kit, "Overview", "Acme Outdoor · 2026-11-02 to 2026-11-03")
                .kpis(byDay, List.of("spend", "roas")).lineChart("Over time", byDay, List.of("spend"))
                .table("Campaigns", byCampaign).render();

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Overview").contains("Acme Outdoor").contains("Spend").contains("€120.50")
                .contains("1.75×").contains("Spring Sale").contains("Total").contains("Over time");
    }
}

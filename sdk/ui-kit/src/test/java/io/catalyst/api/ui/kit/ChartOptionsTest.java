package io.catalyst.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    private final ChartOptions charts = new ChartOptions(Fixtures.KIT);

    private static List<String> names(JsonObject option) {
        JsonArray series = option.getArray("series");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < series.length(); i++) {
            out.add(series.getObject(i).getString("name"));
        }
        return out;
    }

    private static List<Double> data(JsonObject series) {
        JsonArray a = series.getArray("data");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            out.add(a.get(i).getType() == JsonType.NULL ? null : a.getNumber(i));
        }
        return out;
    }

    @Test
    void lineHasASeriesPerMetricAndADashedCompareSeriesInDateOrder() {
        JsonObject option = charts.line(Fixtures.days(), "spend", "revenue");

        assertThat(names(option)).containsExactly("Spend", "Spend (previous)", "Revenue", "Revenue (previous)");
        JsonArray series = option.getArray("series");
        assertThat(series.getObject(0).getString("type")).isEqualTo("line");
        assertThat(series.getObject(0).hasKey("lineStyle")).isFalse();
        assertThat(series.getObject(1).getObject("lineStyle").getString("type")).isEqualTo("dashed");
        assertThat(data(series.getObject(0))).containsExactly(10.0, 20.0, 30.0);
        assertThat(data(series.getObject(1))).containsExactly(12.0, 18.0, 20.0);
        JsonArray x = option.getObject("xAxis").getArray("data");
        assertThat(x.getString(0)).isEqualTo("2026-11-01");
        assertThat(x.getString(2)).isEqualTo("2026-11-03");
        // both are money: one y axis, formatted as euros
        assertThat(option.getArray("yAxis").length()).isEqualTo(1);
        assertThat(option.getArray("yAxis").getObject(0).getObject("axisLabel").getObject("catalystFormat")
                .getString("currency")).isEqualTo("EUR");
    }

    @Test
    void withoutCompareThereIsNoDashedSeries() {
        JsonObject option = charts.bar(Fixtures.campaigns(false), "spend");
        assertThat(names(option)).containsExactly("Spend");
        assertThat(option.getArray("series").getObject(0).getString("type")).isEqualTo("bar");
    }

    @Test
    void differentFormatsGetTwoAxes() {
        JsonObject option = charts.line(Fixtures.campaigns(true), "spend", "roas");

        assertThat(option.getArray("yAxis").length()).isEqualTo(2);
        assertThat(option.getArray("yAxis").getObject(1).getObject("axisLabel").getObject("catalystFormat")
                .getString("suffix")).isEqualTo("×");
        assertThat(option.getArray("series").getObject(2).getNumber("yAxisIndex")).isEqualTo(1);
    }

    @Test
    void areaFillsAndCompareBarsAreHollowAndDashed() {
        assertThat(charts.area(Fixtures.days(), "spend").getArray("series").getObject(0).hasKey("areaStyle"))
                .isTrue();
        JsonObject bars = charts.bar(Fixtures.campaigns(true), "spend");
        JsonObject compare = bars.getArray("series").getObject(1);
        assertThat(compare.getObject("itemStyle").getString("borderType")).isEqualTo("dashed");
        assertThat(compare.getObject("itemStyle").getString("color")).isEqualTo("transparent");
    }

    @Test
    void pieAndDonutHaveASliceForEachPositiveRow() {
        JsonObject pie = charts.pie(Fixtures.campaigns(false), "revenue");
        JsonObject donut = charts.donut(Fixtures.campaigns(false), "spend");

        JsonObject pieSeries = pie.getArray("series").getObject(0);
        assertThat(pieSeries.getString("type")).isEqualTo("pie");
        assertThat(pieSeries.getArray("data").length()).isEqualTo(1); // the zero-revenue campaign has no slice
        assertThat(pieSeries.getArray("radius").length()).isEqualTo(1);
        JsonObject donutSeries = donut.getArray("series").getObject(0);
        assertThat(donutSeries.getArray("radius").getString(0)).isEqualTo("45%");
        assertThat(donutSeries.getArray("data").length()).isEqualTo(2);
        assertThat(donutSeries.getArray("data").getObject(0).getString("name")).isEqualTo("Summer, Sale");
    }

    @Test
    void funnelTakesTheTotalsStagesAndOutlinesTheComparePeriod() {
        JsonObject funnel = charts.funnel(Fixtures.campaigns(true), "spend", "revenue");
        assertThat(names(funnel)).containsExactly("Funnel", "Funnel (previous)");
        JsonObject stages = funnel.getArray("series").getObject(0);
        assertThat(stages.getString("type")).isEqualTo("funnel");
        assertThat(stages.getArray("data").getObject(1).getString("name")).isEqualTo("Revenue");
        assertThat(stages.getArray("data").getObject(1).getNumber("value")).isEqualTo(402.0);
    }

    @Test
    void stackedBarStacksTheSecondDimension() {
        Row a = new Row(List.of("2026-11-01", "meta-ads"), List.of("2026-11-01", "meta-ads"), "EUR",
                Fixtures.values("spend", "10"), Map.of());
        Row b = new Row(List.of("2026-11-01", "google-ads"), List.of("2026-11-01", "google-ads"), "EUR",
                Fixtures.values("spend", "5"), Map.of());
        Row c = new Row(List.of("2026-11-02", "meta-ads"), List.of("2026-11-02", "meta-ads"), "EUR",
                Fixtures.values("spend", "7"), Map.of());
        MetricsResult r = new MetricsResult(List.of("spend"), List.of(Dimension.DATE, Dimension.CHANNEL), "EUR",
                Fixtures.NOVEMBER, null, List.of(a, b, c), List.of(), 3, List.of());

        JsonObject option = charts.stackedBar(r, "spend");

        assertThat(names(option)).containsExactly("meta-ads", "google-ads");
        assertThat(option.getArray("series").getObject(0).getString("stack")).isEqualTo("spend");
        assertThat(data(option.getArray("series").getObject(0))).containsExactly(10.0, 7.0);
        assertThat(data(option.getArray("series").getObject(1))).containsExactly(5.0, null);

        JsonObject heat = charts.heatmap(r, "spend");
        assertThat(heat.getArray("series").getObject(0).getString("type")).isEqualTo("heatmap");
        assertThat(heat.getArray("series").getObject(0).getArray("data").length()).isEqualTo(3);
        assertThat(heat.getObject("visualMap").getNumber("max")).isEqualTo(10.0);
        assertThatThrownBy(() -> charts.stackedBar(Fixtures.days(), "spend"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weekdayHeatmapPutsDaysOnTheirWeekday() {
        JsonObject heat = charts.weekdayHeatmap(Fixtures.days(), "spend");
        JsonArray cells = heat.getArray("series").getObject(0).getArray("data");
        assertThat(cells.length()).isEqualTo(3);
        // 2026-11-01 is a Sunday (row 6), in the first week column
        JsonArray first = cells.getArray(0);
        assertThat(first.getNumber(0)).isEqualTo(0.0);
        assertThat(first.getNumber(1)).isEqualTo(6.0);
        assertThat(first.getNumber(2)).isEqualTo(10.0);
        assertThat(heat.getObject("yAxis").getArray("data").length()).isEqualTo(7);
    }

    @Test
    void annotationsBecomeMarkLinesAtTheirDay() {
        JsonObject option = charts.annotate(charts.line(Fixtures.days(), "spend"), List.of(
                new ChartOptions.Annotation(LocalDate.of(2026, 11, 2), "Launch"),
                new ChartOptions.Annotation(LocalDate.of(2026, 10, 2), "Before the chart")));

        JsonObject mark = option.getArray("series").getObject(0).getObject("markLine");
        assertThat(mark.getArray("data").length()).isEqualTo(1);
        assertThat(mark.getArray("data").getObject(0).getString("xAxis")).isEqualTo("2026-11-02");
        assertThat(mark.getArray("data").getObject(0).getObject("label").getString("formatter")).isEqualTo("Launch");
        assertThat(mark.getObject("lineStyle").getString("type")).isEqualTo("dashed");
    }

    @Test
    void sparklineHasNoAxesAndTheAccentColour() {
        KitTheme branded = KitTheme.DEFAULT.withAccent("#ff0088");
        JsonObject option = new ChartOptions(Fixtures.KIT.withTheme(branded)).sparkline(Fixtures.days(), "spend");
        assertThat(option.getObject("xAxis").getBoolean("show")).isFalse();
        assertThat(option.getArray("series").getObject(0).getObject("itemStyle").getString("color"))
                .isEqualTo("#ff0088");
        assertThat(names(option)).containsExactly("Spend", "Spend (previous)");
        assertThat(branded.colours().get(0)).isEqualTo("#ff0088");
        assertThatThrownBy(() -> KitTheme.DEFAULT.withAccent("red")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chartComponentCarriesTheOption() {
        Chart chart = new Chart(charts.line(Fixtures.days(), "spend"));
        assertThat(chart.getElement().getTag()).isEqualTo("catalyst-chart");
        assertThat(chart.getOption().getArray("series").length()).isEqualTo(2);
        assertThat(Chart.sparkline(charts.sparkline(Fixtures.days(), "spend")).getHeight()).isEqualTo("40px");
    }
}

package io.catalyst.api.ui.kit;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricDefinition.Format;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ECharts option objects made from a {@link MetricsResult}, for {@link Chart}. The first dimension of the result is
 * the category axis (dates for time series); values are the rows' figures. When the result has a compare period,
 * line and area charts get a dashed series per metric with the compare period's figures (matched bucket by bucket),
 * and bar charts a dashed, hollow bar. Axis labels and tooltips are formatted by each metric's
 * {@link Format} in the answer's currency.
 */
public final class ChartOptions implements Serializable {

    /** A mark on a time axis: a dashed vertical line at a day, with a label (a launch, an alert, a budget change). */
    public record Annotation(LocalDate date, String label) implements Serializable {
        public Annotation {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(label, "label");
        }
    }

    /** Suffix of compare series' names. */
    public static final String COMPARE_SUFFIX = " (previous)";

    private final Kit kit;

    public ChartOptions(Kit kit) {
        this.kit = Objects.requireNonNull(kit, "kit");
    }

    // ---- time series and categories -------------------------------------------------------------------------------

    public JsonObject line(MetricsResult result, String... metrics) {
        return cartesian(result, "line", false, false, List.of(metrics));
    }

    public JsonObject area(MetricsResult result, String... metrics) {
        return cartesian(result, "line", true, false, List.of(metrics));
    }

    public JsonObject bar(MetricsResult result, String... metrics) {
        return cartesian(result, "bar", false, false, List.of(metrics));
    }

    /**
     * One metric, stacked by the result's second dimension: e.g. spend by date (x) and channel (stack). Needs a
     * result with two dimensions.
     */
    public JsonObject stackedBar(MetricsResult result, String metric) {
        if (result.dimensions().size() < 2) {
            throw new IllegalArgumentException("a stacked bar needs two dimensions (x and stack), not "
                    + result.dimensions());
        }
        Map<String, String> xLabels = new LinkedHashMap<>();
        Map<String, String> stackLabels = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        for (Row row : sortedForAxis(result)) {
            xLabels.putIfAbsent(row.keys().get(0), row.labels().get(0));
            stackLabels.putIfAbsent(row.keys().get(1), row.labels().get(1));
            values.computeIfAbsent(row.keys().get(1), k -> new LinkedHashMap<>())
                    .merge(row.keys().get(0), orZero(row.value(metric)), BigDecimal::add);
        }
        Format format = kit.format(metric);
        JsonObject option = base(format, result.currency());
        option.put("xAxis", categoryAxis(new ArrayList<>(xLabels.values())));
        option.put("yAxis", array(valueAxis(format, result.currency())));
        option.put("legend", legend());
        JsonArray series = Json.createArray();
        int n = 0;
        for (Map.Entry<String, String> stack : stackLabels.entrySet()) {
            JsonObject s = Json.createObject();
            s.put("name", stack.getValue());
            s.put("type", "bar");
            s.put("stack", metric);
            s.put("emphasis", object("focus", Json.create("series")));
            s.put("itemStyle", object("color", Json.create(kit.theme().colour(n++))));
            JsonArray data = Json.createArray();
            Map<String, BigDecimal> byX = values.get(stack.getKey());
            for (String x : xLabels.keySet()) {
                data.set(data.length(), number(byX.get(x)));
            }
            s.put("data", data);
            series.set(series.length(), s);
        }
        option.put("series", series);
        return option;
    }

    // ---- parts of a whole -----------------------------------------------------------------------------------------

    public JsonObject pie(MetricsResult result, String metric) {
        return pie(result, metric, false);
    }

    public JsonObject donut(MetricsResult result, String metric) {
        return pie(result, metric, true);
    }

    private JsonObject pie(MetricsResult result, String metric, boolean donut) {
        Format format = kit.format(metric);
        JsonObject option = base(format, result.currency());
        option.getObject("tooltip").put("trigger", "item");
        option.put("legend", legend());
        JsonObject s = Json.createObject();
        s.put("name", kit.label(metric));
        s.put("type", "pie");
        s.put("radius", donut ? array(Json.create("45%"), Json.create("70%")) : array(Json.create("70%")));
        s.put("center", array(Json.create("50%"), Json.create("45%")));
        s.put("avoidLabelOverlap", true);
        JsonObject label = Json.createObject();
        label.put("show", !donut);
        s.put("label", label);
        JsonArray data = Json.createArray();
        int n = 0;
        for (Row row : result.rows()) {
            BigDecimal v = row.value(metric);
            if (v == null || v.signum() <= 0) {
                continue;
            }
            JsonObject slice = Json.createObject();
            slice.put("name", String.join(" · ", row.labels()));
            slice.put("value", v.doubleValue());
            slice.put("itemStyle", object("color", Json.create(kit.theme().colour(n++))));
            data.set(data.length(), slice);
        }
        s.put("data", data);
        option.put("series", array(s));
        return option;
    }

    /**
     * A funnel from the totals row, one stage per metric in order (e.g. impressions, clicks, conversions); with a
     * compare period the previous figures come as a second, dashed funnel outline.
     */
    public JsonObject funnel(MetricsResult result, String... stages) {
        Row total = result.total().orElse(null);
        JsonObject option = base(Format.INTEGER, result.currency());
        option.getObject("tooltip").put("trigger", "item");
        option.put("legend", legend());
        JsonArray data = Json.createArray();
        for (int i = 0; i < stages.length; i++) {
            JsonObject stage = Json.createObject();
            stage.put("name", kit.label(stages[i]));
            stage.put("value", total == null ? Json.createNull() : number(total.value(stages[i])));
            stage.put("itemStyle", object("color", Json.create(kit.theme().colour(i))));
            data.set(data.length(), stage);
        }
        JsonObject s = Json.createObject();
        s.put("name", "Funnel");
        s.put("type", "funnel");
        s.put("sort", "descending");
        s.put("gap", 2);
        s.put("left", "10%");
        s.put("width", "80%");
        s.put("label", object("position", Json.create("inside")));
        s.put("data", data);
        JsonArray series = array(s);
        if (result.comparePeriod() != null && total != null) {
            JsonArray before = Json.createArray();
            for (String stage : stages) {
                JsonObject o = Json.createObject();
                o.put("name", kit.label(stage));
                o.put("value", number(total.compare().get(stage)));
                before.set(before.length(), o);
            }
            JsonObject c = Json.createObject();
            c.put("name", "Funnel" + COMPARE_SUFFIX);
            c.put("type", "funnel");
            c.put("sort", "descending");
            c.put("gap", 2);
            c.put("left", "10%");
            c.put("width", "80%");
            c.put("label", object("show", Json.create(false)));
            JsonObject style = Json.createObject();
            style.put("color", "transparent");
            style.put("borderColor", kit.theme().neutral());
            style.put("borderType", "dashed");
            style.put("borderWidth", 1);
            c.put("itemStyle", style);
            c.put("data", before);
            series.set(series.length(), c);
        }
        option.put("series", series);
        return option;
    }

    // ---- heatmaps -------------------------------------------------------------------------------------------------

    /** One metric over the result's two dimensions: the first along x (e.g. date), the second along y (channel). */
    public JsonObject heatmap(MetricsResult result, String metric) {
        if (result.dimensions().size() < 2) {
            throw new IllegalArgumentException("a heatmap needs two dimensions, not " + result.dimensions());
        }
        Map<String, String> xs = new LinkedHashMap<>();
        Map<String, String> ys = new LinkedHashMap<>();
        for (Row row : sortedForAxis(result)) {
            xs.putIfAbsent(row.keys().get(0), row.labels().get(0));
            ys.putIfAbsent(row.keys().get(1), row.labels().get(1));
        }
        List<String> xKeys = new ArrayList<>(xs.keySet());
        List<String> yKeys = new ArrayList<>(ys.keySet());
        List<double[]> cells = new ArrayList<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Row row : result.rows()) {
            BigDecimal v = row.value(metric);
            if (v != null) {
                sums.merge(row.keys().get(0) + "\u0000" + row.keys().get(1), v, BigDecimal::add);
            }
        }
        sums.forEach((k, v) -> {
            String[] parts = k.split("\u0000", 2);
            cells.add(new double[] {xKeys.indexOf(parts[0]), yKeys.indexOf(parts[1]), v.doubleValue()});
        });
        return heatmap(new ArrayList<>(xs.values()), new ArrayList<>(ys.values()), cells, metric,
                result.currency());
    }

    /**
     * A daily series (a result by {@link Dimension#DATE} at day grain) as a weekday × week heatmap: which days of
     * the week carry a metric.
     */
    public JsonObject weekdayHeatmap(MetricsResult result, String metric) {
        int dateAt = result.dimensions().indexOf(Dimension.DATE);
        if (dateAt < 0) {
            throw new IllegalArgumentException("a weekday heatmap needs the date dimension");
        }
        Map<String, Integer> weeks = new LinkedHashMap<>();
        List<double[]> cells = new ArrayList<>();
        for (Row row : sortedForAxis(result)) {
            LocalDate day = LocalDate.parse(row.keys().get(dateAt));
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            int x = weeks.computeIfAbsent(week, w -> weeks.size());
            BigDecimal v = row.value(metric);
            if (v != null) {
                cells.add(new double[] {x, day.getDayOfWeek().getValue() - 1, v.doubleValue()});
            }
        }
        List<String> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(d.getDisplayName(TextStyle.SHORT, kit.locale()));
        }
        return heatmap(new ArrayList<>(weeks.keySet()), days, cells, metric, result.currency());
    }

    /** A heatmap of given cells ({x index, y index, value}), e.g. day of week × hour from a plugin's own data. */
    public JsonObject heatmap(List<String> xLabels, List<String> yLabels, List<double[]> cells, String metric,
                              String currency) {
        Format format = kit.format(metric);
        JsonObject option = base(format, currency);
        option.getObject("tooltip").put("position", "top");
        option.getObject("tooltip").put("trigger", "item");
        option.put("xAxis", categoryAxis(xLabels));
        JsonObject y = categoryAxis(yLabels);
        option.put("yAxis", y);
        double max = 0;
        JsonArray data = Json.createArray();
        for (double[] c : cells) {
            max = Math.max(max, c[2]);
            data.set(data.length(), array(Json.create(c[0]), Json.create(c[1]), Json.create(c[2])));
        }
        JsonObject visual = Json.createObject();
        visual.put("min", 0);
        visual.put("max", max == 0 ? 1 : max);
        visual.put("calculable", true);
        visual.put("orient", "horizontal");
        visual.put("left", "center");
        visual.put("bottom", 0);
        visual.put("inRange", object("color", array(Json.create("#eef4fe"), Json.create(kit.theme().accent()))));
        visual.put("catalystFormat", kit.formats(currency).chartFormat(format));
        option.put("visualMap", visual);
        option.getObject("grid").put("bottom", 56);
        JsonObject s = Json.createObject();
        s.put("name", kit.label(metric));
        s.put("type", "heatmap");
        s.put("data", data);
        s.put("emphasis", object("itemStyle", object("borderColor", Json.create("#333"))));
        option.put("series", array(s));
        return option;
    }

    // ---- small ones -----------------------------------------------------------------------------------------------

    /** A tiny area line for a KPI tile: no axes, no legend, the compare period as a faint dashed line. */
    public JsonObject sparkline(MetricsResult result, String metric) {
        JsonObject option = Json.createObject();
        option.put("animation", false);
        JsonObject grid = Json.createObject();
        grid.put("left", 0);
        grid.put("right", 0);
        grid.put("top", 2);
        grid.put("bottom", 2);
        option.put("grid", grid);
        List<Row> rows = sortedForAxis(result);
        List<String> labels = rows.stream().map(r -> r.labels().isEmpty() ? "" : r.labels().get(0)).toList();
        JsonObject x = categoryAxis(labels);
        x.put("show", false);
        x.put("boundaryGap", false);
        option.put("xAxis", x);
        JsonObject y = Json.createObject();
        y.put("type", "value");
        y.put("show", false);
        option.put("yAxis", y);
        JsonObject tooltip = Json.createObject();
        tooltip.put("show", false);
        option.put("tooltip", tooltip);
        String colour = kit.theme().accent();
        JsonObject s = series(kit.label(metric), "line", rows, metric, false, colour);
        s.put("showSymbol", false);
        s.put("areaStyle", object("opacity", Json.create(0.15)));
        s.put("lineStyle", object("width", Json.create(1.5)));
        JsonArray series = array(s);
        if (result.comparePeriod() != null) {
            JsonObject c = series(kit.label(metric) + COMPARE_SUFFIX, "line", rows, metric, true, kit.theme().neutral());
            c.put("showSymbol", false);
            series.set(series.length(), c);
        }
        option.put("series", series);
        return option;
    }

    // ---- annotations ----------------------------------------------------------------------------------------------

    /**
     * Marks days on a time chart made from a result by {@link Dimension#DATE}: each annotation becomes a dashed
     * vertical line with its label at the bucket holding its date (the week or month for coarser grains).
     * Annotations outside the chart's dates are left out.
     */
    public JsonObject annotate(JsonObject option, List<Annotation> annotations) {
        if (!option.hasKey("xAxis") || !option.hasKey("series") || option.getArray("series").length() == 0) {
            return option;
        }
        JsonArray categories = option.getObject("xAxis").getArray("data");
        JsonArray keys = option.getObject("xAxis").hasKey("keys") ? option.getObject("xAxis").getArray("keys")
                : categories;
        JsonArray lines = Json.createArray();
        for (Annotation a : annotations) {
            int at = -1;
            for (int i = 0; i < keys.length(); i++) {
                String key = keys.getString(i);
                LocalDate start;
                try {
                    start = LocalDate.parse(key);
                } catch (RuntimeException notADate) {
                    continue;
                }
                if (!start.isAfter(a.date())) {
                    at = i;
                }
            }
            LocalDate last = at < 0 ? null : LocalDate.parse(keys.getString(keys.length() - 1));
            if (at < 0 || (at == keys.length() - 1 && a.date().isAfter(last.plusDays(92)))) {
                continue;
            }
            JsonObject line = Json.createObject();
            line.put("xAxis", categories.getString(at));
            line.put("name", a.label());
            JsonObject label = Json.createObject();
            label.put("formatter", a.label());
            label.put("position", "insideEndTop");
            line.put("label", label);
            lines.set(lines.length(), line);
        }
        if (lines.length() > 0) {
            JsonObject mark = Json.createObject();
            mark.put("symbol", array(Json.create("none"), Json.create("none")));
            mark.put("silent", true);
            JsonObject style = Json.createObject();
            style.put("type", "dashed");
            style.put("color", kit.theme().neutral());
            mark.put("lineStyle", style);
            mark.put("data", lines);
            option.getArray("series").getObject(0).put("markLine", mark);
        }
        return option;
    }

    // ---- building blocks ------------------------------------------------------------------------------------------

    private JsonObject cartesian(MetricsResult result, String type, boolean area, boolean stack,
                                 List<String> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("name at least one metric to draw");
        }
        List<Row> rows = sortedForAxis(result);
        // one y axis per format, at most two (left and right); further formats share the right one
        List<Format> formats = new ArrayList<>();
        for (String m : metrics) {
            if (!formats.contains(kit.format(m))) {
                formats.add(kit.format(m));
            }
        }
        JsonObject option = base(formats.get(0), result.currency());
        JsonObject x = categoryAxis(rows.stream().map(r -> String.join(" · ", r.labels())).toList());
        JsonArray keys = Json.createArray();
        rows.forEach(r -> keys.set(keys.length(), String.join("|", r.keys())));
        x.put("keys", keys);
        if ("line".equals(type)) {
            x.put("boundaryGap", false);
        }
        option.put("xAxis", x);
        JsonArray yAxes = Json.createArray();
        for (int i = 0; i < Math.min(2, formats.size()); i++) {
            JsonObject y = valueAxis(formats.get(i), result.currency());
            if (i == 1) {
                y.put("position", "right");
                y.put("splitLine", object("show", Json.create(false)));
            }
            yAxes.set(yAxes.length(), y);
        }
        option.put("yAxis", yAxes);
        option.put("legend", legend());
        JsonArray series = Json.createArray();
        boolean compare = result.comparePeriod() != null;
        for (int i = 0; i < metrics.size(); i++) {
            String m = metrics.get(i);
            int axis = Math.min(1, formats.indexOf(kit.format(m)));
            String colour = kit.theme().colour(i);
            JsonObject s = series(kit.label(m), type, rows, m, false, colour);
            s.put("yAxisIndex", axis);
            s.put("tooltip", object("catalystFormat", kit.formats(result.currency()).chartFormat(kit.format(m))));
            if (area) {
                s.put("areaStyle", object("opacity", Json.create(0.18)));
            }
            if (stack) {
                s.put("stack", "total");
            }
            series.set(series.length(), s);
            if (compare) {
                JsonObject c = series(kit.label(m) + COMPARE_SUFFIX, type, rows, m, true, colour);
                c.put("yAxisIndex", axis);
                c.put("tooltip", object("catalystFormat", kit.formats(result.currency())
                        .chartFormat(kit.format(m))));
                series.set(series.length(), c);
            }
        }
        option.put("series", series);
        return option;
    }

    private JsonObject series(String name, String type, List<Row> rows, String metric, boolean compare,
                              String colour) {
        JsonObject s = Json.createObject();
        s.put("name", name);
        s.put("type", type);
        JsonArray data = Json.createArray();
        for (Row row : rows) {
            data.set(data.length(), number(compare ? row.compare().get(metric) : row.value(metric)));
        }
        s.put("data", data);
        if ("line".equals(type)) {
            s.put("smooth", false);
            s.put("showSymbol", rows.size() <= 31);
        }
        JsonObject item = Json.createObject();
        item.put("color", colour);
        if (compare) {
            JsonObject line = Json.createObject();
            line.put("type", "dashed");
            line.put("width", 1.5);
            line.put("color", colour);
            line.put("opacity", 0.6);
            s.put("lineStyle", line);
            if ("bar".equals(type)) {
                item.put("color", "transparent");
                item.put("borderColor", colour);
                item.put("borderType", "dashed");
                item.put("borderWidth", 1.5);
            } else {
                item.put("opacity", 0.6);
            }
            s.put("z", 1);
        }
        s.put("itemStyle", item);
        return s;
    }

    private JsonObject base(Format format, String currency) {
        JsonObject option = Json.createObject();
        option.put("color", palette());
        JsonObject tooltip = Json.createObject();
        tooltip.put("trigger", "axis");
        tooltip.put("confine", true);
        tooltip.put("catalystFormat", kit.formats(currency).chartFormat(format));
        option.put("tooltip", tooltip);
        JsonObject grid = Json.createObject();
        grid.put("left", 8);
        grid.put("right", 8);
        grid.put("top", 40);
        grid.put("bottom", 8);
        grid.put("containLabel", true);
        option.put("grid", grid);
        return option;
    }

    private JsonArray palette() {
        JsonArray colours = Json.createArray();
        kit.theme().colours().forEach(c -> colours.set(colours.length(), c));
        return colours;
    }

    private static JsonObject legend() {
        JsonObject legend = Json.createObject();
        legend.put("type", "scroll");
        legend.put("top", 0);
        return legend;
    }

    private static JsonObject categoryAxis(List<String> labels) {
        JsonObject x = Json.createObject();
        x.put("type", "category");
        JsonArray data = Json.createArray();
        labels.forEach(l -> data.set(data.length(), l));
        x.put("data", data);
        x.put("axisLabel", object("hideOverlap", Json.create(true)));
        return x;
    }

    private JsonObject valueAxis(Format format, String currency) {
        JsonObject y = Json.createObject();
        y.put("type", "value");
        y.put("axisLabel", object("catalystFormat", kit.formats(currency).chartFormat(format)));
        return y;
    }

    /** Date rows oldest first; other rows as answered. */
    private static List<Row> sortedForAxis(MetricsResult result) {
        int dateAt = result.dimensions().indexOf(Dimension.DATE);
        List<Row> rows = new ArrayList<>(result.rows());
        if (dateAt >= 0) {
            rows.sort((a, b) -> a.keys().get(dateAt).compareTo(b.keys().get(dateAt)));
        }
        return rows;
    }

    private static JsonValue number(BigDecimal value) {
        return value == null ? Json.createNull() : Json.create(value.doubleValue());
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static JsonObject object(String key, JsonValue value) {
        JsonObject o = Json.createObject();
        o.put(key, value);
        return o;
    }

    private static JsonArray array(JsonValue... values) {
        JsonArray a = Json.createArray();
        for (JsonValue v : values) {
            a.set(a.length(), v);
        }
        return a;
    }
}

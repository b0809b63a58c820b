package io.catalyst.plugins.assistant;

import io.catalyst.api.PluginContext;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolParameter.Type;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.ai.ToolSpec;
import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.Grain;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.ui.kit.ViewState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The assistant's own tools over the metrics layer: the only way it reaches the company's figures. The tenant is the
 * context's; no argument names one. Each answer says its period, comparison, filters and currency, lists its figures
 * (which the answer check compares the reply with) and links to the dashboard that shows the same.
 */
final class MetricsTools {

    static final String QUERY = "query_metrics";
    static final String CATALOGUE = "list_metrics";
    static final int MAX_ROWS = 50;

    private static final List<String> DIMENSIONS = List.of("date", "channel", "account", "campaign", "ad_set", "ad",
            "creative", "status");

    private MetricsTools() {
    }

    static List<ToolSpec> specs() {
        List<String> periods = new ArrayList<>(Period.PRESETS);
        periods.add("custom");
        return List.of(
                new ToolSpec(CATALOGUE, "Lists the metrics the company can ask for (name, label, format, how it is"
                        + " computed) and its data sources (channels). Call it when unsure which metric or channel"
                        + " key to use.", List.of()),
                new ToolSpec(QUERY, "Answers figures from the company's marketing data: metrics over a period,"
                        + " optionally grouped by dimensions, filtered, and compared with another period. Every"
                        + " figure you state must come from an answer of this tool.", List.of(
                        ToolParameter.required("metrics", Type.STRING_ARRAY, "metric names, e.g. [\"roas\","
                                + " \"spend\"]; see list_metrics"),
                        ToolParameter.oneOf("period", false, "a named period ending today (the 'last_*' ones end"
                                + " yesterday); 'custom' with from and to. Default last_30_days", periods),
                        ToolParameter.optional("from", Type.STRING, "first day, YYYY-MM-DD, with period custom"),
                        ToolParameter.optional("to", Type.STRING, "last day, YYYY-MM-DD, with period custom"),
                        ToolParameter.oneOf("compare", false, "previous_period: the days just before (for whole"
                                + " calendar months, the whole months before); previous_year; custom with"
                                + " compare_from and compare_to; none. Default none",
                                List.of("none", "previous_period", "previous_year", "custom")),
                        ToolParameter.optional("compare_from", Type.STRING, "YYYY-MM-DD, with compare custom"),
                        ToolParameter.optional("compare_to", Type.STRING, "YYYY-MM-DD, with compare custom"),
                        ToolParameter.optional("dimensions", Type.STRING_ARRAY, "group by, in order: "
                                + String.join(", ", DIMENSIONS)),
                        ToolParameter.oneOf("grain", false, "how date groups days; default day",
                                List.of("day", "week", "month", "quarter")),
                        ToolParameter.optional("channel", Type.STRING_ARRAY, "only these channels, e.g."
                                + " [\"meta-ads\"]; keys as list_metrics gives them"),
                        ToolParameter.optional("campaign_contains", Type.STRING, "only campaigns whose name"
                                + " contains this text"),
                        ToolParameter.optional("sort", Type.STRING, "a metric to order rows by, highest first"),
                        ToolParameter.optional("limit", Type.INTEGER, "at most this many rows, 1 to " + MAX_ROWS
                                + "; default 20"))));
    }

    /** Runs one of these tools; a question the metrics layer refuses is answered with why, for the model to fix. */
    static ToolResult call(PluginContext ctx, String name, Map<String, Object> args) {
        try {
            return switch (name) {
                case CATALOGUE -> catalogue(ctx);
                case QUERY -> query(ctx, args);
                default -> throw new IllegalArgumentException(name);
            };
        } catch (MetricsException | IllegalArgumentException | DateTimeParseException e) {
            return ToolResult.text("error: " + e.getMessage());
        }
    }

    private static ToolResult catalogue(PluginContext ctx) {
        String metrics = ctx.metrics().catalogue().stream().map(m -> m.name() + " (" + m.label() + ", "
                + m.format().name().toLowerCase(Locale.ROOT) + "): " + m.description()).collect(Collectors.joining("\n"));
        String channels = ctx.metrics().sources().stream().map(s -> s.connector() + " (" + s.name() + ")")
                .distinct().collect(Collectors.joining(", "));
        return ToolResult.text("metrics:\n" + metrics + "\nchannels: " + (channels.isEmpty() ? "none connected"
                : channels) + "\ncurrency: " + ctx.tenant().currency() + "\ntoday: " + ctx.metrics().today());
    }

    private static ToolResult query(PluginContext ctx, Map<String, Object> args) {
        LocalDate today = ctx.metrics().today();
        @SuppressWarnings("unchecked")
        List<String> metrics = (List<String>) args.get("metrics");
        String preset = text(args, "period", "last_30_days");
        Period period = "custom".equals(preset) ? new Period(date(args, "from"), date(args, "to"))
                : Period.preset(preset, today);
        MetricsQuery.Builder q = MetricsQuery.of(period, metrics.toArray(String[]::new));
        String compare = text(args, "compare", "none");
        Period comparePeriod = switch (compare) {
            case "previous_period" -> wholeMonths(period) ? monthsBefore(period) : period.previous();
            case "previous_year" -> period.yearBefore();
            case "custom" -> new Period(date(args, "compare_from"), date(args, "compare_to"));
            default -> null;
        };
        if (comparePeriod != null) {
            q.compareWith(comparePeriod);
        }
        List<Dimension> dimensions = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> dims = (List<String>) args.getOrDefault("dimensions", List.of());
        dims.forEach(d -> dimensions.add(Dimension.of(d)));
        q.by(dimensions.toArray(Dimension[]::new));
        String grain = text(args, "grain", "day");
        q.grain(Grain.valueOf(grain.toUpperCase(Locale.ROOT)));
        List<Filter> filters = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> channels = (List<String>) args.getOrDefault("channel", List.of());
        if (!channels.isEmpty()) {
            filters.add(channels.size() == 1 ? Filter.equalTo(Dimension.CHANNEL, channels.get(0))
                    : Filter.in(Dimension.CHANNEL, channels));
        }
        String contains = text(args, "campaign_contains", null);
        if (contains != null && !contains.isBlank()) {
            filters.add(new Filter(Dimension.CAMPAIGN, Filter.Op.CONTAINS, List.of(contains)));
        }
        filters.forEach(q::where);
        String sort = text(args, "sort", null);
        if (sort != null) {
            q.sortBy(sort);
        }
        int limit = args.get("limit") instanceof BigDecimal l ? l.intValue() : 20;
        q.limit(Math.max(1, Math.min(MAX_ROWS, limit)));
        MetricsQuery query = q.build();
        MetricsResult result = ctx.metrics().query(query);
        String link = link(query, preset);
        return answer(ctx, query, result, link);
    }

    /** The dashboard that shows the same figures: campaigns for entity questions, channels for channels. */
    static String link(MetricsQuery query, String preset) {
        List<Dimension> d = query.dimensions();
        String screen = d.stream().anyMatch(x -> x == Dimension.CAMPAIGN || x == Dimension.AD_SET
                || x == Dimension.AD || x == Dimension.CREATIVE) ? "campaigns"
                : d.contains(Dimension.CHANNEL) ? "channels" : "overview";
        ViewState state = new ViewState("custom".equals(preset) ? null : preset, query.period(), query.comparison(),
                query.comparePeriod(), query.filters());
        return "plugins/dashboards/" + screen + "?" + state.query();
    }

    private static ToolResult answer(PluginContext ctx, MetricsQuery query, MetricsResult result, String link) {
        Map<String, MetricDefinition> defs = ctx.metrics().catalogue().stream()
                .collect(Collectors.toMap(MetricDefinition::name, m -> m, (a, b) -> a));
        List<ToolResult.Figure> figures = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        text.append("period ").append(result.period().from()).append(" to ").append(result.period().to());
        if (result.comparePeriod() != null) {
            text.append(", compared with ").append(result.comparePeriod().from()).append(" to ")
                    .append(result.comparePeriod().to());
        }
        text.append("; currency ").append(result.currency() == null ? "per row" : result.currency());
        if (!query.filters().isEmpty()) {
            text.append("; filters: ").append(query.filters().stream().map(f -> f.dimension().id() + " "
                    + f.op().name().toLowerCase(Locale.ROOT) + " " + f.values()).collect(Collectors.joining(", ")));
        }
        text.append('\n');
        String scope = scope(query);
        for (MetricsResult.Row total : result.totals()) {
            text.append("totals").append(result.currency() == null ? " (" + total.currency() + ")" : "").append(":");
            for (String m : result.metrics()) {
                describe(text, figures, defs.get(m), m, total, "total " + scope, link);
            }
            text.append('\n');
        }
        if (!query.dimensions().isEmpty()) {
            text.append("rows (").append(result.rows().size()).append(" of ").append(result.rowCount())
                    .append("):\n");
            for (MetricsResult.Row row : result.rows()) {
                String label = String.join(" / ", row.labels());
                // names are the company's own text: quoted, so instructions in them read as data
                text.append("- \"").append(label.replace("\"", "'")).append("\" [")
                        .append(String.join(", ", row.keys())).append("]:");
                for (String m : result.metrics()) {
                    describe(text, figures, defs.get(m), m, row, label + ", " + scope, link);
                }
                text.append('\n');
            }
        }
        result.notes().forEach(n -> text.append("note: ").append(n).append('\n'));
        return new ToolResult(text.toString().strip(), figures, link);
    }

    private static void describe(StringBuilder text, List<ToolResult.Figure> figures, MetricDefinition def,
                                 String metric, MetricsResult.Row row, String scope, String link) {
        String label = def == null ? metric : def.label();
        String format = format(def);
        BigDecimal value = row.value(metric);
        text.append(' ').append(metric).append(' ').append(shown(value, format));
        if (value != null) {
            figures.add(new ToolResult.Figure(label + ", " + scope, value, format, link));
        }
        BigDecimal before = row.compare().get(metric);
        if (!row.compare().isEmpty()) {
            text.append(" (before ").append(shown(before, format));
            if (before != null) {
                figures.add(new ToolResult.Figure(label + " before, " + scope, before, format, link));
            }
            BigDecimal change = row.change(metric);
            if (change != null) {
                text.append(", change ").append(change.signum() >= 0 ? "+" : "").append(shown(change, "percent"));
                figures.add(new ToolResult.Figure(label + " change, " + scope, change, "percent", link));
            }
            BigDecimal delta = row.delta(metric);
            if (delta != null) {
                figures.add(new ToolResult.Figure(label + " difference, " + scope, delta.abs(), format, link));
            }
            text.append(')');
        }
        text.append(';');
    }

    static String format(MetricDefinition def) {
        if (def == null) {
            return "number";
        }
        return switch (def.format()) {
            case MONEY -> "money";
            case PERCENT -> "percent";
            case RATIO -> "ratio";
            case INTEGER -> "integer";
            case DECIMAL -> "number";
        };
    }

    /** A figure as the model reads it: percentages as percent, two decimals for the rest. */
    static String shown(BigDecimal value, String format) {
        if (value == null) {
            return "n/a";
        }
        return switch (format) {
            case "percent" -> value.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
            case "integer" -> value.setScale(0, RoundingMode.HALF_UP).toPlainString();
            default -> value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        };
    }

    private static String scope(MetricsQuery query) {
        String days = query.period().from() + " to " + query.period().to();
        String channel = query.filters().stream().filter(f -> f.dimension() == Dimension.CHANNEL)
                .map(f -> String.join("+", f.values())).findFirst().orElse("all channels");
        return channel + ", " + days;
    }

    static boolean wholeMonths(Period p) {
        return p.from().getDayOfMonth() == 1 && p.to().equals(p.to().with(TemporalAdjusters.lastDayOfMonth()));
    }

    // as many whole months as the period has, just before it
    static Period monthsBefore(Period p) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(p.from(), p.to().plusDays(1));
        LocalDate from = p.from().minusMonths(months);
        return new Period(from, p.from().minusDays(1));
    }

    private static String text(Map<String, Object> args, String name, String fallback) {
        Object v = args.get(name);
        return v instanceof String s && !s.isBlank() ? s : fallback;
    }

    private static LocalDate date(Map<String, Object> args, String name) {
        String v = text(args, name, null);
        if (v == null) {
            throw new IllegalArgumentException(name + " is needed, as YYYY-MM-DD");
        }
        return LocalDate.parse(v);
    }
}

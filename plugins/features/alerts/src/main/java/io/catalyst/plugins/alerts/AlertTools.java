package io.catalyst.plugins.alerts;

import io.catalyst.api.PluginContext;
import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.ai.ToolSpec;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.plugins.alerts.engine.Instance;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.State;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** The alerts plugin's tool for the AI assistant: what is firing now. */
public final class AlertTools {

    /** The alerts screen, the link of the answer. */
    static final String ALERTS_SCREEN = "plugins/alerts/alerts";
    /** The most alerts one answer lists. */
    static final int LIMIT = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private AlertTools() {
    }

    /** {@code alerts_firing_alerts}: the alerts firing now, newest first, each with its figures and link. */
    @Extension
    public static class FiringAlerts implements AssistantTool {

        @Override
        public ToolSpec spec() {
            return new ToolSpec("firing_alerts", "Lists the company's alerts that are firing now (at most " + LIMIT
                    + ", newest first): the rule, what it is about, since when, and the value against its limit."
                    + " Use it for questions such as 'is anything wrong' or 'which alerts are open'.", List.of());
        }

        @Override
        public String requiredPermission() {
            return AlertsExtensions.READ;
        }

        @Override
        public ToolResult call(PluginContext ctx, Map<String, Object> arguments) {
            // one more than shown, to say whether there are more
            List<AlertStore.StoredInstance> firing = AlertStore.instanceList(ctx, State.FIRING, LIMIT + 1);
            if (firing.isEmpty()) {
                return new ToolResult("No alerts are firing.", List.of(), ALERTS_SCREEN);
            }
            Map<UUID, Rule> rules = AlertStore.rules(ctx).stream().map(AlertStore.StoredRule::rule)
                    .collect(Collectors.toMap(Rule::id, r -> r, (a, b) -> a));
            Map<String, MetricDefinition> metrics = metrics(ctx);
            ZoneId zone = ctx.tenant().timezone();
            List<AlertStore.StoredInstance> shown = firing.subList(0, Math.min(LIMIT, firing.size()));
            StringBuilder text = new StringBuilder(firing.size() > LIMIT ? "More than " + LIMIT
                    + " alerts are firing; the " + LIMIT + " newest" : shown.size() + (shown.size() == 1
                    ? " alert is firing" : " alerts are firing")).append(" (times in ").append(zone).append("):");
            List<ToolResult.Figure> figures = new ArrayList<>();
            for (AlertStore.StoredInstance stored : shown) {
                Instance i = stored.instance();
                Rule rule = rules.get(i.ruleId());
                String name = rule == null ? "A deleted rule" : rule.name();
                String link = Alerts.link(i.id());
                Instant since = i.firingSince() != null ? i.firingSince() : i.since();
                text.append("\n- ");
                if (rule != null) {
                    text.append('[').append(rule.severity().id()).append("] ");
                }
                text.append(name).append(": ").append(i.label() == null ? i.entity() : i.label())
                        .append(" · firing since ").append(WHEN.format(since.atZone(zone)));
                Figures f = rule == null ? null : figures(rule, metrics);
                if (f != null && i.value() != null) {
                    text.append(" · ").append(f.valueLabel()).append(' ').append(AlertCards.number(i.value()));
                    figures.add(new ToolResult.Figure(name + ", " + label(i) + ": " + f.valueLabel(),
                            BigDecimal.valueOf(i.value()), f.valueFormat(), link));
                    if (i.bound() != null) {
                        text.append(" against ").append(f.boundLabel()).append(' ')
                                .append(AlertCards.number(i.bound()));
                        figures.add(new ToolResult.Figure(name + ", " + label(i) + ": " + f.boundLabel(),
                                BigDecimal.valueOf(i.bound()), f.boundFormat(), link));
                    }
                }
                if (i.reason() != null) {
                    text.append(" · ").append(i.reason());
                }
                List<String> notes = new ArrayList<>();
                if (i.ackedAt() != null) {
                    notes.add("acknowledged");
                }
                if (i.snoozedAt(Instant.now())) {
                    notes.add("snoozed until " + WHEN.format(i.snoozedUntil().atZone(zone)));
                }
                if (stored.taskStatus() != null) {
                    notes.add("task " + stored.taskStatus().toLowerCase(Locale.ROOT));
                }
                if (!notes.isEmpty()) {
                    text.append(" · ").append(String.join(", ", notes));
                }
                text.append(" · ").append(link);
            }
            return new ToolResult(text.toString(), figures, ALERTS_SCREEN);
        }
    }

    /** What an alert's value and bound are for its rule's kind, in words, and how each is shown. */
    record Figures(String valueLabel, String valueFormat, String boundLabel, String boundFormat) {
    }

    /**
     * The value and bound an evaluation stores, by the rule's kind (see {@code Judges}): the metric against its
     * threshold, the period before or the weekday's median; spend against the expected spend; conversions against
     * the click floor; hours since a load against the hours allowed.
     */
    static Figures figures(Rule rule, Map<String, MetricDefinition> metrics) {
        MetricDefinition m = rule.metric() == null ? null : metrics.get(rule.metric());
        String metric = m != null ? m.label() : rule.metric();
        String format = m != null ? format(m.format()) : "number";
        return switch (rule.kind()) {
            case THRESHOLD -> new Figures(metric, format, "threshold", format);
            case CHANGE -> new Figures(metric, format, "the period before", format);
            case ANOMALY -> new Figures(metric, format, "the median of the same weekday", format);
            case PACING -> new Figures("month-to-date spend", "money", "expected spend by now", "money");
            case TRACKING -> new Figures(metric, format, "click floor", "integer");
            case STALE -> new Figures("hours since the last load", "number", "allowed hours", "number");
        };
    }

    /** The metric catalogue by name; empty when the user may not read figures (labels then stay the metrics' ids). */
    static Map<String, MetricDefinition> metrics(PluginContext ctx) {
        if (!ctx.isPermitted(Alerts.FIGURES)) {
            return Map.of();
        }
        try {
            Map<String, MetricDefinition> out = new HashMap<>();
            ctx.metrics().catalogue().forEach(m -> out.put(m.name(), m));
            return out;
        } catch (MetricsException | SecurityException e) {
            return Map.of();
        }
    }

    static String format(MetricDefinition.Format f) {
        return switch (f) {
            case MONEY -> "money";
            case INTEGER -> "integer";
            case PERCENT -> "percent";
            case RATIO -> "ratio";
            case DECIMAL -> "number";
        };
    }

    private static String label(Instance i) {
        return i.label() == null ? i.entity() : i.label();
    }
}

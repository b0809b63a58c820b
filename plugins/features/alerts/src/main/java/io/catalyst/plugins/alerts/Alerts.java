package io.catalyst.plugins.alerts;

import io.catalyst.api.PluginContext;
import io.catalyst.api.host.Notification;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.alerts.engine.Backtest;
import io.catalyst.plugins.alerts.engine.Evaluation;
import io.catalyst.plugins.alerts.engine.Instance;
import io.catalyst.plugins.alerts.engine.Notice;
import io.catalyst.plugins.alerts.engine.Outcome;
import io.catalyst.plugins.alerts.engine.Recipients;
import io.catalyst.plugins.alerts.engine.Rule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the plugin does for a company, over the pure engine and the store: evaluate, back-test, tell, ask for tasks. */
final class Alerts {

    static final String EVALUATE_JOB = "evaluate";
    static final String BUDGET_SETTING = "monthly-budget";
    /** What a user needs for the plugin to read figures on their behalf (background work always may). */
    static final String FIGURES = "dashboards:read";
    private static final String DEDUPE_PREFIX = "alert:";

    private Alerts() {
    }

    /** The route of an alert's screen, for notifications and tasks. */
    static String link(UUID instanceId) {
        return "plugins/alerts/alert?id=" + instanceId;
    }

    static Set<String> metricNames(PluginContext ctx) {
        Set<String> names = new LinkedHashSet<>();
        for (MetricDefinition m : ctx.metrics().catalogue()) {
            names.add(m.name());
        }
        return names;
    }

    /** The starter rules, once per company: the flag keeps deleted ones from coming back. */
    static void ensureStarters(PluginContext ctx) {
        if (AlertStore.hasFlag(ctx, StarterRules.FLAG)) {
            return;
        }
        // made before the flag is set, so a failed metrics query leaves them to the next try
        List<Rule> starters = StarterRules.make(ctx.metrics(), ctx.settings().get(BUDGET_SETTING));
        if (!AlertStore.setFlagOnce(ctx, StarterRules.FLAG)) {
            return; // another node or call made them meanwhile
        }
        for (Rule rule : starters) {
            AlertStore.insert(ctx, rule, true);
            ctx.audit().record("alert-rule:created", "alert-rule/" + rule.id(), null, RuleJson.write(rule));
        }
    }

    /** One evaluation of the company's rules: back-tests new ones first, then judges yesterday and tells people. */
    static List<Outcome> evaluate(PluginContext ctx, Instant now) {
        if (!hasFigures(ctx)) {
            return List.of(); // a new company: the starters' thresholds and every back-test wait for its first load
        }
        ensureStarters(ctx);
        List<AlertStore.StoredRule> stored = AlertStore.rules(ctx);
        List<Rule> untested = stored.stream().filter(s -> s.backtestFirings() == null).map(AlertStore.StoredRule::rule)
                .toList();
        if (!untested.isEmpty()) {
            backtest(ctx, untested);
        }
        List<Rule> rules = stored.stream().map(AlertStore.StoredRule::rule).toList();
        Map<String, Instance> instances = AlertStore.instances(ctx);
        List<Outcome> outcomes = Evaluation.run(ctx.metrics(), rules, instances, now, ctx.tenant().timezone());
        AlertStore.save(ctx, outcomes);
        for (Outcome o : outcomes) {
            for (Notice notice : o.notices()) {
                tell(ctx, o.rule(), o.after(), notice);
                if (notice == Notice.FIRING && o.rule().autoTask()) {
                    requestTask(ctx, o.rule(), o.after());
                }
            }
        }
        return outcomes;
    }

    /** Replays rules over the last 45 days and stores what they found. */
    static Map<UUID, Backtest.Result> backtest(PluginContext ctx, List<Rule> rules) {
        if (!hasFigures(ctx)) {
            return Map.of(); // left untested: the first evaluation after the first load tests it
        }
        Map<UUID, Backtest.Result> results;
        try {
            results = Backtest.run(ctx.metrics(), rules, ctx.metrics().today(), Backtest.DAYS,
                    ctx.tenant().timezone());
        } catch (MetricsException e) {
            ctx.log().warning(() -> "A back-test could not read its figures: " + e.getMessage());
            return Map.of();
        }
        results.forEach((id, result) -> AlertStore.backtested(ctx, id, result.firings(), result.evaluations()));
        return results;
    }

    /** True once any of the company's connections has finished a load; before that every figure reads as zero. */
    static boolean hasFigures(PluginContext ctx) {
        return ctx.metrics().sources().stream().anyMatch(s -> s.lastLoadedAt() != null);
    }

    static void tell(PluginContext ctx, Rule rule, Instance alert, Notice notice) {
        String what = rule.name() + ": " + alert.label();
        Notification n = switch (notice) {
            case FIRING -> new Notification(notice.kind(), "[" + rule.severity().id() + "] " + what,
                    alert.reason() == null ? what : alert.reason(), link(alert.id()));
            case RESOLVED -> new Notification(notice.kind(), "Resolved: " + what,
                    alert.reason() == null ? what : alert.reason(), link(alert.id()));
            case ESCALATED -> new Notification(notice.kind(), "Escalated: " + what,
                    "Firing since " + alert.firingSince() + " and nobody acknowledged it. " + alert.reason(),
                    link(alert.id()));
        };
        Recipients to = notice == Notice.ESCALATED ? rule.escalateTo() : rule.recipients();
        if (!to.members().isEmpty()) {
            ctx.notifications().notifyUsers(to.members(), n);
        }
        if (to.role() != null) {
            ctx.notifications().notifyRole(to.role(), n);
        }
    }

    /** Asks the tasks plugin for a task about a firing alert; the same alert again updates that task. */
    static void requestTask(PluginContext ctx, Rule rule, Instance alert) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        if (rule.metric() != null) {
            snapshot.put("metric", rule.metric());
        }
        snapshot.put("value", alert.value());
        snapshot.put("bound", alert.bound());
        snapshot.put("state", alert.state().name());
        String key = dedupeKey(rule.id(), alert.entity());
        TaskRequest request = new TaskRequest(key, cut(rule.name() + ": " + alert.label(), 200), alert.reason(),
                link(alert.id()), new TaskRequest.Subject("alert", alert.id().toString(), alert.label(), snapshot),
                switch (rule.severity()) {
                    case CRITICAL -> TaskRequest.Priority.URGENT;
                    case WARNING -> TaskRequest.Priority.HIGH;
                    case INFO -> TaskRequest.Priority.NORMAL;
                }, null, rule.recipients().role(), null, false, true, List.of("alert"));
        ctx.events().publish(TaskRequest.TOPIC, request.toPayload());
        AlertStore.taskStatus(ctx, rule.id(), alert.entity(), "REQUESTED");
    }

    static String dedupeKey(UUID ruleId, String entity) {
        return cut(DEDUPE_PREFIX + ruleId + ":" + entity, 200);
    }

    /** The rule and entity of a dedupe key of this plugin, or null for another's. */
    static String[] parseDedupeKey(String key) {
        if (key == null || !key.startsWith(DEDUPE_PREFIX) || key.length() < DEDUPE_PREFIX.length() + 38) {
            return null;
        }
        String rule = key.substring(DEDUPE_PREFIX.length(), DEDUPE_PREFIX.length() + 36);
        try {
            UUID.fromString(rule);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new String[] {rule, key.substring(DEDUPE_PREFIX.length() + 37)};
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

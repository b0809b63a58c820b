package io.catalyst.plugins.alerts;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginContext;
import io.catalyst.plugins.alerts.engine.Instance;
import io.catalyst.plugins.alerts.engine.Outcome;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.State;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The plugin's SQL: rules, instances, history and flags of the context's company (row-level security). */
final class AlertStore {

    /** How long evaluations are kept. */
    static final int HISTORY_DAYS = 90;

    private AlertStore() {
    }

    /** A stored rule with what the table adds to it. */
    record StoredRule(Rule rule, boolean starter, Integer backtestFirings, OffsetDateTime updatedAt) {
    }

    /** One evaluation of one instance. */
    record HistoryRow(UUID ruleId, String entity, OffsetDateTime evaluatedAt, LocalDate asOf, String state,
                      Double value, Double bound, String reason, boolean backtest) {
    }

    /** An instance with its task's state, as screens and REST show it. */
    record StoredInstance(Instance instance, String taskStatus, OffsetDateTime updatedAt) {
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    static List<StoredRule> rules(PluginContext ctx) {
        return ctx.data().query("select id, definition, enabled, starter, backtest_firings, updated_at from alert_rule"
                + " order by created_at, id").stream().map(AlertStore::rule).toList();
    }

    static Optional<StoredRule> rule(PluginContext ctx, UUID id) {
        return ctx.data().query("select id, definition, enabled, starter, backtest_firings, updated_at from alert_rule"
                + " where id = ?", id).stream().findFirst().map(AlertStore::rule);
    }

    private static StoredRule rule(Map<String, Object> row) {
        // stored rules were valid when written; a metric since removed from the catalogue must not hide the rule
        Rule rule = RuleJson.read((String) row.get("definition"), (UUID) row.get("id"), null)
                .withEnabled((Boolean) row.get("enabled"));
        return new StoredRule(rule, (Boolean) row.get("starter"), (Integer) row.get("backtest_firings"),
                (OffsetDateTime) row.get("updated_at"));
    }

    static void insert(PluginContext ctx, Rule rule, boolean starter) {
        ctx.data().update("insert into alert_rule (id, name, definition, enabled, starter) values (?, ?, ?, ?, ?)",
                rule.id(), rule.name(), RuleJson.write(rule), rule.enabled(), starter);
    }

    static boolean update(PluginContext ctx, Rule rule) {
        return ctx.data().update("update alert_rule set name = ?, definition = ?, enabled = ?, backtest_firings = null,"
                + " updated_at = now() where id = ?", rule.name(), RuleJson.write(rule), rule.enabled(), rule.id()) == 1;
    }

    static boolean delete(PluginContext ctx, UUID id) {
        return ctx.data().update("delete from alert_rule where id = ?", id) == 1;
    }

    /** Stores a rule's back-test: its count, and its evaluations as history rows (replacing an earlier one's). */
    static void backtested(PluginContext ctx, UUID ruleId, int firings, List<Outcome> evaluations) {
        ctx.data().update("delete from alert_history where rule_id = ? and backtest", ruleId);
        history(ctx, evaluations, true);
        ctx.data().update("update alert_rule set backtest_firings = ? where id = ?", firings, ruleId);
    }

    // ---- instances ----------------------------------------------------------------------------------------------

    private static final String INSTANCE_COLUMNS = "id, rule_id, entity, entity_label, state, since, firing_since,"
            + " notified, escalated, acked_at, snoozed_until, value, bound, reason, task_status, updated_at";

    static Map<String, Instance> instances(PluginContext ctx) {
        Map<String, Instance> out = new HashMap<>();
        for (Map<String, Object> row : ctx.data().query("select " + INSTANCE_COLUMNS + " from alert_instance")) {
            Instance i = instance(row).instance();
            out.put(i.key(), i);
        }
        return out;
    }

    static List<StoredInstance> instanceList(PluginContext ctx, State state, int limit) {
        return (state == null
                ? ctx.data().query("select " + INSTANCE_COLUMNS + " from alert_instance order by updated_at desc,"
                + " id limit ?", limit)
                : ctx.data().query("select " + INSTANCE_COLUMNS + " from alert_instance where state = ? order by"
                + " since desc, id limit ?", state.name(), limit))
                .stream().map(AlertStore::instance).toList();
    }

    static Optional<StoredInstance> instance(PluginContext ctx, UUID id) {
        return ctx.data().query("select " + INSTANCE_COLUMNS + " from alert_instance where id = ?", id).stream()
                .findFirst().map(AlertStore::instance);
    }

    private static StoredInstance instance(Map<String, Object> r) {
        Instance i = new Instance((UUID) r.get("id"), (UUID) r.get("rule_id"), (String) r.get("entity"),
                (String) r.get("entity_label"), State.valueOf((String) r.get("state")), instant(r.get("since")),
                instant(r.get("firing_since")), (Boolean) r.get("notified"), (Boolean) r.get("escalated"),
                instant(r.get("acked_at")), instant(r.get("snoozed_until")), number(r.get("value")),
                number(r.get("bound")), (String) r.get("reason"),
                r.get("reason") instanceof String s && s.startsWith("silenced: ") ? s : null);
        return new StoredInstance(i, (String) r.get("task_status"), (OffsetDateTime) r.get("updated_at"));
    }

    /** Writes the instances after an evaluation, all in one statement, and their history rows. */
    static void save(PluginContext ctx, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        JsonArray rows = Json.createArray();
        for (Outcome o : outcomes) {
            Instance i = o.after();
            JsonObject row = Json.createObject();
            row.put("id", i.id().toString());
            row.put("rule_id", i.ruleId().toString());
            row.put("entity", i.entity());
            row.put("entity_label", i.label() == null ? i.entity() : i.label());
            row.put("state", i.state().name());
            row.put("since", i.since().toString());
            putNullable(row, "firing_since", i.firingSince());
            row.put("notified", i.notified());
            row.put("escalated", i.escalated());
            putNullable(row, "acked_at", i.ackedAt());
            putNullable(row, "value", i.value());
            putNullable(row, "bound", i.bound());
            putNullable(row, "reason", i.reason());
            rows.set(rows.length(), row);
        }
        // snooze, acknowledgement by hand and task state are kept from the row: an evaluation never undoes them,
        // except that a resolved incident forgets its acknowledgement
        ctx.data().update("insert into alert_instance (id, rule_id, entity, entity_label, state, since, firing_since,"
                + " notified, escalated, acked_at, value, bound, reason) select id, rule_id, entity, entity_label,"
                + " state, since, firing_since, notified, escalated, acked_at, value, bound, reason"
                + " from jsonb_to_recordset(?::jsonb) as x(id uuid, rule_id uuid, entity text, entity_label text,"
                + " state text, since timestamptz, firing_since timestamptz, notified boolean, escalated boolean,"
                + " acked_at timestamptz, value numeric, bound numeric, reason text)"
                + " on conflict (tenant_id, rule_id, entity) do update set entity_label = excluded.entity_label,"
                + " state = excluded.state, since = excluded.since, firing_since = excluded.firing_since,"
                + " notified = excluded.notified, escalated = excluded.escalated,"
                + " acked_at = case when excluded.acked_at is null then null else alert_instance.acked_at end,"
                + " acked_by = case when excluded.acked_at is null then null else alert_instance.acked_by end,"
                + " value = excluded.value, bound = excluded.bound, reason = excluded.reason, updated_at = now()",
                rows.toJson());
        history(ctx, outcomes, false);
    }

    private static void history(PluginContext ctx, List<Outcome> outcomes, boolean backtest) {
        if (outcomes.isEmpty()) {
            return;
        }
        JsonArray rows = Json.createArray();
        for (Outcome o : outcomes) {
            JsonObject row = Json.createObject();
            row.put("rule_id", o.rule().id().toString());
            row.put("entity", o.observation().entity());
            // a replayed day counts as evaluated at its end
            row.put("evaluated_at", (backtest ? o.observation().asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant() : Instant.now()).toString());
            row.put("as_of", o.observation().asOf().toString());
            row.put("state", o.after().state().name());
            putNullable(row, "value", o.observation().value());
            putNullable(row, "bound", o.observation().bound());
            putNullable(row, "reason", o.observation().reason());
            rows.set(rows.length(), row);
        }
        ctx.data().update("insert into alert_history (rule_id, entity, evaluated_at, as_of, state, value, bound,"
                + " reason, backtest) select rule_id, entity, evaluated_at, as_of, state, value, bound, reason, ?"
                + " from jsonb_to_recordset(?::jsonb) as x(rule_id uuid, entity text, evaluated_at timestamptz,"
                + " as_of date, state text, value numeric, bound numeric, reason text)", backtest, rows.toJson());
    }

    static List<HistoryRow> history(PluginContext ctx, UUID ruleId, String entity, boolean firingOnly, int limit) {
        return ctx.data().query("select rule_id, entity, evaluated_at, as_of, state, value, bound, reason, backtest"
                        + " from alert_history where rule_id = ? and (cast(? as text) is null or entity = ?)"
                        + " and (not ? or state = 'FIRING') order by as_of desc, evaluated_at desc limit ?",
                        ruleId, entity, entity, firingOnly, limit).stream()
                .map(r -> new HistoryRow((UUID) r.get("rule_id"), (String) r.get("entity"),
                        (OffsetDateTime) r.get("evaluated_at"), (LocalDate) r.get("as_of"), (String) r.get("state"),
                        number(r.get("value")), number(r.get("bound")), (String) r.get("reason"),
                        (Boolean) r.get("backtest"))).toList();
    }

    static int prune(PluginContext ctx) {
        return ctx.data().update("delete from alert_history where evaluated_at < now() - make_interval(days => ?)",
                HISTORY_DAYS);
    }

    static boolean snooze(PluginContext ctx, UUID id, Instant until) {
        return ctx.data().update("update alert_instance set snoozed_until = ?, updated_at = now() where id = ?",
                until == null ? null : OffsetDateTime.ofInstant(until, ZoneOffset.UTC), id) == 1;
    }

    static boolean acknowledge(PluginContext ctx, UUID id, String by) {
        return ctx.data().update("update alert_instance set acked_at = now(), acked_by = ?, updated_at = now()"
                + " where id = ?", by, id) == 1;
    }

    static void taskStatus(PluginContext ctx, UUID ruleId, String entity, String status) {
        ctx.data().update("update alert_instance set task_status = ? where rule_id = ? and entity = ?", status,
                ruleId, entity);
    }

    static boolean hasFlag(PluginContext ctx, String name) {
        return !ctx.data().query("select 1 from alert_flag where name = ?", name).isEmpty();
    }

    /** Sets a flag once; true only for the call that set it. */
    static boolean setFlagOnce(PluginContext ctx, String name) {
        return ctx.data().update("insert into alert_flag (name) values (?) on conflict do nothing", name) == 1;
    }

    private static void putNullable(JsonObject row, String key, Object value) {
        if (value == null) {
            row.put(key, Json.createNull());
        } else if (value instanceof Double d) {
            row.put(key, d);
        } else {
            row.put(key, value.toString());
        }
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    private static Double number(Object value) {
        return value == null ? null : ((BigDecimal) value).doubleValue();
    }
}

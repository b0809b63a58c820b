package io.catalyst.plugins.recommendations;

import io.catalyst.api.PluginContext;
import io.catalyst.plugins.recommendations.rules.Finding;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The plugin's SQL: recommendations of the context's company (row-level security keeps other companies out). */
final class RecoStore {

    static final String COLUMNS = "id, kind, channel, level, entity, entity_label, status, title, body, phrased_by,"
            + " facts, evidence, impact, impact_unit, impact_label, confidence, confidence_note, first_seen,"
            + " last_seen, acted_at, acted_by, dismiss_reason, dismiss_note, snoozed_until, task_requested,"
            + " outcome_metric, outcome_before, outcome_after, outcome_due, outcome_measured_at";

    private RecoStore() {
    }

    /** Live ones and those acted on in the quiet period: what the dedupe rules need. */
    static List<Reconcile.Existing> existing(PluginContext ctx) {
        return ctx.data().query("select id, kind, entity, status, acted_at, snoozed_until from recommendation"
                        + " where status in ('OPEN', 'SNOOZED') or (status in ('DISMISSED', 'ACCEPTED')"
                        + " and acted_at > now() - make_interval(days => ?))", Reconcile.QUIET_DAYS).stream()
                .map(r -> new Reconcile.Existing((UUID) r.get("id"), (String) r.get("kind"), (String) r.get("entity"),
                        (String) r.get("status"), (java.time.OffsetDateTime) r.get("acted_at"),
                        (LocalDate) r.get("snoozed_until"))).toList();
    }

    /** The body and how it was phrased, for updates that keep a model's text. */
    static Optional<String[]> phrasing(PluginContext ctx, UUID id) {
        return ctx.data().query("select body, phrased_by, impact from recommendation where id = ?", id).stream()
                .findFirst().map(r -> new String[] {(String) r.get("body"), (String) r.get("phrased_by"),
                        String.valueOf(r.get("impact"))});
    }

    static void insert(PluginContext ctx, UUID id, Finding f, Phrasing.Text text) {
        ctx.data().update("insert into recommendation (id, kind, channel, level, entity, entity_label, status, title,"
                        + " body, phrased_by, facts, evidence, impact, impact_unit, impact_label, confidence,"
                        + " confidence_note) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, f.kind().id(), f.channel(), f.level(), cut(f.entity(), 300), cut(f.entityLabel(), 500),
                cut(text.title(), 300), cut(text.body(), 2000), text.by(), RecoJson.facts(f.facts()),
                RecoJson.evidence(f.evidence()), f.impact(), f.impactUnit(), f.impactLabel(), f.confidence(),
                cut(f.confidenceNote(), 1000));
    }

    static void update(PluginContext ctx, UUID id, Finding f, Phrasing.Text text, boolean reopen) {
        ctx.data().update("update recommendation set entity_label = ?, title = ?, body = ?, phrased_by = ?,"
                        + " facts = ?, evidence = ?, impact = ?, impact_unit = ?, impact_label = ?, confidence = ?,"
                        + " confidence_note = ?, last_seen = now(), updated_at = now(),"
                        + " status = case when ? then 'OPEN' else status end,"
                        + " snoozed_until = case when ? then null else snoozed_until end"
                        + " where id = ? and status in ('OPEN', 'SNOOZED')",
                cut(f.entityLabel(), 500), cut(text.title(), 300), cut(text.body(), 2000), text.by(),
                RecoJson.facts(f.facts()), RecoJson.evidence(f.evidence()), f.impact(), f.impactUnit(),
                f.impactLabel(), f.confidence(), cut(f.confidenceNote(), 1000), reopen, reopen, id);
    }

    static void resolve(PluginContext ctx, UUID id) {
        ctx.data().update("update recommendation set status = 'RESOLVED', updated_at = now() where id = ?"
                + " and status in ('OPEN', 'SNOOZED')", id);
    }

    static Optional<Reco> get(PluginContext ctx, UUID id) {
        return ctx.data().query("select " + COLUMNS + " from recommendation where id = ?", id).stream().findFirst()
                .map(Reco::of);
    }

    /**
     * The list, largest impact first within the status; filters may be null. {@code open} also holds snoozed ones
     * whose date has come.
     */
    static List<Reco> list(PluginContext ctx, String channel, String kind, String status, LocalDate today,
                           int limit) {
        String statusSql = status == null ? "true"
                : Reco.OPEN.equals(status) ? "(status = 'OPEN' or (status = 'SNOOZED' and snoozed_until <= ?))"
                : Reco.SNOOZED.equals(status) ? "(status = 'SNOOZED' and snoozed_until > ?)" : "status = ?";
        Object statusParam = status == null ? null
                : Reco.OPEN.equals(status) || Reco.SNOOZED.equals(status) ? today : status;
        String sql = "select " + COLUMNS + " from recommendation where (cast(? as text) is null or channel = ?)"
                + " and (cast(? as text) is null or kind = ?) and " + statusSql
                + " order by case status when 'OPEN' then 0 when 'SNOOZED' then 1 else 2 end, confidence * impact"
                + " desc, id limit ?";
        List<java.util.Map<String, Object>> rows = status == null
                ? ctx.data().query(sql, channel, channel, kind, kind, limit)
                : ctx.data().query(sql, channel, channel, kind, kind, statusParam, limit);
        return rows.stream().map(Reco::of).toList();
    }

    static boolean accept(PluginContext ctx, UUID id, String by, boolean task, String metric, Double before,
                          LocalDate due) {
        return ctx.data().update("update recommendation set status = 'ACCEPTED', acted_at = now(), acted_by = ?,"
                + " task_requested = ?, outcome_metric = ?, outcome_before = ?, outcome_due = ?, updated_at = now()"
                + " where id = ? and status in ('OPEN', 'SNOOZED')", by, task, metric, before, due, id) == 1;
    }

    static boolean dismiss(PluginContext ctx, UUID id, String by, String reason, String note) {
        return ctx.data().update("update recommendation set status = 'DISMISSED', acted_at = now(), acted_by = ?,"
                + " dismiss_reason = ?, dismiss_note = ?, updated_at = now() where id = ?"
                + " and status in ('OPEN', 'SNOOZED')", by, reason, note, id) == 1;
    }

    static boolean snooze(PluginContext ctx, UUID id, String by, LocalDate until) {
        return ctx.data().update("update recommendation set status = 'SNOOZED', snoozed_until = ?, acted_by = ?,"
                + " updated_at = now() where id = ? and status in ('OPEN', 'SNOOZED')", until, by, id) == 1;
    }

    /** Accepted ones whose outcome is due and not yet measured. */
    static List<Reco> outcomesDue(PluginContext ctx, LocalDate today) {
        return ctx.data().query("select " + COLUMNS + " from recommendation where status = 'ACCEPTED'"
                + " and outcome_measured_at is null and outcome_due <= ? order by outcome_due limit 200", today)
                .stream().map(Reco::of).toList();
    }

    static void measured(PluginContext ctx, UUID id, Double before, Double after) {
        ctx.data().update("update recommendation set outcome_before = coalesce(outcome_before, ?),"
                + " outcome_after = ?, outcome_measured_at = now(), updated_at = now() where id = ?", before, after,
                id);
    }

    /** Every recommendation of the last year, for the performance figures. */
    static List<Reco> lastYear(PluginContext ctx) {
        return ctx.data().query("select " + COLUMNS + " from recommendation where first_seen > now() - interval"
                + " '365 days' order by first_seen limit 10000").stream().map(Reco::of).toList();
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}

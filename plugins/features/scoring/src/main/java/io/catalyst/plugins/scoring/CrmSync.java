package io.catalyst.plugins.scoring;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginContext;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import io.catalyst.api.host.WriteBack;
import io.catalyst.plugins.scoring.model.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes each lead's score back to the CRM contact it came from ({@code catalyst_score}, {@code catalyst_score_band},
 * {@code catalyst_score_reason}), through whichever connection's connector accepts those fields. Only what changed
 * since the last write is sent; a call takes 1,000 leads and a run at most {@link #CALLS_PER_RUN} calls, so a first
 * sync of a large CRM spreads over a few runs and the provider's limits.
 */
final class CrmSync {

    static final String JOB = "crm-sync";
    static final String OBJECT = "contacts";
    static final String SCORE = "catalyst_score";
    static final String BAND = "catalyst_score_band";
    static final String REASON = "catalyst_score_reason";
    static final int PER_CALL = 1_000;
    static final int CALLS_PER_RUN = 10;
    static final int MAX_ATTEMPTS = 5;
    /** Where the last run's outcome is kept for the screens: {@link State}. */
    static final String STATE = "crm-sync";

    /** A lead whose score the CRM does not hold yet. */
    record Pending(UUID id, String externalId, int points, String band, String reason, String model) {
    }

    private CrmSync() {
    }

    /** Sends what changed to every source that accepts scores; answers how many leads were written. */
    static int run(PluginContext ctx) {
        if (!ScoringSettings.of(ctx).writeBack()) {
            State.put(ctx, STATE, status("off", 0, 0, null));
            return 0;
        }
        List<WriteBack.Target> targets = ctx.writeBack().targets(OBJECT).stream()
                .filter(t -> t.fields().contains(SCORE)).toList();
        if (targets.isEmpty()) {
            State.put(ctx, STATE, status("no-target", 0, 0, null));
            return 0;
        }
        Models.Current model = Models.current(ctx);
        int written = 0;
        int refused = 0;
        String problem = null;
        for (WriteBack.Target target : targets) {
            try {
                for (int call = 0; call < CALLS_PER_RUN; call++) {
                    List<Pending> pending = pending(ctx, target.source(), model);
                    if (pending.isEmpty()) {
                        break;
                    }
                    WriteResult result = ctx.writeBack().write(target.source(), OBJECT, records(pending, target));
                    record(ctx, pending, result);
                    written += result.written().size();
                    refused += result.failed().size();
                    if (pending.size() < PER_CALL) {
                        break;
                    }
                }
            } catch (ProviderException e) {
                problem = target.name() + ": " + e.getMessage();
                if (e.kind() == ProviderException.Kind.RATE_LIMITED) {
                    ctx.scheduler().runLater(JOB, e.retryAfter() == null ? Duration.ofMinutes(5) : e.retryAfter());
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                problem = target.name() + ": " + e.getMessage(); // the connection went away during the run
            }
        }
        State.put(ctx, STATE, status(problem == null ? "ok" : "failed", written, refused, problem));
        return written;
    }

    /**
     * The leads of a source whose score or model differs from what was last sent (a new model can change the band and
     * the reason at the same points), and those refused fewer than {@link #MAX_ATTEMPTS} times; oldest score first.
     */
    static List<Pending> pending(PluginContext ctx, String source, Models.Current model) {
        List<Pending> pending = new ArrayList<>();
        for (Map<String, Object> r : ctx.data().query("""
                select l.id, l.external_id, l.points, l.model, l.reasons
                from scoring_lead l left join scoring_crm_sync s on s.lead_id = l.id
                where l.source = ? and l.points is not null
                  and (s.lead_id is null or s.points <> l.points or s.model is distinct from l.model
                       or s.written_at is null and s.attempts < ?)
                order by l.scored_at
                limit ?""", source, MAX_ATTEMPTS, PER_CALL)) {
            int points = ((Number) r.get("points")).intValue();
            pending.add(new Pending((UUID) r.get("id"), (String) r.get("external_id"), points, model.band(points),
                    reason(LeadJson.reasons((String) r.get("reasons"))), (String) r.get("model")));
        }
        return pending;
    }

    /** Where the company's write-back stands: targets, counts, and the last run's outcome. */
    record Summary(boolean enabled, List<WriteBack.Target> targets, long written, long refused, long waiting,
                   String lastRun) {
    }

    static Summary summary(PluginContext ctx) {
        List<WriteBack.Target> targets = ctx.writeBack().targets(OBJECT).stream()
                .filter(t -> t.fields().contains(SCORE)).toList();
        if (targets.isEmpty()) {
            return new Summary(ScoringSettings.of(ctx).writeBack(), targets, 0, 0, 0, State.get(ctx, STATE));
        }
        String sources = String.join(",", targets.stream().map(WriteBack.Target::source).toList());
        Map<String, Object> counts = ctx.data().query("""
                select count(*) filter (where s.written_at is not null) as written,
                       count(*) filter (where s.written_at is null and s.lead_id is not null) as refused,
                       count(*) filter (where l.points is not null and (s.lead_id is null or s.points <> l.points
                         or s.model is distinct from l.model)) as waiting
                from scoring_lead l left join scoring_crm_sync s on s.lead_id = l.id
                where l.source = any (string_to_array(?, ','))""", sources).stream().findFirst().orElse(Map.of());
        return new Summary(ScoringSettings.of(ctx).writeBack(), targets, count(counts, "written"),
                count(counts, "refused"), count(counts, "waiting"), State.get(ctx, STATE));
    }

    private static long count(Map<String, Object> row, String key) {
        return row.get(key) instanceof Number n ? n.longValue() : 0;
    }

    /** What the CRM was last sent for one lead: points, band, when, or why it was refused; null if nothing yet. */
    static Map<String, Object> ofLead(PluginContext ctx, UUID lead) {
        return ctx.data().query("select points, band, written_at, error, attempts from scoring_crm_sync where"
                + " lead_id = ?", lead).stream().findFirst().orElse(null);
    }

    /** The strongest reason that raised the score, or else the strongest of all, in words. */
    static String reason(List<Reason> reasons) {
        String words = reasons.stream().filter(r -> r.effect() > 0).findFirst().or(() -> reasons.stream().findFirst())
                .map(Reason::words).orElse("");
        return words.length() > 300 ? words.substring(0, 300) : words;
    }

    private static List<WriteRecord> records(List<Pending> pending, WriteBack.Target target) {
        List<WriteRecord> records = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put(SCORE, String.valueOf(p.points()));
            if (target.fields().contains(BAND)) {
                values.put(BAND, p.band());
            }
            if (target.fields().contains(REASON)) {
                values.put(REASON, p.reason());
            }
            records.add(new WriteRecord(p.externalId(), values));
        }
        return records;
    }

    private static void record(PluginContext ctx, List<Pending> pending, WriteResult result) {
        JsonArray rows = Json.createArray();
        Set<String> took = new HashSet<>(result.written());
        for (Pending p : pending) {
            JsonObject row = Json.createObject();
            row.put("id", p.id().toString());
            row.put("points", p.points());
            row.put("band", p.band());
            row.put("reason", p.reason());
            if (p.model() != null) {
                row.put("model", p.model());
            }
            row.put("ok", took.contains(p.externalId()));
            if (!took.contains(p.externalId())) {
                String why = result.failed().getOrDefault(p.externalId(), "The CRM did not confirm the write");
                row.put("error", why.length() > 1000 ? why.substring(0, 1000) : why);
            }
            rows.set(rows.length(), row);
        }
        ctx.data().update("""
                insert into scoring_crm_sync (lead_id, points, band, reason, model, written_at, error, attempts)
                select x.id, x.points, x.band, x.reason, x.model, case when x.ok then now() end, x.error,
                       case when x.ok then 0 else 1 end
                from jsonb_to_recordset(?::jsonb) as x(id uuid, points integer, band text, reason text, model text,
                                                       ok boolean, error text)
                on conflict (tenant_id, lead_id) do update set points = excluded.points, band = excluded.band,
                   reason = excluded.reason, model = excluded.model, written_at = excluded.written_at,
                   error = excluded.error,
                   attempts = case when excluded.written_at is not null then 0
                                   when scoring_crm_sync.points = excluded.points
                                   then scoring_crm_sync.attempts + 1 else 1 end,
                   updated_at = now()""", rows.toJson());
    }

    private static String status(String state, int written, int refused, String problem) {
        JsonObject o = Json.createObject();
        o.put("state", state);
        o.put("written", written);
        o.put("refused", refused);
        o.put("at", Instant.now().toString());
        if (problem != null) {
            o.put("problem", problem.length() > 500 ? problem.substring(0, 500) : problem);
        }
        return o.toJson();
    }
}

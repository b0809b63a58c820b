package io.catalyst.plugins.calls;

import io.catalyst.api.PluginContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The plugin's SQL on calls (row-level security keeps other companies out). */
final class CallStore {

    /** What a call arrives with, before its analysis. */
    record Incoming(String source, String externalId, String contactId, OffsetDateTime startedAt,
                    Integer durationSeconds, String direction, Boolean answered, String rep, String customerName,
                    String phone, String email, String sourceName, String campaign, String outcome, String recordingUrl, String transcript,
                    String format, String repSpeaker) {
    }

    private CallStore() {
    }

    /**
     * Writes a call with its CRM match and analysis in one statement; a call already there (same source and id) is
     * replaced, keeping its id and the answers people gave.
     *
     * @return the call's id
     */
    static UUID upsert(PluginContext ctx, Incoming in, CrmIndex.Match crm, Analysis a, String error) {
        UUID id = UUID.randomUUID();
        var m = a == null ? null : a.metrics();
        List<Map<String, Object>> rows = ctx.data().query("insert into sales_call (id, source, external_id,"
                        + " started_at, duration_s, direction, answered, rep, customer_name, phone, email, source_name,"
                        + " campaign, outcome, recording_url, contact_source, contact_id, contact_name, deal_id,"
                        + " deal_name, deal_stage, deal_amount, deal_result, transcript_format, rep_speaker, transcript,"
                        + " utterances,"
                        + " metrics, hits, scorecard, talk_ratio, rep_questions_pm, longest_monologue_s, patience_s,"
                        + " interactivity, rep_wpm, filler_rate, score, analysis_error, analysed_at) values (?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),"
                        + " cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                        + " on conflict (tenant_id, source, external_id) do update set started_at = excluded.started_at,"
                        + " duration_s = excluded.duration_s, direction = excluded.direction,"
                        + " answered = excluded.answered, rep = excluded.rep, customer_name = excluded.customer_name,"
                        + " phone = excluded.phone, email = excluded.email, source_name = excluded.source_name,"
                        + " campaign = excluded.campaign, outcome = excluded.outcome,"
                        + " recording_url = excluded.recording_url, contact_source = excluded.contact_source,"
                        + " contact_id = excluded.contact_id, contact_name = excluded.contact_name,"
                        + " deal_id = excluded.deal_id, deal_name = excluded.deal_name,"
                        + " deal_stage = excluded.deal_stage, deal_amount = excluded.deal_amount,"
                        + " deal_result = excluded.deal_result, transcript_format = excluded.transcript_format,"
                        + " rep_speaker = excluded.rep_speaker,"
                        + " transcript = excluded.transcript, utterances = excluded.utterances,"
                        + " metrics = excluded.metrics, hits = excluded.hits, scorecard = excluded.scorecard,"
                        + " talk_ratio = excluded.talk_ratio, rep_questions_pm = excluded.rep_questions_pm,"
                        + " longest_monologue_s = excluded.longest_monologue_s, patience_s = excluded.patience_s,"
                        + " interactivity = excluded.interactivity, rep_wpm = excluded.rep_wpm,"
                        + " filler_rate = excluded.filler_rate, score = excluded.score,"
                        + " analysis_error = excluded.analysis_error, analysed_at = now(), updated_at = now()"
                        + " returning id",
                id, in.source(), in.externalId(), in.startedAt(), in.durationSeconds(), in.direction(), in.answered(),
                cut(in.rep(), 300), cut(in.customerName(), 300), cut(in.phone(), 100), cut(in.email(), 300),
                cut(in.sourceName(), 200), cut(in.campaign(), 300), cut(in.outcome(), 100),
                cut(in.recordingUrl(), 2000), crm == null ? null : crm.source(), crm == null ? null : crm.contactId(),
                crm == null ? null : crm.contactName(), crm == null ? null : crm.dealId(),
                crm == null ? null : crm.dealName(), crm == null ? null : crm.dealStage(),
                crm == null ? null : crm.dealAmount(), crm == null ? null : crm.dealResult(),
                a == null || a.transcript() == null ? null : a.transcript().format(),
                cut(in.repSpeaker(), 100), in.transcript(), // kept as it came, even when it could not be read
                a == null ? null : a.utterancesJson(), a == null ? null : a.metricsJson(),
                a == null ? null : a.hitsJson(), a == null ? null : a.scorecardJson(),
                m == null ? null : m.talkRatio(), m == null ? null : m.rep().questionsPerMinute(),
                m == null ? null : m.rep().longestMonologueMs() / 1000.0,
                m == null || Double.isNaN(m.patienceSeconds()) ? null : m.patienceSeconds(),
                m == null ? null : m.interactivity(), m == null ? null : m.rep().wordsPerMinute(),
                m == null ? null : m.rep().fillersPer100Words(), a == null ? null : a.score(), cut(error, 1000));
        return (UUID) rows.get(0).get("id");
    }

    /** The answers people gave on a call already stored, so a new analysis keeps them. */
    static List<Scorecards.Answer> keptAnswers(PluginContext ctx, String source, String externalId) {
        return ctx.data().query("select scorecard::text as s from sales_call where source = ? and external_id = ?",
                        source, externalId).stream().findFirst()
                .flatMap(r -> Scorecards.parse((String) r.get("s")))
                .map(s -> s.answers().stream().filter(Scorecards::kept).toList()).orElse(List.of());
    }

    static Optional<SalesCall> get(PluginContext ctx, UUID id) {
        return ctx.data().query("select " + SalesCall.COLUMNS + " from sales_call where id = ?", id).stream()
                .findFirst().map(SalesCall::of);
    }

    /** The analysis columns of a call, as stored JSON text. */
    static Map<String, Object> detail(PluginContext ctx, UUID id) {
        return ctx.data().query("select utterances::text as utterances, metrics::text as metrics, hits::text as hits,"
                + " scorecard::text as scorecard, transcript from sales_call where id = ?", id).stream().findFirst()
                .orElse(Map.of());
    }

    /** Calls of a period, newest first, optionally of one rep. */
    static List<SalesCall> list(PluginContext ctx, Instant from, Instant to, String rep, int limit) {
        return ctx.data().query("select " + SalesCall.COLUMNS + " from sales_call where started_at >= ?"
                        + " and started_at < ? and (cast(? as text) is null or rep = ?) order by started_at desc, id"
                        + " limit ?", OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to, ZoneOffset.UTC), rep, rep, limit).stream().map(SalesCall::of).toList();
    }

    static void saveScorecard(PluginContext ctx, UUID id, String json, Double score) {
        ctx.data().update("update sales_call set scorecard = cast(? as jsonb), score = ?, updated_at = now()"
                + " where id = ?", json, score, id);
    }

    static void followUp(PluginContext ctx, UUID id, String quote) {
        ctx.data().update("update sales_call set follow_up = ? where id = ?", cut(quote, 500), id);
    }

    static boolean delete(PluginContext ctx, UUID id) {
        return ctx.data().update("delete from sales_call where id = ?", id) == 1;
    }

    /** Calls with a transcript, for a new analysis after the trackers changed: id, source and external id. */
    static List<Map<String, Object>> transcribed(PluginContext ctx, int limit) {
        return ctx.data().query("select id, source, external_id, transcript, transcript_format, direction,"
                + " rep_speaker, duration_s, deal_stage, scorecard::text as scorecard from sales_call"
                + " where transcript is not null"
                + " order by started_at desc limit ?", limit);
    }

    static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}

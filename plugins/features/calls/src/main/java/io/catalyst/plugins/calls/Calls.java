package io.catalyst.plugins.calls;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.host.Members;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.calls.transcript.TrackerHit;
import io.catalyst.plugins.calls.transcript.TranscriptException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Calls in: from the warehouse (a call-tracking connector's calls, read since the last cursor) or imported with
 * their transcripts. Each is joined to the CRM, analysed and stored in one statement; a call whose next step was
 * heard asks the tasks plugin for a follow-up task.
 */
final class Calls {

    static final String READ = "calls:read";
    static final String MANAGE = "calls:manage";
    static final String INGEST_JOB = "ingest";
    static final String REANALYSE_JOB = "reanalyse";
    static final String IMPORT = "import";
    /** Follow-up tasks only for recent calls: an old call's next step is long done or lost. */
    static final Duration FOLLOW_UP_WINDOW = Duration.ofDays(14);
    static final int REANALYSE_LIMIT = 5_000;

    private Calls() {
    }

    /** Reads the warehouse's calls changed since the last read; answers how many were stored. */
    static int ingest(PluginContext ctx) {
        CrmIndex.refresh(ctx);
        List<Trackers.Stored> trackers = Trackers.all(ctx);
        String cursor = State.get(ctx, "cursor.calls");
        int stored = 0;
        RecordPage page;
        do {
            page = ctx.metrics().records(new RecordQuery(RecordQuery.Kind.CALLS, null, cursor, 200));
            for (RecordPage.WarehouseRecord r : page.records()) {
                store(ctx, incoming(r), trackers);
                stored++;
            }
            cursor = page.next();
            State.put(ctx, "cursor.calls", cursor); // after the page is stored: a crash re-reads, never skips
        } while (page.more());
        return stored;
    }

    /**
     * Imports one call with its transcript. The transcript is read before anything is written: one that cannot be
     * read answers 400 and nothing is stored.
     */
    static UUID importCall(PluginContext ctx, CallStore.Incoming in) {
        return store(ctx, in, Trackers.all(ctx), true);
    }

    /** Stores one call from a sync; a transcript that cannot be read is kept with the reason, the call unanalysed. */
    static UUID store(PluginContext ctx, CallStore.Incoming in, List<Trackers.Stored> trackers) {
        return store(ctx, in, trackers, false);
    }

    private static UUID store(PluginContext ctx, CallStore.Incoming in, List<Trackers.Stored> trackers,
                              boolean refuseUnreadable) {
        CrmIndex.Match crm = CrmIndex.match(ctx, in.contactId(), in.phone(), in.email()).orElse(null);
        List<Scorecards.Answer> kept = CallStore.keptAnswers(ctx, in.source(), in.externalId());
        Analysis a;
        String error = null;
        try {
            a = Analysis.of(in.transcript(), in.format(), in.repSpeaker(), in.direction(), in.durationSeconds(),
                    trackers, crm == null ? null : crm.dealStage(), kept);
        } catch (TranscriptException e) {
            if (refuseUnreadable) {
                throw PluginProblem.badRequest("The transcript cannot be read: " + e.getMessage());
            }
            error = e.getMessage();
            a = Analysis.of(null, null, null, in.direction(), in.durationSeconds(), trackers,
                    crm == null ? null : crm.dealStage(), kept);
        }
        UUID id = CallStore.upsert(ctx, in, crm, a, error);
        followUp(ctx, id, in, a);
        return id;
    }

    /** Analyses every transcribed call again (after the trackers changed), keeping people's answers. */
    static int reanalyse(PluginContext ctx) {
        List<Trackers.Stored> trackers = Trackers.all(ctx);
        int done = 0;
        for (Map<String, Object> r : CallStore.transcribed(ctx, REANALYSE_LIMIT)) {
            List<Scorecards.Answer> kept = Scorecards.parse((String) r.get("scorecard"))
                    .map(s -> s.answers().stream().filter(Scorecards::kept).toList()).orElse(List.of());
            try {
                Analysis a = Analysis.of((String) r.get("transcript"), (String) r.get("transcript_format"),
                        (String) r.get("rep_speaker"), (String) r.get("direction"), (Integer) r.get("duration_s"),
                        trackers, (String) r.get("deal_stage"), kept);
                ctx.data().update("update sales_call set hits = cast(? as jsonb), scorecard = cast(? as jsonb),"
                        + " score = ?, analysed_at = now() where id = ?", a.hitsJson(), a.scorecardJson(), a.score(),
                        r.get("id"));
                done++;
            } catch (TranscriptException e) {
                // it was readable when stored; leave it as it is
            }
        }
        return done;
    }

    /** Asks for a follow-up task when the rep agreed a next step near the end of a recent call. */
    private static void followUp(PluginContext ctx, UUID id, CallStore.Incoming in, Analysis a) {
        TrackerHit next = a == null ? null : a.nextStep();
        if (next == null || in.startedAt() == null
                || in.startedAt().toInstant().isBefore(Instant.now().minus(FOLLOW_UP_WINDOW))) {
            return;
        }
        SalesCall call = CallStore.get(ctx, id).orElse(null);
        if (call == null || next.quote().equals(call.followUp())) {
            return; // asked already for this very next step
        }
        UUID assignee = in.rep() == null ? null : ctx.members().list().stream()
                .filter(m -> m.email() != null && m.email().equalsIgnoreCase(in.rep().strip()))
                .map(Members.Member::id).findFirst().orElse(null);
        String when = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
                .format(in.startedAt().atZoneSameInstant(ctx.tenant().timezone()));
        TaskRequest request = new TaskRequest("call:" + id + ":follow-up",
                CallStore.cut("Follow up with " + call.customer(), 200),
                "On the call of " + when + (in.rep() == null ? "" : ", " + in.rep()) + " agreed a next step: \""
                        + next.quote() + "\"", "plugins/calls/call?id=" + id,
                new TaskRequest.Subject("call", id.toString(), CallStore.cut(call.customer(), 200), Map.of()),
                TaskRequest.Priority.NORMAL, assignee, assignee == null ? "analyst" : null,
                in.startedAt().atZoneSameInstant(ctx.tenant().timezone()).toLocalDate().plusDays(2), true, false,
                List.of("follow-up"));
        ctx.events().publish(TaskRequest.TOPIC, request.toPayload());
        CallStore.followUp(ctx, id, next.quote());
    }

    private static CallStore.Incoming incoming(RecordPage.WarehouseRecord r) {
        Map<String, Object> f = r.fields();
        return new CallStore.Incoming(r.source(), r.id(), text(f.get("contact_id")),
                time(f.get("started_at"), r.changedAt()),
                f.get("duration_s") == null ? null : ((Number) f.get("duration_s")).intValue(),
                text(f.get("direction")), f.get("answered") == null ? null : (Boolean) f.get("answered"),
                text(f.get("agent")), text(f.get("customer_name")), text(f.get("caller")),
                text(f.get("customer_email")), text(f.get("source_name")), text(f.get("campaign_id")),
                text(f.get("outcome")), text(f.get("recording_url")), text(f.get("transcript")), null, null);
    }

    private static OffsetDateTime time(Object value, Instant fallback) {
        if (value != null) {
            try {
                return OffsetDateTime.parse(value.toString());
            } catch (java.time.format.DateTimeParseException e) {
                // fall back to when it was loaded
            }
        }
        return OffsetDateTime.ofInstant(fallback, java.time.ZoneOffset.UTC);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

package io.catalyst.plugins.recommendations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A stored recommendation, as the list, the detail screen and REST show it. */
record Reco(UUID id, String kind, String channel, String level, String entity, String entityLabel, String status,
            String title, String body, String phrasedBy, String facts, String evidence, double impact,
            String impactUnit, String impactLabel, double confidence, String confidenceNote,
            OffsetDateTime firstSeen, OffsetDateTime lastSeen, OffsetDateTime actedAt, String actedBy,
            String dismissReason, String dismissNote, LocalDate snoozedUntil, boolean taskRequested,
            String outcomeMetric, Double outcomeBefore, Double outcomeAfter, LocalDate outcomeDue,
            OffsetDateTime outcomeMeasuredAt) {

    static final String OPEN = "OPEN";
    static final String SNOOZED = "SNOOZED";
    static final String ACCEPTED = "ACCEPTED";
    static final String DISMISSED = "DISMISSED";
    static final String RESOLVED = "RESOLVED";

    /** Open or snoozed: the evaluation still updates it and people can act on it. */
    boolean live() {
        return OPEN.equals(status) || SNOOZED.equals(status);
    }

    /** The status as shown: a snooze that ended shows as open until the next evaluation reopens it. */
    String shownStatus(LocalDate today) {
        return SNOOZED.equals(status) && snoozedUntil != null && !snoozedUntil.isAfter(today) ? OPEN : status;
    }

    static Reco of(Map<String, Object> r) {
        return new Reco((UUID) r.get("id"), (String) r.get("kind"), (String) r.get("channel"),
                (String) r.get("level"), (String) r.get("entity"), (String) r.get("entity_label"),
                (String) r.get("status"), (String) r.get("title"), (String) r.get("body"),
                (String) r.get("phrased_by"), (String) r.get("facts"), (String) r.get("evidence"),
                num(r.get("impact")), (String) r.get("impact_unit"), (String) r.get("impact_label"),
                num(r.get("confidence")), (String) r.get("confidence_note"), (OffsetDateTime) r.get("first_seen"),
                (OffsetDateTime) r.get("last_seen"), (OffsetDateTime) r.get("acted_at"), (String) r.get("acted_by"),
                (String) r.get("dismiss_reason"), (String) r.get("dismiss_note"), (LocalDate) r.get("snoozed_until"),
                Boolean.TRUE.equals(r.get("task_requested")), (String) r.get("outcome_metric"),
                r.get("outcome_before") == null ? null : num(r.get("outcome_before")),
                r.get("outcome_after") == null ? null : num(r.get("outcome_after")), (LocalDate) r.get("outcome_due"),
                (OffsetDateTime) r.get("outcome_measured_at"));
    }

    private static double num(Object v) {
        return v == null ? 0 : v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
    }
}

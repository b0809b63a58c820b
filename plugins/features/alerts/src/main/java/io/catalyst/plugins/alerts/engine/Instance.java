package io.catalyst.plugins.alerts.engine;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert: a rule for one entity, deduplicated by (rule, entity).
 *
 * @param since       when the current state began (a pending alert fires once {@code now - since} reaches the
 *                    rule's for-duration)
 * @param firingSince when it last started firing, for escalation; null when not firing
 * @param notified    whether people were told it fires (and not yet that it resolved): what keeps notifications to
 *                    one per transition
 * @param escalated   whether the escalation was sent for this firing
 * @param silencedBy  why it is not judged (a stale source), or null
 */
public record Instance(UUID id, UUID ruleId, String entity, String label, State state, Instant since,
                       Instant firingSince, boolean notified, boolean escalated, Instant ackedAt,
                       Instant snoozedUntil, Double value, Double bound, String reason, String silencedBy) {

    /** A new instance, NORMAL since {@code now}. */
    public static Instance fresh(UUID ruleId, String entity, String label, Instant now) {
        return new Instance(UUID.randomUUID(), ruleId, entity, label, State.NORMAL, now, null, false, false, null,
                null, null, null, null, null);
    }

    /** The deduplication key. */
    public static String key(UUID ruleId, String entity) {
        return ruleId + "/" + entity;
    }

    public String key() {
        return key(ruleId, entity);
    }

    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && now.isBefore(snoozedUntil);
    }
}

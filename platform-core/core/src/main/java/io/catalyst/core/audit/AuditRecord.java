package io.catalyst.core.audit;

/**
 * An audit entry as read back.
 *
 * @param seq        its place in the tenant's chain
 * @param occurredAt when, ISO-8601
 * @param actor      who
 * @param action     what
 * @param targetType on what kind of thing
 * @param targetId   on which
 * @param before     state before, JSON
 * @param after      state after, JSON
 * @param sourceIp   from where
 * @param requestId  in which request
 * @param hash       its chain hash
 */
public record AuditRecord(long seq, String occurredAt, String actor, String action, String targetType,
                          String targetId, String before, String after, String sourceIp, String requestId,
                          String hash) {
}

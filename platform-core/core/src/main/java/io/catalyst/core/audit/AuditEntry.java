package io.catalyst.core.audit;

import java.util.UUID;

/**
 * One security or administrative action, as the audit log keeps it.
 *
 * @param tenantId   the tenant whose chain it joins; null for platform actions
 * @param actorId    the user who acted, or null for the system or an unknown person
 * @param actor      who acted, for people: an email, "system", or an attempted email for a failed sign-in
 * @param action     dotted verb, e.g. {@code identity.sign-in.failed}, {@code tenancy.tenant.suspended}
 * @param targetType what kind of thing it acted on, e.g. {@code tenant}, {@code user}
 * @param targetId   which one
 * @param before     its state before, as a JSON-able object; null when created or not applicable
 * @param after      its state after; null when deleted or not applicable
 */
public record AuditEntry(UUID tenantId, UUID actorId, String actor, String action, String targetType,
                         String targetId, Object before, Object after) {
}

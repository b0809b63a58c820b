package io.catalyst.core.identity;

import java.util.UUID;

/**
 * A CDI event: someone was removed from a company. The UI observes it to end their sessions at once, so a screen
 * they still have open cannot act for the company; their personal API tokens there are revoked in the same
 * transaction.
 */
public record MembershipEnded(UUID tenantId, UUID userId) {
}

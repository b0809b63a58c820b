package io.catalyst.core.audit;

import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.function.Function;

/**
 * The units of work the audit log reads and writes in. The tenancy component provides them with its {@code Scopes};
 * the audit log owns this interface so that it depends on no component: every component records into it, tenancy's
 * own lifecycle included.
 */
public interface AuditScopes {

    /**
     * Runs work that appends to a chain: the platform's for {@link AuditLog#PLATFORM_CHAIN}, else the tenant's, from
     * the platform's scope when the current transaction is the platform's (a platform action on a tenant) and from
     * the tenant's own otherwise.
     */
    <T> T appending(UUID chain, Function<EntityManager, T> work);

    /** Runs work that reads one tenant's chain, in that tenant's scope. */
    <T> T reading(UUID tenantId, Function<EntityManager, T> work);
}

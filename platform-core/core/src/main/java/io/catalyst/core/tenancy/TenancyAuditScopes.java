package io.catalyst.core.tenancy;

import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.audit.AuditScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.function.Function;

/** The audit log's units of work, bound to a tenant or the platform like every other through {@link Scopes}. */
@ApplicationScoped
public class TenancyAuditScopes implements AuditScopes {

    @Inject
    Scopes scopes;

    @Override
    public <T> T appending(UUID chain, Function<EntityManager, T> work) {
        if (chain == null || AuditLog.PLATFORM_CHAIN.equals(chain)) {
            return scopes.platform(work);
        }
        if (scopes.platformBound()) { // a platform action on a tenant: recorded in the tenant's chain
            return scopes.platform(work);
        }
        return scopes.tenant(chain, work);
    }

    @Override
    public <T> T reading(UUID tenantId, Function<EntityManager, T> work) {
        return scopes.tenant(tenantId, work);
    }
}

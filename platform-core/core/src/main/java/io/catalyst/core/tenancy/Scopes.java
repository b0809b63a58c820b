package io.catalyst.core.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The only way to the database with JPA: every unit of work runs in one transaction bound to exactly one scope.
 *
 * <p>Isolation happens twice. The EntityManager carries the tenant for EclipseLink's {@code @Multitenant}
 * filtering, and the transaction carries it for PostgreSQL row-level security ({@code bind_scope(tenant, platform,
 * user)}: transaction-local, and signed so that SQL cannot forge it, see {@code V13__scope_binding.sql}). A
 * transaction never changes scope: asking for another scope inside it fails rather than silently rebinding. The one exception is platform work acting inside a
 * tenant (creating one, say), which keeps the platform's binding and gets a tenant-filtered EntityManager.
 */
@ApplicationScoped
public class Scopes {

    /** Bound where no single tenant is meant; matches no tenant's rows. */
    public static final UUID NO_TENANT = new UUID(0, 0);

    @PersistenceUnit(unitName = "catalyst")
    EntityManagerFactory entityManagers;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Work on one tenant's data. */
    @Transactional
    public <T> T tenant(UUID tenantId, Function<EntityManager, T> work) {
        if (tenantId == null || NO_TENANT.equals(tenantId)) {
            throw new IllegalArgumentException("A tenant scope needs a tenant");
        }
        return run(new Binding(tenantId, false, null), work);
    }

    /** Platform administration across tenants; only platform code paths may call it. */
    @Transactional
    public <T> T platform(Function<EntityManager, T> work) {
        return run(new Binding(NO_TENANT, true, null), work);
    }

    /** A signed-in user's own records across tenants, such as their memberships, and nothing of any tenant. */
    @Transactional
    public <T> T user(UUID userId, Function<EntityManager, T> work) {
        return run(new Binding(NO_TENANT, false, userId), work);
    }

    /** Platform-wide tables only (such as accounts, before anyone has signed in); no tenant's rows. */
    @Transactional
    public <T> T anonymous(Function<EntityManager, T> work) {
        return run(new Binding(NO_TENANT, false, null), work);
    }

    /**
     * A native SQL query. EclipseLink refuses native SQL in a unit with multitenant entities unless told per query;
     * the scope's binding (and row-level security) still applies to it.
     */
    public static Query sql(EntityManager entityManager, String sql) {
        return entityManager.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true);
    }

    /** Whether the current transaction works for the platform, which may write into any tenant's rows. */
    public boolean platformBound() {
        Object bound = transactions.getTransactionKey() == null ? null : transactions.getResource(Binding.class);
        return bound instanceof Binding binding && binding.platform();
    }

    private <T> T run(Binding binding, Function<EntityManager, T> work) {
        Object bound = transactions.getResource(Binding.class);
        // platform work may act inside one tenant: for that step, RLS narrows to the tenant (native SQL included),
        // and afterwards the transaction is the platform's again
        boolean insidePlatform = bound instanceof Binding outer && outer.platform() && !binding.platform()
                && binding.user() == null;
        if (bound != null && !bound.equals(binding) && !insidePlatform) {
            throw new IllegalStateException("This transaction is bound to " + bound + ", not " + binding
                    + "; run the work in its own transaction");
        }
        EntityManager entityManager = entityManagers.createEntityManager(
                Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, binding.tenant().toString()));
        try {
            entityManager.joinTransaction();
            if (bound == null || insidePlatform) {
                bind(entityManager, binding);
            }
            if (bound == null) {
                transactions.putResource(Binding.class, binding);
            }
            T result = work.apply(entityManager);
            // later work in this transaction may read with SQL or another EntityManager: let it see these changes
            entityManager.flush();
            if (insidePlatform) {
                bind(entityManager, (Binding) bound);
            }
            return result;
        } finally {
            entityManager.close();
        }
    }

    private static void bind(EntityManager entityManager, Binding binding) {
        // bind_scope signs the binding (app.scope_sig) so that current_tenant() can tell it from a forged one
        sql(entityManager, "select 1 from bind_scope(cast(?1 as uuid), cast(?2 as boolean),"
                        + " cast(nullif(?3, '') as uuid))")
                .setParameter(1, binding.tenant().toString())
                .setParameter(2, binding.platform() ? "true" : "false")
                .setParameter(3, binding.user() == null ? "" : binding.user().toString())
                .getSingleResult();
    }

    /** What a transaction is bound to. */
    record Binding(UUID tenant, boolean platform, UUID user) {
        @Override
        public String toString() {
            if (platform) {
                return "the platform";
            }
            if (user != null) {
                return "user " + user;
            }
            return NO_TENANT.equals(tenant) ? "no tenant" : "tenant " + tenant;
        }
    }
}

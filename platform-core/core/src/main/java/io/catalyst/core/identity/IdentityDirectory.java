package io.catalyst.core.identity;

import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The realm's directory over the database: accounts are platform-wide, roles are read inside their tenant. Each
 * lookup runs in its own transaction, so a permission check inside some tenant's unit of work never rebinds it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IdentityDirectory implements CatalystRealm.Directory {

    @Inject
    Scopes scopes;

    @Override
    public Optional<CatalystRealm.Account> account(String email) {
        return scopes.anonymous(em -> em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                        .setParameter("email", email.trim().toLowerCase())
                        .getResultStream().findFirst())
                .map(user -> new CatalystRealm.Account(user.id(), user.passwordHash(),
                        user.status() == User.Status.ACTIVE && user.passwordHash() != null,
                        user.lockedUntil() != null && user.lockedUntil().isAfter(OffsetDateTime.now())));
    }

    @Override
    public List<String> platformRoles(UUID userId) {
        return scopes.anonymous(em -> Optional.ofNullable(em.find(User.class, userId))
                .filter(user -> user.status() == User.Status.ACTIVE)
                .map(User::platformRoles).orElse(List.of()));
    }

    @Override
    public List<String> tenantRoles(UUID userId, UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            User user = em.find(User.class, userId);
            if (user == null || user.status() != User.Status.ACTIVE) {
                return List.<String>of(); // a disabled account holds nothing anywhere, whatever its tokens say
            }
            Tenant tenant = em.find(Tenant.class, tenantId);
            if (tenant == null || tenant.status() != TenantStatus.ACTIVE) {
                return List.<String>of(); // a suspended or offboarding tenant grants nothing
            }
            Membership membership = em.find(Membership.class, userId);
            return membership != null ? membership.roles() : List.<String>of();
        });
    }

    @Override
    public List<String> customRolePermissions(UUID tenantId, String roleName) {
        return scopes.tenant(tenantId, em -> em.createQuery("select r from CustomRole r where r.name = :name",
                        CustomRole.class)
                .setParameter("name", roleName)
                .getResultStream().findFirst().map(CustomRole::permissions).orElse(List.of()));
    }
}

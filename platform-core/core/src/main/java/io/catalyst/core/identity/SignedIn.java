package io.catalyst.core.identity;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * Who signed in, and the tenants they may work in, with what they may do in each. Kept in the user's session and
 * reloaded on every navigation, so a role change shows at the next click.
 *
 * @param userId        the user
 * @param email         their email
 * @param name          their name
 * @param platformAdmin whether they are agency staff with platform permissions
 * @param tenants       their memberships, by tenant name
 */
public record SignedIn(UUID userId, String email, String name, boolean platformAdmin, List<TenantAccess> tenants)
        implements Serializable {

    public SignedIn {
        tenants = List.copyOf(tenants);
    }

    /**
     * A tenant the user belongs to.
     *
     * @param tenantId    the tenant
     * @param slug        its slug
     * @param name        its name
     * @param roles       the user's roles there
     * @param permissions what those roles grant there, tenant-relative ({@code *} for everything)
     * @param onboarded   whether the company finished its setup wizard
     */
    public record TenantAccess(UUID tenantId, String slug, String name, List<String> roles, List<String> permissions,
                               boolean onboarded) implements Serializable {
        public TenantAccess {
            roles = List.copyOf(roles);
            permissions = List.copyOf(permissions);
        }

        /** Whether the user may do this here, e.g. {@code users:manage}. */
        public boolean permits(String permission) {
            WildcardPermission wanted = new WildcardPermission(permission);
            return permissions.stream().anyMatch(held -> new WildcardPermission(held).implies(wanted));
        }
    }

    /** Whether the user, working in the given tenant (or none), may do this; platform ones need a platform role. */
    public boolean permits(TenantAccess tenant, String permission) {
        if (permission.startsWith("platform:")) {
            return platformAdmin;
        }
        return tenant != null && tenants.contains(tenant) && tenant.permits(permission);
    }
}

package io.catalyst.core.identity;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * Who signed in, and the tenants they may work in. Kept in the user's session.
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

    /** A tenant the user belongs to, and their roles there. */
    public record TenantAccess(UUID tenantId, String slug, String name, List<String> roles) implements Serializable {
        public TenantAccess {
            roles = List.copyOf(roles);
        }
    }
}

package io.catalyst.api.host;

import java.util.Set;
import java.util.UUID;

/**
 * Notifies users of the current tenant. Today the host sends each one an email (title as subject; message, link and
 * a line naming the plugin and tenant as text) while the call waits; there is no in-app inbox yet. A mail server
 * that refuses surfaces as an exception in the calling code, which marks the plugin FAILED unless caught. Ids or
 * roles outside the tenant are ignored.
 */
public interface Notifications {

    /** Notifies the given users. */
    void notifyUsers(Set<UUID> userIds, Notification notification);

    /**
     * Notifies every member holding a role, by the role's name in the tenant: a built-in one ({@code tenant-admin},
     * {@code analyst}, {@code viewer}) or a custom role's name. Not a permission: a role is matched by name only.
     */
    void notifyRole(String role, Notification notification);
}

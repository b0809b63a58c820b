package io.catalyst.api.host;

import java.util.Set;
import java.util.UUID;

/**
 * Notifies users of the current tenant. Since API 0.5.0 every notification lands in the user's in-app inbox (the bell
 * in the shell counts it at once in every open browser of that user) and, by the user's preference for its kind, in
 * an email sent at once (the default) or in a daily digest, or nowhere else. The tenant's webhooks get it too, where
 * one subscribes to its kind. Delivery by email and webhook is durable and retried by the host, off the calling
 * thread: the call returns once the notification is stored. Ids or roles outside the tenant are ignored.
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

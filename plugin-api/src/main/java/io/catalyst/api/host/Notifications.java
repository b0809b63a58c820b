package io.catalyst.api.host;

import java.util.Set;
import java.util.UUID;

/** Sends in-app notifications to users of the current tenant. Ids or roles outside it are ignored. */
public interface Notifications {

    /** Notifies the given users. */
    void notifyUsers(Set<UUID> userIds, Notification notification);

    /** Notifies every user holding a role, e.g. {@code admin}. */
    void notifyRole(String role, Notification notification);
}

package io.catalyst.plugins.alerts.engine;

import java.util.Set;
import java.util.UUID;

/** Who is told: members by user id, and/or everyone holding a role (by name). */
public record Recipients(Set<UUID> members, String role) {

    public static final Recipients NOBODY = new Recipients(Set.of(), null);

    public Recipients {
        members = members == null ? Set.of() : Set.copyOf(members);
        role = role == null || role.isBlank() ? null : role.strip();
    }

    public boolean isEmpty() {
        return members.isEmpty() && role == null;
    }
}

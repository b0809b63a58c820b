package io.catalyst.plugins.tasks;

import io.catalyst.api.host.Members.Member;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Whom a requested task goes to: the named member, else the least busy member of the role, else the role itself. */
final class Assignment {

    /** A member, a role waiting for someone to pick the task up, or nobody (both null). */
    record Assignee(UUID userId, String role) {
        static final Assignee NOBODY = new Assignee(null, null);
    }

    private Assignment() {
    }

    /**
     * @param openTasks open tasks per member, for the role's turn; a member missing from it has none
     */
    static Assignee decide(UUID requested, String role, List<Member> members, Map<UUID, Integer> openTasks) {
        if (requested != null && members.stream().anyMatch(m -> m.id().equals(requested))) {
            return new Assignee(requested, null);
        }
        if (role == null || role.isBlank()) {
            return Assignee.NOBODY;
        }
        return members.stream().filter(m -> m.roles().contains(role))
                .min(Comparator.<Member>comparingInt(m -> openTasks.getOrDefault(m.id(), 0))
                        .thenComparing(Member::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Member::id))
                .map(m -> new Assignee(m.id(), null))
                .orElse(new Assignee(null, role.strip()));
    }
}

package io.catalyst.api.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The people of the current tenant, for assigning work and mentioning someone. Read-only: a plugin cannot add,
 * change or remove a member. Since API 0.5.0.
 */
public interface Members {

    /** A member of the tenant, with the names of the roles they hold there (built-in and custom). */
    record Member(UUID id, String email, String name, Set<String> roles) {

        /** Copies the roles. */
        public Member {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /** Every member, by name. */
    List<Member> list();

    /** One member by user id; empty for someone who is not a member of this tenant. */
    default Optional<Member> find(UUID userId) {
        return list().stream().filter(m -> m.id().equals(userId)).findFirst();
    }

    /** The members holding a role, by the role's name (built-in or custom). */
    default List<Member> withRole(String role) {
        return list().stream().filter(m -> m.roles().contains(role)).toList();
    }
}

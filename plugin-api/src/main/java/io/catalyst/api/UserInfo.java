package io.catalyst.api;

import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in user a plugin call runs for; absent for jobs and event listeners.
 *
 * @param id    stable user id
 * @param email sign-in e-mail address
 * @param name  display name
 */
public record UserInfo(UUID id, String email, String name) {

    /** Rejects missing values. */
    public UserInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
    }
}

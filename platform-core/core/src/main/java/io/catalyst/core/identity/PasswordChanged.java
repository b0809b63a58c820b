package io.catalyst.core.identity;

import java.util.UUID;

/**
 * A CDI event: a user's password was replaced (a completed reset), so every session signed in before it must end.
 * The UI observes it to sign those sessions out; personal API tokens are revoked in the same transaction.
 */
public record PasswordChanged(UUID userId) {
}

package io.catalyst.api.health;

import java.util.Objects;

/**
 * The outcome of a {@link HealthCheck}.
 *
 * @param status  up or down
 * @param message a human explanation, especially when down
 */
public record HealthResult(Status status, String message) {

    /** Whether the checked thing works. */
    public enum Status { UP, DOWN }

    /** Requires a status. */
    public HealthResult {
        Objects.requireNonNull(status, "status");
    }

    /** Working. */
    public static HealthResult up(String message) {
        return new HealthResult(Status.UP, message);
    }

    /** Not working, with the reason. */
    public static HealthResult down(String message) {
        return new HealthResult(Status.DOWN, message);
    }
}

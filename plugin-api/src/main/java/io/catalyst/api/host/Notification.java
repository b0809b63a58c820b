package io.catalyst.api.host;

import java.util.Objects;

/**
 * An in-app notification.
 *
 * @param title   one short line
 * @param message body text
 * @param link    an in-app route to open, e.g. {@code plugins/lead-scoring/report}, or null
 */
public record Notification(String title, String message, String link) {

    /** Requires a title and message. */
    public Notification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
    }
}

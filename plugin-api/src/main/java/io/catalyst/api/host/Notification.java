package io.catalyst.api.host;

import java.util.Objects;

/**
 * A notification to users (see {@link Notifications}).
 *
 * @param kind    what sort of notice this is, a short word such as {@code alert.firing} or {@code task.assigned}:
 *                users choose per kind where they get it (in the app, by email now, in a daily digest, or not at all).
 *                The host files it under the plugin's id, so kinds of different plugins never mix. Since API 0.5.0.
 * @param title   one short line: the inbox entry's title and the email's subject
 * @param message body text: plain text
 * @param link    a route in the application, e.g. {@code plugins/alerts/alerts}, or null; the inbox opens it
 */
public record Notification(String kind, String title, String message, String link) {

    /** Requires a title and message; a blank kind becomes {@code general}. */
    public Notification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        kind = kind == null || kind.isBlank() ? "general" : kind.strip();
        if (!kind.matches("[a-z0-9][a-z0-9.-]{0,62}")) {
            throw new IllegalArgumentException("a notification kind is lower-case words with dots or dashes: " + kind);
        }
    }

    /** A notification of kind {@code general}, as before API 0.5.0. */
    public Notification(String title, String message, String link) {
        this(null, title, message, link);
    }
}

package io.catalyst.api.host;

import java.util.Objects;

/**
 * A notification to users; the host delivers it as an email today (see {@link Notifications}).
 *
 * @param title   one short line: the email's subject
 * @param message body text: plain text
 * @param link    a route in the application, e.g. {@code plugins/lead-scoring/report}, or null; the email shows it as
 *                given, not as a full address
 */
public record Notification(String title, String message, String link) {

    /** Requires a title and message. */
    public Notification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
    }
}

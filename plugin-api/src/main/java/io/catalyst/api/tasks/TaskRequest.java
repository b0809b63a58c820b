package io.catalyst.api.tasks;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A request for a task, published with {@code ctx.events().publish(TaskRequest.TOPIC, request.toPayload())}. Any
 * plugin may publish this topic; the host adds {@value #SOURCE} (the publishing plugin's id) to the payload and
 * overwrites whatever the plugin put there, so no plugin can touch another's tasks.
 *
 * <p>The tasks plugin creates one task per source plugin and {@link #dedupeKey}. The same key again updates that task
 * (title, body, link, priority, due date; a comment records the change) and reopens it if it was done or cancelled
 * and {@link #reopen} is set. When such a task is done or cancelled, the tasks plugin publishes
 * {@value #CLOSED_TOPIC} with {@value #SOURCE}, {@code dedupeKey}, {@code status} and {@code taskId}, so the requester
 * can react. Nothing is delivered where no tasks plugin is enabled: the request is an event, not a queue.
 *
 * @param dedupeKey  the requester's own key for the thing the task is about, e.g. {@code alert:<rule>:<entity>};
 *                   1 to 200 characters
 * @param title      one line, 1 to 200 characters
 * @param body       plain text, or null
 * @param link       a route in the application that opens what the task is about, e.g.
 *                   {@code plugins/alerts/alert?id=...}, or null
 * @param subject    what the task is about, for filters and the one-click link; may be null
 * @param priority   how urgent
 * @param assignee   the user to assign, or null; a user who is not a member of the tenant is ignored
 * @param role       the role whose members are assigned in turn when no assignee is given (e.g. {@code analyst}),
 *                   or null for none
 * @param due        the due date in the tenant's time zone, or null
 * @param clientVisible whether the client's own users see the task (false: agency-internal)
 * @param reopen     whether a repeated request reopens a closed task
 * @param labels     labels to add
 */
public record TaskRequest(String dedupeKey, String title, String body, String link, Subject subject,
                          Priority priority, UUID assignee, String role, LocalDate due, boolean clientVisible,
                          boolean reopen, List<String> labels) {

    /** The event topic that carries task requests. */
    public static final String TOPIC = "tasks.requested";

    /** The event topic the tasks plugin publishes when a requested task is done or cancelled. */
    public static final String CLOSED_TOPIC = "tasks.request.closed";

    /** The payload key the host fills with the publishing plugin's id. */
    public static final String SOURCE = "sourcePlugin";

    /** How urgent a task is. */
    public enum Priority { LOW, NORMAL, HIGH, URGENT }

    /**
     * What a task is about.
     *
     * @param kind  {@code metric}, {@code alert}, {@code campaign}, {@code creative}, {@code lead}, {@code call},
     *              or another plugin-defined word
     * @param id    the thing's id in its owner's terms
     * @param label how people call it, e.g. the campaign's name
     * @param snapshot figures at the time of the request (metric to value), shown on the task; may be empty
     */
    public record Subject(String kind, String id, String label, Map<String, Object> snapshot) {

        /** Requires kind and id. */
        public Subject {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            snapshot = snapshot == null ? Map.of() : Map.copyOf(snapshot);
        }
    }

    /** Checks lengths and fills defaults: normal priority, no labels. */
    public TaskRequest {
        dedupeKey = required(dedupeKey, "dedupeKey", 200);
        title = required(title, "title", 200);
        priority = priority == null ? Priority.NORMAL : priority;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A request with only the fields most plugins need. */
    public static TaskRequest of(String dedupeKey, String title, String body, String link, Priority priority) {
        return new TaskRequest(dedupeKey, title, body, link, null, priority, null, null, null, false, true, List.of());
    }

    /** The event payload: JSON-like values only. */
    public Map<String, Object> toPayload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dedupeKey", dedupeKey);
        p.put("title", title);
        p.put("body", body);
        p.put("link", link);
        if (subject != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", subject.kind());
            s.put("id", subject.id());
            s.put("label", subject.label());
            s.put("snapshot", new LinkedHashMap<>(subject.snapshot()));
            p.put("subject", s);
        }
        p.put("priority", priority.name());
        p.put("assignee", assignee == null ? null : assignee.toString());
        p.put("role", role);
        p.put("due", due == null ? null : due.toString());
        p.put("clientVisible", clientVisible);
        p.put("reopen", reopen);
        p.put("labels", labels);
        return p;
    }

    /**
     * Reads a payload back, as the tasks plugin does.
     *
     * @throws IllegalArgumentException when a required field is missing or a value is malformed, with its name
     */
    @SuppressWarnings("unchecked")
    public static TaskRequest fromPayload(Map<String, Object> p) {
        try {
            Subject subject = null;
            if (p.get("subject") instanceof Map<?, ?> s) {
                Object snap = s.get("snapshot");
                subject = new Subject(text(s.get("kind")), text(s.get("id")), text(s.get("label")),
                        snap instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
            }
            Object labels = p.get("labels");
            return new TaskRequest(text(p.get("dedupeKey")), text(p.get("title")), text(p.get("body")),
                    text(p.get("link")), subject,
                    p.get("priority") == null ? null
                            : Priority.valueOf(text(p.get("priority")).toUpperCase(Locale.ROOT)),
                    p.get("assignee") == null ? null : UUID.fromString(text(p.get("assignee"))),
                    text(p.get("role")),
                    p.get("due") == null ? null : LocalDate.parse(text(p.get("due"))),
                    Boolean.TRUE.equals(p.get("clientVisible")), !Boolean.FALSE.equals(p.get("reopen")),
                    labels instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of());
        } catch (NullPointerException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("malformed task request: " + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String required(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        return value.strip();
    }
}

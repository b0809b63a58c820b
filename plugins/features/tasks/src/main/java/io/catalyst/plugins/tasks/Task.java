package io.catalyst.plugins.tasks;

import io.catalyst.api.tasks.TaskRequest.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One task as stored.
 *
 * @param subjectSnapshot the subject's figures at the time of the request, as a JSON object's text, or null
 */
record Task(UUID id, String title, String body, TaskStatus status, Priority priority, UUID assigneeId,
            String assigneeRole, LocalDate due, boolean clientVisible, String link, String subjectKind,
            String subjectId, String subjectLabel, String subjectSnapshot, String sourcePlugin, String dedupeKey,
            UUID createdBy, String createdByName, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
            Instant closedAt, List<String> labels) {

    /** The route that opens the task in the application, also the link of its notifications. */
    static String route(UUID id) {
        return "plugins/tasks/task?id=" + id;
    }

    boolean overdue(LocalDate today) {
        return due != null && due.isBefore(today) && !status.closed();
    }

    boolean requested() {
        return sourcePlugin != null;
    }
}

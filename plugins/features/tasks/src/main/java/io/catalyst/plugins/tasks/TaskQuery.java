package io.catalyst.plugins.tasks;

import io.catalyst.api.tasks.TaskRequest.Priority;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A filtered page of tasks.
 *
 * @param view     a preset: all, mine, today (due today) or overdue
 * @param statuses the statuses to show; empty for all
 * @param assignee a member's id; null for anyone
 * @param unassigned only tasks with no member assigned
 * @param text     words in the title or body, or null
 */
record TaskQuery(View view, Set<TaskStatus> statuses, UUID assignee, boolean unassigned, Priority priority,
                 String label, String text, int limit, int offset) {

    static final int MAX_LIMIT = 500;

    /** The presets of the task lists. */
    enum View {
        ALL("All"), MINE("My tasks"), TODAY("Due today"), OVERDUE("Overdue");

        private final String label;

        View(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Optional<View> parse(String text) {
            try {
                return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    TaskQuery {
        statuses = Set.copyOf(statuses);
    }

    static TaskQuery of(View view) {
        return new TaskQuery(view, Set.of(), null, false, null, null, null, 200, 0);
    }
}

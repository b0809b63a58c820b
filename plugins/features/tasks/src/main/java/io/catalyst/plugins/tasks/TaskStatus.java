package io.catalyst.plugins.tasks;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where a task stands, and which moves its workflow allows: the board's columns, left to right. */
enum TaskStatus {
    OPEN("Open"), IN_PROGRESS("In progress"), IN_REVIEW("In review"), DONE("Done"), CANCELLED("Cancelled");

    // a quick task may go straight to done; review follows work; closed tasks only reopen
    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, DONE, CANCELLED),
            IN_PROGRESS, EnumSet.of(OPEN, IN_REVIEW, DONE, CANCELLED),
            IN_REVIEW, EnumSet.of(IN_PROGRESS, DONE, CANCELLED),
            DONE, EnumSet.of(OPEN),
            CANCELLED, EnumSet.of(OPEN));

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean closed() {
        return this == DONE || this == CANCELLED;
    }

    /** The statuses this one may move to. */
    Set<TaskStatus> next() {
        return NEXT.get(this);
    }

    boolean canMoveTo(TaskStatus to) {
        return next().contains(to);
    }

    /** Refuses a move the workflow does not allow, in words. */
    void checkMove(TaskStatus to) {
        if (to == this) {
            throw new IllegalArgumentException("the task is already " + label.toLowerCase(Locale.ROOT));
        }
        if (!canMoveTo(to)) {
            throw new IllegalArgumentException("a task that is " + label.toLowerCase(Locale.ROOT)
                    + " cannot move to " + to.label.toLowerCase(Locale.ROOT) + "; it can move to "
                    + next().stream().map(s -> s.label.toLowerCase(Locale.ROOT)).sorted().toList());
        }
    }

    /** OPEN, open, in-progress and "In progress" all name a status. */
    static Optional<TaskStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (TaskStatus s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

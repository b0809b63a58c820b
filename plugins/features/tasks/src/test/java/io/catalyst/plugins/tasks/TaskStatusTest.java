package io.catalyst.plugins.tasks;

import static io.catalyst.plugins.tasks.TaskStatus.CANCELLED;
import static io.catalyst.plugins.tasks.TaskStatus.DONE;
import static io.catalyst.plugins.tasks.TaskStatus.IN_PROGRESS;
import static io.catalyst.plugins.tasks.TaskStatus.IN_REVIEW;
import static io.catalyst.plugins.tasks.TaskStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskStatusTest {

    @Test
    void followsTheWorkflow() {
        assertThat(OPEN.next()).containsExactlyInAnyOrder(IN_PROGRESS, DONE, CANCELLED);
        assertThat(IN_PROGRESS.next()).containsExactlyInAnyOrder(OPEN, IN_REVIEW, DONE, CANCELLED);
        assertThat(IN_REVIEW.next()).containsExactlyInAnyOrder(IN_PROGRESS, DONE, CANCELLED);
        assertThat(DONE.next()).containsExactly(OPEN);
        assertThat(CANCELLED.next()).containsExactly(OPEN);
        assertThat(OPEN.canMoveTo(IN_REVIEW)).isFalse();
        assertThat(DONE.closed()).isTrue();
        assertThat(IN_REVIEW.closed()).isFalse();
    }

    @Test
    void refusesMovesInWords() {
        assertThatThrownBy(() -> DONE.checkMove(IN_PROGRESS))
                .hasMessage("a task that is done cannot move to in progress; it can move to [open]");
        assertThatThrownBy(() -> OPEN.checkMove(OPEN)).hasMessage("the task is already open");
        CANCELLED.checkMove(OPEN); // reopening is allowed
    }

    @Test
    void readsStatusNamesLeniently() {
        assertThat(TaskStatus.parse("in-progress")).contains(IN_PROGRESS);
        assertThat(TaskStatus.parse(" In review ")).contains(IN_REVIEW);
        assertThat(TaskStatus.parse("done")).contains(DONE);
        assertThat(TaskStatus.parse("finished")).isEmpty();
        assertThat(TaskStatus.parse(null)).isEmpty();
    }
}

package io.catalyst.plugins.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.tasks.TaskRequest.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final SlaPolicy POLICY = SlaPolicy.of(Map.of(TasksSettings.HOLIDAYS, "2026-12-25"), BERLIN);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @Test
    void defaultsAreOfficeHoursAndTargetsPerPriority() {
        assertThat(POLICY.responseTarget(Priority.URGENT)).isEqualTo(Duration.ofHours(1));
        assertThat(POLICY.responseTarget(Priority.LOW)).isEqualTo(Duration.ofHours(16));
        assertThat(POLICY.doneTarget(Priority.NORMAL)).isEqualTo(Duration.ofHours(40));
    }

    @Test
    void runsTheResponseClockUntilSomeoneResponds() {
        // HIGH: 4 business hours to respond; created Monday 10:00, now 10:50
        SlaPolicy.State s = POLICY.state(TaskStatus.OPEN, Priority.HIGH, at("2026-12-07T10:00"), null, null,
                at("2026-12-07T10:50"));
        assertThat(s.clock()).isEqualTo(SlaPolicy.Clock.RESPONSE);
        assertThat(s.deadline()).isEqualTo(at("2026-12-07T14:00"));
        assertThat(s.text()).isEqualTo("SLA: first response 3h 10m left");
        // the next morning at 10:00 it is 4.5 business hours late (14:00-17:30 and 09:00-10:00)
        SlaPolicy.State late = POLICY.state(TaskStatus.OPEN, Priority.HIGH, at("2026-12-07T10:00"), null, null,
                at("2026-12-08T10:00"));
        assertThat(late.breached()).isTrue();
        assertThat(late.text()).isEqualTo("SLA: first response breached by 4h 30m");
    }

    @Test
    void thenTheDoneClock() {
        // URGENT: done within 8 business hours; Friday 16:00 + 8h = Monday 15:30 (1.5h on Friday, 6.5h on Monday)
        SlaPolicy.State s = POLICY.state(TaskStatus.IN_PROGRESS, Priority.URGENT, at("2026-12-04T16:00"),
                at("2026-12-04T16:10"), null, at("2026-12-07T09:00"));
        assertThat(s.clock()).isEqualTo(SlaPolicy.Clock.DONE);
        assertThat(s.deadline()).isEqualTo(at("2026-12-07T15:30"));
        assertThat(s.text()).isEqualTo("SLA: 6h 30m left");
        // the weekend does not count: on Saturday the same time is left as at Friday's closing
        assertThat(POLICY.state(TaskStatus.IN_PROGRESS, Priority.URGENT, at("2026-12-04T16:00"),
                at("2026-12-04T16:10"), null, at("2026-12-05T12:00")).text()).isEqualTo("SLA: 6h 30m left");
        SlaPolicy.State breached = POLICY.state(TaskStatus.IN_REVIEW, Priority.URGENT, at("2026-12-04T16:00"),
                at("2026-12-04T16:10"), null, at("2026-12-07T16:30"));
        assertThat(breached.text()).isEqualTo("SLA: breached by 1h");
    }

    @Test
    void aDoneTaskMetOrMissedItsTarget() {
        assertThat(POLICY.state(TaskStatus.DONE, Priority.URGENT, at("2026-12-07T09:00"), null,
                at("2026-12-07T17:00"), at("2026-12-09T12:00")).text()).isEqualTo("SLA: met");
        assertThat(POLICY.state(TaskStatus.DONE, Priority.URGENT, at("2026-12-07T09:00"), null,
                at("2026-12-08T10:00"), at("2026-12-09T12:00")).text()).isEqualTo("SLA: missed by 1h 30m");
        assertThat(POLICY.state(TaskStatus.CANCELLED, Priority.URGENT, at("2026-12-07T09:00"), null,
                at("2026-12-08T10:00"), at("2026-12-09T12:00"))).isNull();
    }

    @Test
    void readsTargetsAndRefusesBadOnes() {
        assertThat(SlaPolicy.parseTargets("urgent=0.5; HIGH=2, NORMAL=8, LOW=24").get(Priority.URGENT))
                .isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> SlaPolicy.parseTargets("URGENT=1, HIGH=2, NORMAL=8")).hasMessage("no target for LOW");
        assertThatThrownBy(() -> SlaPolicy.parseTargets("SOON=1")).hasMessageContaining("is not a priority");
        assertThatThrownBy(() -> SlaPolicy.parseTargets("URGENT=x")).hasMessageContaining("not a number of hours");
        assertThatThrownBy(() -> SlaPolicy.parseTargets("URGENT=-1")).hasMessageContaining("more than 0");
        assertThat(SlaPolicy.format(Duration.ofMinutes(190))).isEqualTo("3h 10m");
        assertThat(SlaPolicy.format(Duration.ofMinutes(45))).isEqualTo("45m");
        assertThat(SlaPolicy.format(Duration.ofHours(26))).isEqualTo("26h");
    }

    @Test
    void settingsAreValidatedWithTheSameRules() {
        TasksSettings settings = new TasksSettings();
        assertThat(settings.validate(Map.of())).isEmpty();
        assertThat(settings.validate(Map.of(TasksSettings.HOURS, "Mon-Fri 9-5", TasksSettings.DONE, "LOW=1")))
                .extracting(e -> e.key()).containsExactly(TasksSettings.HOURS, TasksSettings.DONE);
    }
}

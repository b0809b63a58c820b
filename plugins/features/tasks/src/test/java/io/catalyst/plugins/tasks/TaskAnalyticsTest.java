package io.catalyst.plugins.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskAnalyticsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final UUID ADA = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-09"); // a Wednesday

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    private static TaskAnalytics.Fact done(UUID who, String created, String closed, String due) {
        return new TaskAnalytics.Fact(TaskStatus.DONE, who, at(created), at(closed),
                due == null ? null : LocalDate.parse(due));
    }

    private static TaskAnalytics.Fact open(UUID who, String created, String due) {
        return new TaskAnalytics.Fact(TaskStatus.OPEN, who, at(created), null, due == null ? null
                : LocalDate.parse(due));
    }

    @Test
    void countsWeeksCycleTimesAndLateness() {
        List<TaskAnalytics.Fact> facts = List.of(
                done(ADA, "2026-11-30T09:00", "2026-11-30T19:00", "2026-12-01"), // 10 h, on time
                done(ADA, "2026-11-30T09:00", "2026-12-01T09:00", "2026-11-30"), // 24 h, a day late
                done(BEN, "2026-12-07T08:00", "2026-12-07T10:00", null),         // 2 h
                done(BEN, "2026-12-07T08:00", "2026-12-09T08:00", null),         // 48 h
                open(BEN, "2026-12-08T12:00", "2026-12-08"),                     // overdue
                open(null, "2026-12-09T12:00", "2026-12-20"),                    // due later
                new TaskAnalytics.Fact(TaskStatus.CANCELLED, ADA, at("2026-12-01T12:00"), at("2026-12-02T12:00"),
                        null),
                // done before the weeks shown: neither in the cycle times nor the weeks
                done(ADA, "2026-11-01T09:00", "2026-11-02T09:00", "2026-11-01"));
        TaskAnalytics.Report r = TaskAnalytics.of(facts, 2, TODAY, ZONE);

        assertThat(r.weeks()).containsExactly(
                new TaskAnalytics.Week(LocalDate.parse("2026-11-30"), 3, 2),
                new TaskAnalytics.Week(LocalDate.parse("2026-12-07"), 4, 2));
        assertThat(r.done()).isEqualTo(4);
        assertThat(r.open()).isEqualTo(2);
        // cycles 2, 10, 24, 48 hours: median between 10 and 24, p90 at rank 2.7 between 24 and 48
        assertThat(r.medianCycle()).isEqualTo(Duration.ofHours(17));
        assertThat(r.p90Cycle()).isEqualTo(Duration.ofMinutes(Math.round(24 * 60 + 0.7 * 24 * 60)));
        // with a due date: two done in range (one late) and two open (one overdue)
        assertThat(r.overdueRate()).isEqualTo(0.5);
        assertThat(r.overdue()).isEqualTo(1);
        assertThat(r.assignees()).containsExactly(
                new TaskAnalytics.PerAssignee(BEN, 1, 2, 1, Duration.ofHours(25)),
                new TaskAnalytics.PerAssignee(null, 1, 0, 0, null),
                new TaskAnalytics.PerAssignee(ADA, 0, 2, 0, Duration.ofHours(17)));
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        List<Duration> d = List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3));
        assertThat(TaskAnalytics.percentile(d, 0.5)).isEqualTo(Duration.ofHours(2));
        assertThat(TaskAnalytics.percentile(d, 0.9)).isEqualTo(Duration.ofMinutes(168));
        assertThat(TaskAnalytics.percentile(List.of(Duration.ofHours(5)), 0.9)).isEqualTo(Duration.ofHours(5));
        assertThat(TaskAnalytics.percentile(List.of(), 0.5)).isNull();
    }

    @Test
    void anEmptyCompanyHasEmptyWeeks() {
        TaskAnalytics.Report r = TaskAnalytics.of(List.of(), 3, TODAY, ZONE);
        assertThat(r.weeks()).extracting(TaskAnalytics.Week::created).containsExactly(0, 0, 0);
        assertThat(r.medianCycle()).isNull();
        assertThat(r.overdueRate()).isZero();
        assertThat(r.assignees()).isEmpty();
    }
}

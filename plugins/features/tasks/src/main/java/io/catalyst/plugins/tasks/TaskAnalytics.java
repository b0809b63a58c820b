package io.catalyst.plugins.tasks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The numbers of the analytics screen and REST answer, from plain facts about tasks.
 *
 * <ul>
 * <li>Weeks run Monday to Sunday in the tenant's time zone; a task counts as created (completed) in the week of its
 * creation (of being done).</li>
 * <li>Cycle time is from creation to done, for tasks done within the weeks shown; median and p90 interpolate
 * linearly between ranks.</li>
 * <li>The overdue rate is the share of tasks with a due date, open now or done within the weeks, that are open past
 * their due date or were done after it.</li>
 * </ul>
 */
final class TaskAnalytics {

    /** What the analytics need of one task. */
    record Fact(TaskStatus status, UUID assignee, Instant createdAt, Instant closedAt, LocalDate due) {
    }

    record Week(LocalDate monday, int created, int completed) {
    }

    /** Per member (null: unassigned): open now, done within the weeks, overdue now, median cycle time. */
    record PerAssignee(UUID assignee, int open, int done, int overdue, Duration medianCycle) {
    }

    record Report(List<Week> weeks, int open, int done, Duration medianCycle, Duration p90Cycle, double overdueRate,
                  int overdue, List<PerAssignee> assignees) {
    }

    private TaskAnalytics() {
    }

    static Report of(List<Fact> facts, int weekCount, LocalDate today, ZoneId zone) {
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(weekCount - 1L);
        Map<LocalDate, int[]> weeks = new LinkedHashMap<>();
        for (int i = 0; i < weekCount; i++) {
            weeks.put(firstMonday.plusWeeks(i), new int[2]);
        }
        List<Duration> cycles = new ArrayList<>();
        Map<UUID, List<Duration>> cyclesBy = new LinkedHashMap<>();
        Map<UUID, int[]> counts = new LinkedHashMap<>(); // open, done, overdue
        int withDue = 0;
        int late = 0;
        int open = 0;
        int overdueNow = 0;
        for (Fact f : facts) {
            int[] c = counts.computeIfAbsent(f.assignee(), k -> new int[3]);
            int[] created = weeks.get(monday(f.createdAt(), zone));
            if (created != null) {
                created[0]++;
            }
            boolean doneInRange = f.status() == TaskStatus.DONE && f.closedAt() != null
                    && !monday(f.closedAt(), zone).isBefore(firstMonday);
            if (doneInRange) {
                int[] week = weeks.get(monday(f.closedAt(), zone));
                if (week != null) {
                    week[1]++;
                }
                Duration cycle = Duration.between(f.createdAt(), f.closedAt());
                cycles.add(cycle);
                cyclesBy.computeIfAbsent(f.assignee(), k -> new ArrayList<>()).add(cycle);
                c[1]++;
            }
            boolean isOpen = !f.status().closed();
            if (isOpen) {
                open++;
                c[0]++;
            }
            if (f.due() != null && (isOpen || doneInRange)) {
                withDue++;
                boolean overdue = isOpen ? f.due().isBefore(today)
                        : f.closedAt().atZone(zone).toLocalDate().isAfter(f.due());
                if (overdue) {
                    late++;
                }
                if (overdue && isOpen) {
                    overdueNow++;
                    c[2]++;
                }
            }
        }
        List<PerAssignee> per = new ArrayList<>();
        counts.forEach((who, c) -> {
            if (c[0] + c[1] > 0) {
                per.add(new PerAssignee(who, c[0], c[1], c[2], percentile(cyclesBy.getOrDefault(who, List.of()),
                        0.5)));
            }
        });
        per.sort((a, b) -> a.open() != b.open() ? b.open() - a.open() : b.done() - a.done());
        List<Week> weekList = new ArrayList<>();
        weeks.forEach((monday, c) -> weekList.add(new Week(monday, c[0], c[1])));
        return new Report(weekList, open, cycles.size(), percentile(cycles, 0.5), percentile(cycles, 0.9),
                withDue == 0 ? 0 : (double) late / withDue, overdueNow, per);
    }

    /** The p-th percentile with linear interpolation between ranks (as spreadsheets' PERCENTILE); null when empty. */
    static Duration percentile(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        double rank = p * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        long a = sorted.get(low).getSeconds();
        long b = sorted.get(high).getSeconds();
        return Duration.ofSeconds(Math.round(a + (b - a) * (rank - low)));
    }

    private static LocalDate monday(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

package io.catalyst.plugins.tasks;

import io.catalyst.api.tasks.TaskRequest.Priority;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tenant's SLA: business hours and holidays, and per priority a target for the first response and one for done,
 * both in business hours. Read from the plugin's settings ({@link TasksSettings}).
 */
final class SlaPolicy {

    static final String DEFAULT_HOURS = "Mon-Fri 09:00-17:30";
    static final String DEFAULT_RESPONSE = "URGENT=1, HIGH=4, NORMAL=8, LOW=16";
    static final String DEFAULT_DONE = "URGENT=8, HIGH=16, NORMAL=40, LOW=80";

    /** Which clock runs: until the first response, then until done. */
    enum Clock { RESPONSE, DONE }

    /**
     * Where a task stands against its SLA.
     *
     * @param clock    the clock that applies
     * @param deadline when its target is reached
     * @param margin   business time left (positive) or by which it is breached (negative); for a done task, by
     *                 how much it was met or missed
     * @param finished whether the task is done (the clock stopped)
     */
    record State(Clock clock, Instant deadline, Duration margin, boolean finished) {
        boolean breached() {
            return margin.isNegative();
        }

        /** "SLA: 3h 10m left", "SLA: response breached by 1h", "SLA: met", "SLA: missed by 2h". */
        String text() {
            String what = clock == Clock.RESPONSE ? "first response " : "";
            if (finished) {
                return breached() ? "SLA: missed by " + format(margin.negated()) : "SLA: met";
            }
            return breached() ? "SLA: " + what + "breached by " + format(margin.negated())
                    : "SLA: " + what + format(margin) + " left";
        }
    }

    private final BusinessClock clock;
    private final Map<Priority, Duration> response;
    private final Map<Priority, Duration> done;

    SlaPolicy(BusinessClock clock, Map<Priority, Duration> response, Map<Priority, Duration> done) {
        this.clock = clock;
        this.response = Map.copyOf(response);
        this.done = Map.copyOf(done);
    }

    /** The policy of a tenant's settings, defaults where a setting is empty. */
    static SlaPolicy of(Map<String, String> settings, ZoneId zone) {
        return new SlaPolicy(new BusinessClock(BusinessClock.parseHours(setting(settings, TasksSettings.HOURS,
                DEFAULT_HOURS)), BusinessClock.parseHolidays(settings.get(TasksSettings.HOLIDAYS)), zone),
                parseTargets(setting(settings, TasksSettings.RESPONSE, DEFAULT_RESPONSE)),
                parseTargets(setting(settings, TasksSettings.DONE, DEFAULT_DONE)));
    }

    private static String setting(Map<String, String> settings, String key, String otherwise) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? otherwise : value;
    }

    BusinessClock clock() {
        return clock;
    }

    Duration responseTarget(Priority p) {
        return response.get(p);
    }

    Duration doneTarget(Priority p) {
        return done.get(p);
    }

    /**
     * Where a task stands at {@code now}; null for a cancelled task, which has no SLA.
     *
     * @param firstResponse the first comment or status change by someone other than the creator, or null
     * @param closedAt      when it was done, for a done task
     */
    State state(TaskStatus status, Priority priority, Instant created, Instant firstResponse, Instant closedAt,
                Instant now) {
        if (status == TaskStatus.CANCELLED) {
            return null;
        }
        if (status == TaskStatus.DONE) {
            Instant deadline = clock.plus(created, done.get(priority));
            Instant end = closedAt == null ? now : closedAt;
            return new State(Clock.DONE, deadline, margin(end, deadline), true);
        }
        Clock which = firstResponse == null ? Clock.RESPONSE : Clock.DONE;
        Instant deadline = clock.plus(created, (which == Clock.RESPONSE ? response : done).get(priority));
        return new State(which, deadline, margin(now, deadline), false);
    }

    private Duration margin(Instant at, Instant deadline) {
        return at.isAfter(deadline) ? clock.between(deadline, at).negated() : clock.between(at, deadline);
    }

    /** "3h 10m", "45m", "2h", "0m": business time, in hours and minutes. */
    static String format(Duration d) {
        long minutes = d.toMinutes();
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + "m";
        }
        return m == 0 ? h + "h" : h + "h " + m + "m";
    }

    /**
     * Reads targets like {@code URGENT=1, HIGH=4, NORMAL=8, LOW=16} (business hours, decimals allowed); every
     * priority needs one.
     */
    static Map<Priority, Duration> parseTargets(String text) {
        Map<Priority, Duration> targets = new EnumMap<>(Priority.class);
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not like HIGH=4");
            }
            Priority p;
            try {
                p = Priority.valueOf(kv[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + kv[0].strip() + "' is not a priority (LOW, NORMAL, HIGH, URGENT)");
            }
            BigDecimal hours;
            try {
                hours = new BigDecimal(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[1].strip() + "' is not a number of hours");
            }
            if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                throw new IllegalArgumentException(p + " needs a target from more than 0 to 10000 hours");
            }
            targets.put(p, Duration.ofSeconds(hours.multiply(BigDecimal.valueOf(3600)).longValue()));
        }
        for (Priority p : Priority.values()) {
            if (!targets.containsKey(p)) {
                throw new IllegalArgumentException("no target for " + p);
            }
        }
        return targets;
    }
}

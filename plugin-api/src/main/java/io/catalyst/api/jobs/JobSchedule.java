package io.catalyst.api.jobs;

import java.time.Duration;

/**
 * When a {@link PluginJob} runs: either a fixed interval or a cron expression, never both.
 *
 * @param every the interval between runs, at least one minute; or null
 * @param cron  a five-field Unix cron expression (minute hour day-of-month month day-of-week), evaluated in the
 *              tenant's time zone; or null
 */
public record JobSchedule(Duration every, String cron) {

    /** Requires exactly one of the two and an interval of at least a minute. */
    public JobSchedule {
        if ((every == null) == (cron == null)) {
            throw new IllegalArgumentException("give either an interval or a cron expression");
        }
        if (every != null && every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least one minute, was " + every);
        }
        if (cron != null && cron.trim().split("\\s+").length != 5) {
            throw new IllegalArgumentException("cron needs five fields: " + cron);
        }
    }

    /** A fixed interval. */
    public static JobSchedule every(Duration interval) {
        return new JobSchedule(interval, null);
    }

    /** A cron expression. */
    public static JobSchedule cron(String expression) {
        return new JobSchedule(null, expression);
    }
}

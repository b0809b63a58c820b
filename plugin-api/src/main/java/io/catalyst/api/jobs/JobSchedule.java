package io.catalyst.api.jobs;

import java.time.Duration;

/**
 * When a {@link PluginJob} runs: either a fixed interval or a cron expression, never both.
 *
 * <p>The host looks for due runs every 20 seconds, so a run starts up to that much after its time. A cron run missed
 * by more than two minutes (the servers were down) is skipped, as cron does; an interval job runs its latest missed
 * time once.
 *
 * @param every the interval between runs, at least one minute; or null. Runs fall on multiples of it counted from
 *              the epoch (UTC), not from when the plugin started: {@code every(Duration.ofHours(1))} runs on the hour
 * @param cron  a five-field Unix cron expression (minute hour day-of-month month day-of-week), evaluated in each
 *              tenant's time zone ({@link io.catalyst.api.TenantInfo#timezone()}); or null
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

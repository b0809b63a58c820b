package io.catalyst.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.jobs.JobSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a plugin job is due: intervals on fixed boundaries, cron in the tenant's time zone. */
class PluginJobsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void anIntervalIsDueAtItsLastBoundarySinceTheEpochWhateverTheZone() {
        JobSchedule hourly = JobSchedule.every(Duration.ofHours(1));
        Instant now = Instant.parse("2026-12-07T10:42:05Z");

        assertThat(PluginJobs.dueAt(hourly, BERLIN, now)).contains(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(PluginJobs.dueAt(hourly, UTC, now)).contains(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(PluginJobs.dueAt(hourly, UTC, Instant.parse("2026-12-07T10:59:59Z")))
                .as("the same slot until the next boundary, so a restart inside it finds the run claimed")
                .contains(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void cronFollowsTheTenantsTimeZone() {
        JobSchedule nineInTheMorning = JobSchedule.cron("0 9 * * *");
        Instant nineInBerlin = Instant.parse("2026-12-07T08:00:00Z"); // CET is UTC+1 in December

        assertThat(PluginJobs.dueAt(nineInTheMorning, BERLIN, nineInBerlin.plusSeconds(30))).contains(nineInBerlin);
        assertThat(PluginJobs.dueAt(nineInTheMorning, UTC, nineInBerlin.plusSeconds(30)))
                .as("09:00 UTC is an hour later").isEmpty();
        assertThat(PluginJobs.dueAt(nineInTheMorning, UTC, Instant.parse("2026-12-07T09:00:10Z")))
                .contains(Instant.parse("2026-12-07T09:00:00Z"));
    }

    @Test
    void cronIsNotDueBeforeItsTimeNorLongAfterIt() {
        JobSchedule nineInTheMorning = JobSchedule.cron("0 9 * * *");

        assertThat(PluginJobs.dueAt(nineInTheMorning, BERLIN, Instant.parse("2026-12-07T07:59:59Z"))).isEmpty();
        assertThat(PluginJobs.dueAt(nineInTheMorning, BERLIN, Instant.parse("2026-12-07T08:05:00Z")))
                .as("a run missed while the server was down is skipped, as cron does").isEmpty();
    }

    @Test
    void aCronThatFiresEveryMinuteIsDueAtTheLatestMinute() {
        JobSchedule everyMinute = JobSchedule.cron("* * * * *");

        assertThat(PluginJobs.dueAt(everyMinute, BERLIN, Instant.parse("2026-12-07T08:03:20Z")))
                .contains(Instant.parse("2026-12-07T08:03:00Z"));
    }

    @Test
    void aJobsOwnTimeLimitIsKeptUpToFifteenMinutes() {
        assertThat(PluginJobs.timeLimit(null)).as("the host's job limit").isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(PluginJobs.timeLimit(java.time.Duration.ZERO)).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(PluginJobs.timeLimit(java.time.Duration.ofSeconds(-5))).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(PluginJobs.timeLimit(java.time.Duration.ofSeconds(10))).as("a job may ask for less")
                .isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(PluginJobs.timeLimit(java.time.Duration.ofMinutes(2))).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(PluginJobs.timeLimit(java.time.Duration.ofHours(3))).isEqualTo(java.time.Duration.ofMinutes(15));
    }
}

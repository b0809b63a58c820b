package io.catalyst.plugins.calls;

import io.catalyst.api.PluginContext;
import io.catalyst.api.events.PlatformEvent;
import io.catalyst.api.events.PlatformEventListener;
import io.catalyst.api.jobs.JobSchedule;
import io.catalyst.api.jobs.PluginJob;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** The plugin's permissions, its listener for new warehouse calls, and its jobs. */
public final class CallsExtensions {

    private CallsExtensions() {
    }

    /** Everyone who works on sales reads calls; analysts import them, manage trackers and score calls. */
    @Extension
    public static class Permissions implements PluginPermissions {
        @Override
        public List<PermissionDeclaration> permissions() {
            return List.of(
                    PermissionDeclaration.grantedTo(Calls.READ, "See sales calls, their transcripts, scorecards"
                            + " and the team's figures", "analyst", "viewer"),
                    PermissionDeclaration.grantedTo(Calls.MANAGE, "Import and delete calls, manage trackers and"
                            + " score calls", "analyst"));
        }
    }

    /** A sync loaded calls or CRM records: read them in soon (the delay gathers several connections' loads). */
    @Extension
    public static class DataLoaded implements PlatformEventListener {
        @Override
        public Set<String> topics() {
            return Set.of("warehouse.data.loaded");
        }

        @Override
        public void on(PlatformEvent event, PluginContext ctx) {
            Object calls = event.payload().get("calls");
            Object contacts = event.payload().get("contacts");
            Object deals = event.payload().get("deals");
            if (positive(calls) || positive(contacts) || positive(deals)) {
                ctx.scheduler().runLater(Calls.INGEST_JOB, Duration.ofSeconds(10));
            }
        }

        private static boolean positive(Object n) {
            return n instanceof Number number && number.longValue() > 0;
        }
    }

    /** Reads new calls in; hourly as well, for loads whose event was missed (a restart). */
    @Extension
    public static class Ingest implements PluginJob {
        @Override
        public String name() {
            return Calls.INGEST_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.cron("17 * * * *");
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(5); // a first read analyses every call of the connection's history
        }

        @Override
        public void run(PluginContext ctx) {
            Calls.ingest(ctx);
        }
    }

    /** Runs the queued runs of the call test suite (their prompts wait on the model). */
    @Extension
    public static class TestRun implements PluginJob {
        @Override
        public String name() {
            return CallTests.RUN_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofMinutes(15)); // picks up a run whose start was missed (a restart)
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(10);
        }

        @Override
        public void run(PluginContext ctx) {
            CallTests.runQueued(ctx);
        }
    }

    /**
     * Analyses the calls again after the trackers changed, keeping people's answers; weekly too, so a run cut short
     * (a restart) is made good.
     */
    @Extension
    public static class Reanalyse implements PluginJob {
        @Override
        public String name() {
            return Calls.REANALYSE_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofDays(7));
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(5);
        }

        @Override
        public void run(PluginContext ctx) {
            Calls.reanalyse(ctx);
        }
    }
}

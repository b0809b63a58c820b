package io.catalyst.plugins.alerts;

import io.catalyst.api.PluginContext;
import io.catalyst.api.events.PlatformEvent;
import io.catalyst.api.events.PlatformEventListener;
import io.catalyst.api.jobs.JobSchedule;
import io.catalyst.api.jobs.PluginJob;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import io.catalyst.api.settings.FieldError;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.api.settings.SettingsSchema;
import io.catalyst.api.tasks.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/** The alerts plugin's permissions, settings, jobs and listeners. */
public final class AlertsExtensions {

    static final String READ = "alerts:read";
    static final String WRITE = "alerts:write";

    private AlertsExtensions() {
    }

    /** Analysts and viewers see alerts; analysts change rules and handle alerts. */
    @Extension
    public static class Permissions implements PluginPermissions {
        @Override
        public List<PermissionDeclaration> permissions() {
            return List.of(PermissionDeclaration.grantedTo(READ, "See alerts, alert rules and their history",
                            "analyst", "viewer"),
                    PermissionDeclaration.grantedTo(WRITE, "Change alert rules; snooze and acknowledge alerts; make"
                            + " tasks from them", "analyst"));
        }
    }

    /** The monthly budget the pacing starter rule needs. */
    @Extension
    public static class Settings implements SettingsSchema {
        @Override
        public List<SettingField> fields() {
            return List.of(new SettingField(Alerts.BUDGET_SETTING, "Monthly ad budget", SettingType.DECIMAL, false,
                    null, List.of(), "In the reporting currency; gives the starter rules a pacing rule"));
        }

        @Override
        public List<FieldError> validate(Map<String, String> values) {
            String budget = values.get(Alerts.BUDGET_SETTING);
            return budget != null && !budget.isBlank() && StarterRules.budget(budget) == null
                    ? List.of(new FieldError(Alerts.BUDGET_SETTING, "a positive amount, e.g. 25000")) : List.of();
        }
    }

    /** Evaluates every rule every 15 minutes, so nothing is lost when a node restarts before a requested run. */
    @Extension
    public static class Evaluate implements PluginJob {
        @Override
        public String name() {
            return Alerts.EVALUATE_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofMinutes(15));
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(2); // a first run back-tests the starter rules over 45 days
        }

        @Override
        public void run(PluginContext ctx) {
            Alerts.evaluate(ctx, Instant.now());
        }
    }

    /** Drops evaluations older than 90 days, nightly. */
    @Extension
    public static class Prune implements PluginJob {
        @Override
        public String name() {
            return "prune-history";
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.cron("17 3 * * *");
        }

        @Override
        public void run(PluginContext ctx) {
            AlertStore.prune(ctx);
        }
    }

    /** New figures: evaluate soon (a short delay gathers the loads of several connections into one run). */
    @Extension
    public static class DataLoaded implements PlatformEventListener {
        @Override
        public Set<String> topics() {
            return Set.of("warehouse.data.loaded");
        }

        @Override
        public void on(PlatformEvent event, PluginContext ctx) {
            ctx.scheduler().runLater(Alerts.EVALUATE_JOB, Duration.ofSeconds(30));
        }
    }

    /** A task made from an alert was done or cancelled: show it on the alert. */
    @Extension
    public static class TaskClosed implements PlatformEventListener {
        @Override
        public Set<String> topics() {
            return Set.of(TaskRequest.CLOSED_TOPIC);
        }

        @Override
        public void on(PlatformEvent event, PluginContext ctx) {
            if (!ctx.pluginId().equals(event.payload().get(TaskRequest.SOURCE))) {
                return;
            }
            String[] key = Alerts.parseDedupeKey(String.valueOf(event.payload().get("dedupeKey")));
            Object status = event.payload().get("status");
            if (key != null && status != null) {
                AlertStore.taskStatus(ctx, UUID.fromString(key[0]), key[1], status.toString().toUpperCase(
                        java.util.Locale.ROOT));
            }
        }
    }
}

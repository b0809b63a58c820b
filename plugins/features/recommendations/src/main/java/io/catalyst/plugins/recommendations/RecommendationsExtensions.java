package io.catalyst.plugins.recommendations;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/** The plugin's permission, settings and jobs. Reading needs the host's dashboards:read (figures). */
public final class RecommendationsExtensions {

    private RecommendationsExtensions() {
    }

    /** Analysts accept, dismiss and snooze; everyone who reads figures sees the recommendations. */
    @Extension
    public static class Permissions implements PluginPermissions {
        @Override
        public List<PermissionDeclaration> permissions() {
            return List.of(PermissionDeclaration.grantedTo(Recommendations.ACT, "Accept, dismiss and snooze"
                    + " recommendations; make tasks from them", "analyst"));
        }
    }

    /** Fallbacks for goals the company has not set, and the zero-conversion threshold. */
    @Extension
    public static class Settings implements SettingsSchema {
        @Override
        public List<SettingField> fields() {
            return List.of(
                    new SettingField(Recommendations.TARGET_CPA, "Target CPA", SettingType.DECIMAL, false, null,
                            List.of(), "Used when the company's goals set no target CPA"),
                    new SettingField(Recommendations.MONTHLY_BUDGET, "Monthly ad budget", SettingType.DECIMAL, false,
                            null, List.of(), "Used when the company's goals set no monthly budget"),
                    new SettingField(Recommendations.ZERO_CONVERSION_SPEND, "Spend without a conversion",
                            SettingType.DECIMAL, false, null, List.of(), "Spend in 14 days without a conversion"
                            + " that raises a recommendation; default twice the target CPA"));
        }

        @Override
        public List<FieldError> validate(Map<String, String> values) {
            List<FieldError> errors = new ArrayList<>();
            for (String key : List.of(Recommendations.TARGET_CPA, Recommendations.MONTHLY_BUDGET,
                    Recommendations.ZERO_CONVERSION_SPEND)) {
                String v = values.get(key);
                if (v != null && !v.isBlank() && Recommendations.decimal(v) == null) {
                    errors.add(new FieldError(key, "a positive amount, e.g. 40"));
                }
            }
            return errors;
        }
    }

    /** Evaluates the rules once a day, early, in the company's time zone, after the night's syncs. */
    @Extension
    public static class Evaluate implements PluginJob {
        @Override
        public String name() {
            return Recommendations.EVALUATE_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.cron("30 6 * * *");
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(3); // up to 20 model calls for new recommendations
        }

        @Override
        public void run(PluginContext ctx) {
            Recommendations.evaluate(ctx, Instant.now());
        }
    }

    /**
     * New figures (a sync, the first backfill): evaluate soon, so a new company sees recommendations the day it
     * connects; the delay gathers the loads of several connections into one run.
     */
    @Extension
    public static class DataLoaded implements PlatformEventListener {
        @Override
        public Set<String> topics() {
            return Set.of("warehouse.data.loaded");
        }

        @Override
        public void on(PlatformEvent event, PluginContext ctx) {
            ctx.scheduler().runLater(Recommendations.EVALUATE_JOB, Duration.ofSeconds(30));
        }
    }

    /** Measures accepted recommendations' outcomes once their 14 days after acceptance have passed. */
    @Extension
    public static class MeasureOutcomes implements PluginJob {
        @Override
        public String name() {
            return Recommendations.MEASURE_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.cron("50 6 * * *");
        }

        @Override
        public void run(PluginContext ctx) {
            Recommendations.measureOutcomes(ctx);
        }
    }
}

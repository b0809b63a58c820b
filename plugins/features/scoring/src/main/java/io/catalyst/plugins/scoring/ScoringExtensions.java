package io.catalyst.plugins.scoring;

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

/** What the plugin adds to the host: permissions, settings, its jobs and the listener that starts scoring. */
public final class ScoringExtensions {

    static final String READ = "scoring:read";
    static final String WRITE = "scoring:write";
    static final String INTAKE = "scoring:intake";

    private ScoringExtensions() {
    }

    /** Analysts and viewers see scores; analysts change the points model and the models; a form's token posts. */
    @Extension
    public static class Permissions implements PluginPermissions {
        @Override
        public List<PermissionDeclaration> permissions() {
            return List.of(PermissionDeclaration.grantedTo(READ, "See leads, their scores and why, and the models",
                            "analyst", "viewer"),
                    PermissionDeclaration.grantedTo(WRITE, "Change the points model; train, promote and roll back"
                            + " scoring models", "analyst"),
                    new PermissionDeclaration(INTAKE, "Post leads from web forms (give it to a form's API token)"));
        }
    }

    /** The data threshold of a trained model (Einstein's by default), the horizon, and fields left out of it. */
    @Extension
    public static class Settings implements SettingsSchema {
        @Override
        public List<SettingField> fields() {
            return List.of(
                    new SettingField(ScoringSettings.MIN_LEADS, "Leads a model needs", SettingType.INTEGER, false,
                            "1000", List.of(), "Leads created in the training window before a model is trained"),
                    new SettingField(ScoringSettings.MIN_CONVERSIONS, "Conversions a model needs",
                            SettingType.INTEGER, false, "120", List.of(), "Of those leads, how many converted"),
                    new SettingField(ScoringSettings.WINDOW_DAYS, "Training window (days)", SettingType.INTEGER,
                            false, "200", List.of(), "How far back the leads a model learns from were created"),
                    new SettingField(ScoringSettings.HORIZON_DAYS, "Horizon (days)", SettingType.INTEGER, false, "90",
                            List.of(), "A score is the chance of converting within this many days of coming in"),
                    new SettingField(ScoringSettings.EXCLUDED, "Fields left out", SettingType.STRING, false, "",
                            List.of(), "Comma-separated: channel, seniority, size, industry, country, form,"
                            + " pageViews, emailOpens, personalEmail"),
                    new SettingField(ScoringSettings.SEGMENT_BY, "Segments", SettingType.CHOICE, false, "none",
                            List.of("none", "channel", "seniority", "industry", "country", "form"), "Each value"
                            + " of this field gets a model of its own once it has the history a model needs (the"
                            + " same thresholds); the others keep the company-wide one"),
                    new SettingField(ScoringSettings.SEGMENT_EXCLUDED, "Fields left out per segment",
                            SettingType.STRING, false, "", List.of(), "E.g. \"Google Ads: industry, size; Web form:"
                            + " emailOpens\": more fields a segment's model does not read"),
                    new SettingField(ScoringSettings.POINTS_MODEL, "Points model (JSON)", SettingType.STRING,
                            false, "", List.of(), "Leave empty to edit it on the Scoring models screen. Set, e.g."
                            + " from the company's manifest, it is the points model: as GET /rules answers it, up to"
                            + " 2,000 characters"),
                    new SettingField(ScoringSettings.WRITE_BACK, "Write scores to the CRM", SettingType.BOOLEAN,
                            false, "true", List.of(), "Sets each lead's score, band and top reason on the CRM"
                            + " contact it came from, where the connection accepts it (HubSpot)"),
                    new SettingField(ScoringSettings.HOT_LEAD_TASKS, "Task for each new hot lead",
                            SettingType.BOOLEAN, false, "true", List.of(), "Asks for a task (and tells the team) when"
                            + " a lead of the last 14 days turns hot"));
        }

        @Override
        public List<FieldError> validate(Map<String, String> values) {
            List<FieldError> errors = new ArrayList<>();
            try {
                ScoringSettings.of(values);
            } catch (ScoringSettings.BadSetting e) {
                errors.add(new FieldError(e.key(), e.getMessage()));
            }
            return errors;
        }
    }

    /** Reads new CRM records and scores what came in; asked for by the listener, and part of every re-scoring. */
    @Extension
    public static class IngestJob implements PluginJob {
        @Override
        public String name() {
            return Scoring.INGEST_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofHours(1));
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(5); // a first sync brings a CRM's whole history
        }

        @Override
        public void run(PluginContext ctx) {
            if (!locked(ctx, "ingest", () -> Ingest.run(ctx))) {
                // the run under way may have read its last page before these records: look again soon
                ctx.scheduler().runLater(Scoring.INGEST_JOB, Duration.ofSeconds(30));
            }
        }
    }

    /** Scores every lead again at least every 6 hours: points fade, and a new model may have come. */
    @Extension
    public static class RescoreJob implements PluginJob {
        @Override
        public String name() {
            return Scoring.RESCORE_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofHours(6));
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(10);
        }

        @Override
        public void run(PluginContext ctx) {
            locked(ctx, "ingest", () -> Ingest.run(ctx));
            locked(ctx, "rescore", () -> {
                Scoring.rescoreAll(ctx, Instant.now());
                InputDrift.watch(ctx, Instant.now());
            });
        }
    }

    /** Trains a challenger every 10 days (Einstein's refresh), and when someone asks for it. */
    @Extension
    public static class TrainJob implements PluginJob {
        @Override
        public String name() {
            return Scoring.TRAIN_JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofDays(10));
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(10); // reading the window's leads, fitting, then scoring every lead again
        }

        @Override
        public void run(PluginContext ctx) {
            locked(ctx, "train", () -> Models.train(ctx, Instant.now()));
        }
    }

    /** Writes changed scores to the CRM every 15 minutes, and after each scoring run that changed any. */
    @Extension
    public static class CrmSyncJob implements PluginJob {
        @Override
        public String name() {
            return CrmSync.JOB;
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofMinutes(15));
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMinutes(5); // ten calls of 1,000 contacts, within the provider's rate limits
        }

        @Override
        public void run(PluginContext ctx) {
            locked(ctx, "crm-sync", () -> CrmSync.run(ctx));
        }
    }

    /** Runs work under the company's lock of that name; false (and nothing done) when another run holds it. */
    static boolean locked(PluginContext ctx, String name, Runnable work) {
        if (!State.lock(ctx, name, 15)) {
            return false;
        }
        try {
            work.run();
        } finally {
            State.unlock(ctx, name);
        }
        return true;
    }

    /** A sync stored CRM records: read and score them soon (records settle for a few seconds first). */
    @Extension
    public static class DataLoaded implements PlatformEventListener {
        @Override
        public Set<String> topics() {
            return Set.of("warehouse.data.loaded");
        }

        @Override
        public void on(PlatformEvent event, PluginContext ctx) {
            Object contacts = event.payload().get("contacts");
            Object deals = event.payload().get("deals");
            if (positive(contacts) || positive(deals)) {
                ctx.scheduler().runLater(Scoring.INGEST_JOB, Duration.ofSeconds(10));
            }
        }

        private static boolean positive(Object count) {
            return count instanceof Number n && n.longValue() > 0;
        }
    }
}

package io.catalyst.plugins.notes;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.events.PlatformEvent;
import io.catalyst.api.events.PlatformEventListener;
import io.catalyst.api.health.HealthCheck;
import io.catalyst.api.health.HealthResult;
import io.catalyst.api.jobs.JobSchedule;
import io.catalyst.api.jobs.PluginJob;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestEndpoint;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import io.catalyst.api.settings.FieldError;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.api.settings.SettingsSchema;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** The notes plugin's extensions other than its screen: permissions, settings, REST, a listener, a job, health. */
public final class NotesExtensions {

    static final String READ = "notes:read";
    static final String WRITE = "notes:write";

    private NotesExtensions() {
    }

    /** What the plugin lets roles do. */
    @Extension
    public static class Permissions implements PluginPermissions {
        @Override
        public List<PermissionDeclaration> permissions() {
            return List.of(new PermissionDeclaration(READ, "Read the company's notes"),
                    new PermissionDeclaration(WRITE, "Write notes"));
        }
    }

    /** Per-company settings: the board's title, and how long notes are kept. */
    @Extension
    public static class Settings implements SettingsSchema {
        @Override
        public List<SettingField> fields() {
            return List.of(
                    new SettingField("title", "Board title", SettingType.STRING, false, "Account notes", List.of(),
                            "Shown above the notes"),
                    new SettingField("retention-days", "Keep notes for (days)", SettingType.INTEGER, false, null,
                            List.of(), "Empty keeps them forever"),
                    new SettingField("note-new-members", "Note when members join", SettingType.CHOICE, false, "yes",
                            List.of("yes", "no"), "Adds a note when someone gets a role"));
        }

        @Override
        public List<FieldError> validate(Map<String, String> values) {
            String days = values.get("retention-days");
            return days != null && (!days.matches("[0-9]{1,5}") || Long.parseLong(days) < 1)
                    ? List.of(new FieldError("retention-days", "a whole number of days, at least one")) : List.of();
        }
    }

    /** {@code GET /api/plugins/notes/notes}: the newest notes. */
    @Extension
    public static class ListNotes implements RestEndpoint {
        @Override
        public HttpMethod method() {
            return HttpMethod.GET;
        }

        @Override
        public String path() {
            return "/notes";
        }

        @Override
        public String requiredPermission() {
            return READ;
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            String given = request.query("limit").orElse("50");
            int limit = given.matches("[0-9]{1,3}") ? Integer.parseInt(given) : -1;
            if (limit < 1 || limit > 500) { // bad input is the caller's error (400), never the plugin's failure
                throw PluginProblem.badRequest("limit is a whole number from 1 to 500");
            }
            return PluginResponse.json(Notes.newestFirst(ctx, limit).stream().map(Notes.Note::json)
                    .collect(Collectors.joining(",", "[", "]")));
        }
    }

    /** {@code GET /api/plugins/notes/notes/{id}}: one note. */
    @Extension
    public static class GetNote implements RestEndpoint {
        @Override
        public HttpMethod method() {
            return HttpMethod.GET;
        }

        @Override
        public String path() {
            return "/notes/{id}";
        }

        @Override
        public String requiredPermission() {
            return READ;
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID id;
            try {
                id = UUID.fromString(request.pathParams().get("id"));
            } catch (IllegalArgumentException e) {
                throw PluginProblem.notFound("There is no such note.");
            }
            return Notes.find(ctx, id).map(n -> PluginResponse.json(n.json()))
                    .orElseThrow(() -> PluginProblem.notFound("There is no such note."));
        }
    }

    /** {@code POST /api/plugins/notes/notes} with {@code {"text": "..."}}: adds a note. */
    @Extension
    public static class AddNote implements RestEndpoint {
        @Override
        public HttpMethod method() {
            return HttpMethod.POST;
        }

        @Override
        public String path() {
            return "/notes";
        }

        @Override
        public String requiredPermission() {
            return WRITE;
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            String text;
            try {
                JsonObject body = Json.createReader(new StringReader(request.body() == null ? "" : request.body()))
                        .readObject();
                text = body.getString("text", "").trim();
            } catch (JsonException | ClassCastException e) {
                throw PluginProblem.badRequest("Send JSON like {\"text\": \"...\"}.");
            }
            if (text.isEmpty() || text.length() > Notes.MAX_LENGTH) {
                throw PluginProblem.badRequest("text is 1 to " + Notes.MAX_LENGTH + " characters");
            }
            String author = ctx.user().map(u -> u.name()).orElse("API");
            return PluginResponse.json(201, Notes.add(ctx, text, author).json());
        }
    }

    /** Notes who got a role, if the company wants that. */
    @Extension
    public static class MembershipNotes implements PlatformEventListener {
        @Override
        public Set<String> topics() {
            return Set.of("identity.membership.granted");
        }

        @Override
        public void on(PlatformEvent event, PluginContext ctx) {
            if ("yes".equals(ctx.settings().getOrDefault("note-new-members", "yes"))) {
                Notes.add(ctx, "Roles changed for a member (" + event.payload().get("targetId") + ") by "
                        + event.payload().get("actor"), "Catalyst");
            }
        }
    }

    /** Drops notes past the company's retention, hourly. */
    @Extension
    public static class Retention implements PluginJob {
        @Override
        public String name() {
            return "retention";
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofHours(1));
        }

        @Override
        public void run(PluginContext ctx) {
            String days = ctx.settings().get("retention-days");
            if (days != null) {
                int removed = Notes.deleteOlderThan(ctx, Integer.parseInt(days));
                ctx.log().fine(() -> "Removed " + removed + " notes of " + ctx.tenant().slug());
            }
        }
    }

    /** Whether the notes table answers for a company. */
    @Extension
    public static class Health implements HealthCheck {
        @Override
        public String name() {
            return "notes-table";
        }

        @Override
        public HealthResult check(PluginContext ctx) {
            ctx.data().query("select 1 from note limit 1");
            return new HealthResult(HealthResult.Status.UP, "the notes table answers");
        }
    }
}

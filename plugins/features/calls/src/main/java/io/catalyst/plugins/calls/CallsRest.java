package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.UserInfo;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestRoute;
import io.catalyst.plugins.calls.transcript.Transcripts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * REST under {@code /api/plugins/calls}: calls (list, detail, import, delete, a person's scorecard answers), trackers
 * and the team's figures. Reading needs calls:read, changing calls:manage. Mistakes answer 400 problem+json; an id the
 * company does not have (another company's included: row-level security hides it) answers 404.
 */
public final class CallsRest {

    static final int MAX_LIMIT = 500;

    private CallsRest() {
    }

    /** {@code GET /calls?from=2026-11-01&to=2026-11-30&rep=maya@example.com&limit=100}, newest first. */
    @Extension
    public static class ListCalls extends RestRoute {
        public ListCalls() {
            super(HttpMethod.GET, "/calls", Calls.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Instant[] range = range(request, ctx);
            int limit = request.query("limit").map(CallsRest::limit).orElse(100);
            JsonArray out = Json.createArray();
            CallStore.list(ctx, range[0], range[1], request.query("rep").orElse(null), limit)
                    .forEach(c -> out.set(out.length(), CallsJson.call(c)));
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code GET /calls/{id}}: the call with its utterances, metrics, tracker hits and scorecard. */
    @Extension
    public static class GetCall extends RestRoute {
        public GetCall() {
            super(HttpMethod.GET, "/calls/{id}", Calls.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID id = id(request, "call");
            SalesCall c = CallStore.get(ctx, id).orElseThrow(() -> PluginProblem.notFound("There is no such call."));
            return PluginResponse.json(CallsJson.detail(c, CallStore.detail(ctx, id)).toJson());
        }
    }

    /**
     * {@code POST /calls}: imports a call with its transcript, e.g. {@code {"transcript": {...AssemblyAI's
     * transcript...}, "format": "assemblyai", "rep": "maya@example.com", "direction": "inbound",
     * "startedAt": "2026-11-20T10:00:00Z", "phone": "+1 555 0100"}}. The same externalId again replaces the call.
     */
    @Extension
    public static class ImportCall extends RestRoute {
        public ImportCall() {
            super(HttpMethod.POST, "/calls", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonObject body = body(request.body());
            UUID id = Calls.importCall(ctx, incoming(body));
            SalesCall c = CallStore.get(ctx, id).orElseThrow();
            return PluginResponse.json(201, CallsJson.detail(c, CallStore.detail(ctx, id)).toJson());
        }
    }

    /** {@code DELETE /calls/{id}}. */
    @Extension
    public static class DeleteCall extends RestRoute {
        public DeleteCall() {
            super(HttpMethod.DELETE, "/calls/{id}", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            if (!CallStore.delete(ctx, id(request, "call"))) {
                throw PluginProblem.notFound("There is no such call.");
            }
            ctx.audit().record("calls.call.deleted", request.pathParams().get("id"), null, null);
            return PluginResponse.noContent();
        }
    }

    /**
     * {@code PUT /calls/{id}/scorecard} with {@code {"answers": {"budget": true, "next": false, "pain": null}}}: a
     * person's answers, which replace the automatic ones (null gives a question back to the trackers).
     */
    @Extension
    public static class ScoreCall extends RestRoute {
        public ScoreCall() {
            super(HttpMethod.PUT, "/calls/{id}/scorecard", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID id = id(request, "call");
            JsonObject body = body(request.body());
            if (!body.hasKey("answers") || body.get("answers").getType() != JsonType.OBJECT) {
                throw PluginProblem.badRequest("Send {\"answers\": {\"<question>\": true | false | null}}.");
            }
            JsonObject answers = body.getObject("answers");
            String by = ctx.user().map(UserInfo::email).orElse("api");
            java.util.Map<String, Boolean> given = new java.util.LinkedHashMap<>();
            for (String key : answers.keys()) {
                JsonValue v = answers.get(key);
                if (v.getType() != JsonType.BOOLEAN && v.getType() != JsonType.NULL) {
                    throw PluginProblem.badRequest(key + " is true, false or null");
                }
                given.put(key, v.getType() == JsonType.NULL ? null : v.asBoolean());
            }
            Scorecards.give(ctx, id, given, by);
            SalesCall c = CallStore.get(ctx, id).orElseThrow();
            return PluginResponse.json(CallsJson.detail(c, CallStore.detail(ctx, id)).toJson());
        }
    }

    /** {@code GET /trackers}. */
    @Extension
    public static class ListTrackers extends RestRoute {
        public ListTrackers() {
            super(HttpMethod.GET, "/trackers", Calls.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonArray out = Json.createArray();
            Trackers.all(ctx).forEach(t -> out.set(out.length(), CallsJson.tracker(t)));
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code POST /trackers} with {@code {"name": "Budget", "phrases": ["budget"], "side": "rep", "segment": "any"}}. */
    @Extension
    public static class CreateTracker extends RestRoute {
        public CreateTracker() {
            super(HttpMethod.POST, "/trackers", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Trackers.Stored t = saveTracker(ctx, null, body(request.body()));
            return PluginResponse.json(201, CallsJson.tracker(t).toJson());
        }
    }

    /** {@code PUT /trackers/{id}}, the same body. */
    @Extension
    public static class UpdateTracker extends RestRoute {
        public UpdateTracker() {
            super(HttpMethod.PUT, "/trackers/{id}", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID id = id(request, "tracker");
            return PluginResponse.json(CallsJson.tracker(saveTracker(ctx, id, body(request.body()))).toJson());
        }
    }

    /** {@code DELETE /trackers/{id}}. */
    @Extension
    public static class DeleteTracker extends RestRoute {
        public DeleteTracker() {
            super(HttpMethod.DELETE, "/trackers/{id}", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            if (!Trackers.delete(ctx, id(request, "tracker"))) {
                throw PluginProblem.notFound("There is no such tracker.");
            }
            ctx.scheduler().runLater(Calls.REANALYSE_JOB, Duration.ZERO);
            return PluginResponse.noContent();
        }
    }

    /** {@code GET /team?from=&to=}: each rep's figures, the team's and the top performers', and the win signals. */
    @Extension
    public static class TeamFigures extends RestRoute {
        public TeamFigures() {
            super(HttpMethod.GET, "/team", Calls.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Instant[] range = range(request, ctx);
            List<Team.Rep> reps = Team.reps(ctx, range[0], range[1]);
            List<Team.Rep> top = Team.top(reps);
            JsonObject out = Json.createObject();
            JsonArray list = Json.createArray();
            for (Team.Rep r : reps) {
                JsonObject o = Json.createObject();
                o.put("rep", r.rep());
                o.put("calls", r.calls());
                o.put("answered", r.answered());
                o.put("transcribed", r.transcribed());
                o.put("dealsWon", r.won());
                o.put("dealsLost", r.lost());
                CallsJson.put(o, "winRate", r.winRate());
                o.put("topPerformer", top.contains(r));
                JsonObject means = Json.createObject();
                r.means().forEach((m, v) -> means.put(key(m), v));
                o.put("metrics", means);
                list.set(list.length(), o);
            }
            out.put("reps", list);
            JsonObject team = Json.createObject();
            JsonObject best = Json.createObject();
            for (Team.Metric m : Team.Metric.values()) {
                CallsJson.put(team, key(m), Team.teamMean(reps, m));
                CallsJson.put(best, key(m), Team.teamMean(top, m));
            }
            out.put("team", team);
            out.put("topPerformers", best);
            JsonArray signals = Json.createArray();
            for (Team.WinSignal s : Team.winSignals(ctx, range[0], range[1])) {
                JsonObject o = Json.createObject();
                o.put("metric", key(s.metric()));
                o.put("won", s.won());
                o.put("lost", s.lost());
                o.put("wonCalls", s.wonCalls());
                o.put("lostCalls", s.lostCalls());
                o.put("effect", s.effect());
                signals.set(signals.length(), o);
            }
            out.put("winSignals", signals);
            return PluginResponse.json(out.toJson());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static String key(Team.Metric m) {
        String[] parts = m.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            s.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return s.toString();
    }

    private static Trackers.Stored saveTracker(PluginContext ctx, UUID id, JsonObject body) {
        List<String> phrases = new ArrayList<>();
        if (body.hasKey("phrases")) {
            if (body.get("phrases").getType() != JsonType.ARRAY) {
                throw PluginProblem.badRequest("phrases is a list of texts");
            }
            JsonArray a = body.getArray("phrases");
            for (int i = 0; i < a.length(); i++) {
                if (a.get(i).getType() != JsonType.STRING) {
                    throw PluginProblem.badRequest("phrases is a list of texts");
                }
                phrases.add(a.getString(i));
            }
        }
        Trackers.Stored t = Trackers.save(ctx, id, text(body, "name"), phrases, text(body, "side"),
                text(body, "segment"), ctx.user().map(UserInfo::email).orElse("api"));
        ctx.scheduler().runLater(Calls.REANALYSE_JOB, Duration.ZERO);
        return t;
    }

    static CallStore.Incoming incoming(JsonObject body) {
        if (!body.hasKey("transcript") || body.get("transcript").getType() == JsonType.NULL) {
            throw PluginProblem.badRequest("transcript is required: the transcript's text, or AssemblyAI's or"
                    + " Deepgram's JSON");
        }
        JsonValue t = body.get("transcript");
        String transcript = t.getType() == JsonType.STRING ? t.asString() : t.toJson();
        if (transcript.isBlank()) {
            throw PluginProblem.badRequest("transcript is empty: send the transcript's text, or AssemblyAI's or"
                    + " Deepgram's JSON");
        }
        String format = text(body, "format");
        if (format != null && !"auto".equals(format) && !Transcripts.FORMATS.contains(format)) {
            throw PluginProblem.badRequest("format is auto, " + String.join(", ", Transcripts.FORMATS));
        }
        String direction = text(body, "direction");
        if (direction != null && !List.of("inbound", "outbound").contains(direction)) {
            throw PluginProblem.badRequest("direction is inbound or outbound");
        }
        OffsetDateTime started;
        try {
            String s = text(body, "startedAt");
            started = s == null ? OffsetDateTime.now() : OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw PluginProblem.badRequest("startedAt is a date and time with an offset, e.g. 2026-11-20T10:00:00Z");
        }
        Integer duration = null;
        if (body.hasKey("durationSeconds") && body.get("durationSeconds").getType() != JsonType.NULL) {
            if (body.get("durationSeconds").getType() != JsonType.NUMBER || body.getNumber("durationSeconds") < 0
                    || body.getNumber("durationSeconds") > 86_400) {
                throw PluginProblem.badRequest("durationSeconds is a number of seconds from 0 to 86400");
            }
            duration = (int) body.getNumber("durationSeconds");
        }
        String externalId = text(body, "externalId");
        if (externalId != null && (externalId.isBlank() || externalId.length() > 300)) {
            throw PluginProblem.badRequest("externalId has 1 to 300 characters");
        }
        return new CallStore.Incoming(Calls.IMPORT, externalId == null ? UUID.randomUUID().toString() : externalId,
                null, started, duration, direction, Boolean.TRUE, text(body, "rep"), text(body, "customerName"),
                text(body, "phone"), text(body, "email"), text(body, "sourceName"), text(body, "campaign"), null,
                null, transcript, format, text(body, "repSpeaker"));
    }

    static Instant[] range(PluginRequest request, PluginContext ctx) {
        LocalDate today = ctx.metrics().today();
        LocalDate to = request.query("to").map(CallsRest::date).orElse(today);
        LocalDate from = request.query("from").map(CallsRest::date).orElse(to.minusDays(89));
        if (from.isAfter(to) || from.isBefore(to.minusYears(2))) {
            throw PluginProblem.badRequest("from is on or before to, at most two years apart");
        }
        var zone = ctx.tenant().timezone();
        return new Instant[] {from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()};
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw PluginProblem.badRequest("dates are written 2026-11-30");
        }
    }

    static UUID id(PluginRequest request, String what) {
        try {
            return UUID.fromString(request.pathParams().get("id"));
        } catch (RuntimeException e) {
            throw PluginProblem.notFound("There is no such " + what + ".");
        }
    }

    static JsonObject body(String body) {
        if (body == null || body.isBlank()) {
            return Json.createObject();
        }
        try {
            JsonValue v = Json.parse(body);
            if (v.getType() == JsonType.OBJECT) {
                return (JsonObject) v;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw PluginProblem.badRequest("Send a JSON object.");
    }

    static String text(JsonObject o, String key) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            return null;
        }
        if (o.get(key).getType() != JsonType.STRING) {
            throw PluginProblem.badRequest(key + " is text");
        }
        String s = o.getString(key).strip();
        if (s.length() > 2000) {
            throw PluginProblem.badRequest(key + " has at most 2000 characters");
        }
        return s.isEmpty() ? null : s;
    }

    static int limit(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw PluginProblem.badRequest("limit is a whole number from 1 to " + MAX_LIMIT);
    }
}

package io.catalyst.plugins.recommendations;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestRoute;
import io.catalyst.plugins.recommendations.rules.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * REST under {@code /api/plugins/recommendations}: list, detail, accept, dismiss, snooze, performance, evaluate.
 * Reading needs dashboards:read, acting recommendations:act. Mistakes answer 400 problem+json; an id the company
 * does not have (another company's included: row-level security hides it) answers 404.
 */
public final class RecoRest {

    private RecoRest() {
    }

    /** {@code GET /recommendations?channel=meta-ads&kind=creative-fatigue&status=open&limit=100}. */
    @Extension
    public static class ListAll extends RestRoute {
        public ListAll() {
            super(HttpMethod.GET, "/recommendations", Recommendations.FIGURES);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            String channel = request.query("channel").map(RecoRest::channel).orElse(null);
            String kind = request.query("kind").map(k -> {
                if (Kind.of(k) == null) {
                    throw PluginProblem.badRequest("kind is one of " + java.util.Arrays.stream(Kind.values())
                            .map(Kind::id).toList());
                }
                return Kind.of(k).id();
            }).orElse(null);
            String status = request.query("status").map(RecoRest::status).orElse(null);
            int limit = request.query("limit").map(RecoRest::limit).orElse(100);
            LocalDate today = ctx.metrics().today();
            JsonArray out = Json.createArray();
            RecoStore.list(ctx, channel, kind, status, today, limit)
                    .forEach(r -> out.set(out.length(), RecoJson.json(r, today)));
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code GET /recommendations/{id}}. */
    @Extension
    public static class Get extends RestRoute {
        public Get() {
            super(HttpMethod.GET, "/recommendations/{id}", Recommendations.FIGURES);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Reco r = RecoStore.get(ctx, id(request)).orElseThrow(
                    () -> PluginProblem.notFound("There is no such recommendation."));
            return PluginResponse.json(RecoJson.json(r, ctx.metrics().today()).toJson());
        }
    }

    /** {@code POST /recommendations/{id}/accept} with {@code {"task": true}} to ask the tasks plugin for a task. */
    @Extension
    public static class Accept extends RestRoute {
        public Accept() {
            super(HttpMethod.POST, "/recommendations/{id}/accept", Recommendations.ACT);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID id = id(request);
            JsonObject body = body(request.body());
            boolean task = body.hasKey("task") && body.get("task").getType() == JsonType.BOOLEAN
                    && body.getBoolean("task");
            if (body.hasKey("task") && body.get("task").getType() != JsonType.BOOLEAN) {
                throw PluginProblem.badRequest("task is true or false");
            }
            return PluginResponse.json(RecoJson.json(Recommendations.accept(ctx, id, task),
                    ctx.metrics().today()).toJson());
        }
    }

    /** {@code POST /recommendations/{id}/dismiss} with {@code {"reason": "not-relevant", "note": "..."}}. */
    @Extension
    public static class Dismiss extends RestRoute {
        public Dismiss() {
            super(HttpMethod.POST, "/recommendations/{id}/dismiss", Recommendations.ACT);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID id = id(request);
            JsonObject body = body(request.body());
            String reason = text(body, "reason");
            if (reason == null) {
                throw PluginProblem.badRequest("Say why: reason is one of "
                        + String.join(", ", Recommendations.DISMISS_REASONS));
            }
            return PluginResponse.json(RecoJson.json(Recommendations.dismiss(ctx, id, reason, text(body, "note")),
                    ctx.metrics().today()).toJson());
        }
    }

    /** {@code POST /recommendations/{id}/snooze} with {@code {"until": "2026-12-20"}}. */
    @Extension
    public static class Snooze extends RestRoute {
        public Snooze() {
            super(HttpMethod.POST, "/recommendations/{id}/snooze", Recommendations.ACT);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID id = id(request);
            String until = text(body(request.body()), "until");
            LocalDate date;
            try {
                date = until == null ? null : LocalDate.parse(until);
            } catch (DateTimeParseException e) {
                throw PluginProblem.badRequest("until is a date like 2026-12-20");
            }
            return PluginResponse.json(RecoJson.json(Recommendations.snooze(ctx, id, date),
                    ctx.metrics().today()).toJson());
        }
    }

    /** {@code GET /performance}: per kind, how many were raised, the acceptance rate and the measured outcomes. */
    @Extension
    public static class Performance extends RestRoute {
        public Performance() {
            super(HttpMethod.GET, "/performance", Recommendations.FIGURES);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonArray out = Json.createArray();
            for (Outcomes.KindPerformance p : Outcomes.performance(RecoStore.lastYear(ctx), ctx.metrics().today())) {
                JsonObject o = Json.createObject();
                o.put("kind", p.kind());
                o.put("raised", p.raised());
                o.put("accepted", p.accepted());
                o.put("dismissed", p.dismissed());
                o.put("snoozed", p.snoozed());
                o.put("open", p.open());
                o.put("resolved", p.resolved());
                RecoJson.put(o, "acceptanceRate", p.acceptanceRate());
                o.put("measured", p.measured());
                o.put("improved", p.improved());
                RecoJson.put(o, "averageChange", p.averageChange());
                out.set(out.length(), o);
            }
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code POST /evaluate}: runs the rules now instead of at the next morning. */
    @Extension
    public static class EvaluateNow extends RestRoute {
        public EvaluateNow() {
            super(HttpMethod.POST, "/evaluate", Recommendations.ACT);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonObject o = Json.createObject();
            o.put("found", Recommendations.evaluate(ctx, Instant.now()).size());
            return PluginResponse.json(o.toJson());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static UUID id(PluginRequest request) {
        try {
            return UUID.fromString(request.pathParams().get("id"));
        } catch (RuntimeException e) {
            throw PluginProblem.notFound("There is no such recommendation.");
        }
    }

    static JsonObject body(String body) {
        if (body == null || body.isBlank()) {
            return Json.createObject();
        }
        if (body.length() > 5000) {
            throw PluginProblem.badRequest("The body is at most 5000 characters.");
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
        return o.getString(key);
    }

    static String channel(String c) {
        if (!c.matches("[a-z0-9-]{1,100}")) {
            throw PluginProblem.badRequest("channel is a channel key such as meta-ads, or all");
        }
        return c;
    }

    static String status(String s) {
        String up = s.toUpperCase(Locale.ROOT);
        if (!java.util.List.of(Reco.OPEN, Reco.SNOOZED, Reco.ACCEPTED, Reco.DISMISSED, Reco.RESOLVED).contains(up)) {
            throw PluginProblem.badRequest("status is open, snoozed, accepted, dismissed or resolved");
        }
        return up;
    }

    static int limit(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw PluginProblem.badRequest("limit is a whole number from 1 to 500");
    }
}

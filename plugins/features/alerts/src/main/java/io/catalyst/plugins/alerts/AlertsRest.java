package io.catalyst.plugins.alerts;

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
import io.catalyst.plugins.alerts.engine.Backtest;
import io.catalyst.plugins.alerts.engine.Instance;
import io.catalyst.plugins.alerts.engine.Outcome;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.State;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * REST under {@code /api/plugins/alerts}: rules (CRUD, preview), alerts (list by state, get, snooze, acknowledge,
 * make a task) and history. The caller's mistakes answer 400 with words, an id of no rule or alert of the company 404.
 */
public final class AlertsRest {

    private AlertsRest() {
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    /** {@code GET /rules}: every rule, with its back-test. */
    @Extension
    public static class ListRules extends RestRoute {
        public ListRules() {
            super(HttpMethod.GET, "/rules", AlertsExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            if (ctx.isPermitted(Alerts.FIGURES)) { // the starters read the figures, which need dashboards:read
                Alerts.ensureStarters(ctx);
            }
            JsonArray out = Json.createArray();
            AlertStore.rules(ctx).forEach(r -> out.set(out.length(), json(r)));
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code GET /rules/{id}}. */
    @Extension
    public static class GetRule extends RestRoute {
        public GetRule() {
            super(HttpMethod.GET, "/rules/{id}", AlertsExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            return PluginResponse.json(json(rule(ctx, request)).toJson());
        }
    }

    /** {@code POST /rules}: creates a rule and back-tests it over the last 45 days. */
    @Extension
    public static class CreateRule extends RestRoute {
        public CreateRule() {
            super(HttpMethod.POST, "/rules", AlertsExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Rule rule = read(ctx, request.body(), UUID.randomUUID());
            AlertStore.insert(ctx, rule, false);
            ctx.audit().record("alert-rule:created", "alert-rule/" + rule.id(), null, RuleJson.write(rule));
            return PluginResponse.json(201, json(tested(ctx, rule, false)).toJson());
        }
    }

    /** {@code PUT /rules/{id}}: replaces a rule; it is back-tested again. */
    @Extension
    public static class UpdateRule extends RestRoute {
        public UpdateRule() {
            super(HttpMethod.PUT, "/rules/{id}", AlertsExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            AlertStore.StoredRule before = rule(ctx, request);
            Rule rule = read(ctx, request.body(), before.rule().id());
            AlertStore.update(ctx, rule);
            ctx.audit().record("alert-rule:changed", "alert-rule/" + rule.id(), RuleJson.write(before.rule()),
                    RuleJson.write(rule));
            return PluginResponse.json(json(tested(ctx, rule, before.starter())).toJson());
        }
    }

    /** {@code DELETE /rules/{id}}: the rule, its alerts and their history. */
    @Extension
    public static class DeleteRule extends RestRoute {
        public DeleteRule() {
            super(HttpMethod.DELETE, "/rules/{id}", AlertsExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            AlertStore.StoredRule before = rule(ctx, request);
            AlertStore.delete(ctx, before.rule().id());
            ctx.audit().record("alert-rule:deleted", "alert-rule/" + before.rule().id(),
                    RuleJson.write(before.rule()), null);
            return PluginResponse.noContent();
        }
    }

    /** {@code POST /rules/preview}: what a rule would have found in the last 45 days, without storing it. */
    @Extension
    public static class PreviewRule extends RestRoute {
        public PreviewRule() {
            super(HttpMethod.POST, "/rules/preview", AlertsExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Rule rule = read(ctx, request.body(), UUID.randomUUID());
            Backtest.Result result = Backtest.run(ctx.metrics(), List.of(rule), ctx.metrics().today(), Backtest.DAYS,
                    ctx.tenant().timezone()).get(rule.id());
            JsonObject out = Json.createObject();
            out.put("days", Backtest.DAYS);
            out.put("firings", result.firings());
            JsonArray fired = Json.createArray();
            for (Outcome o : result.evaluations()) {
                if (o.startedFiring()) {
                    JsonObject f = Json.createObject();
                    f.put("entity", o.observation().entity());
                    f.put("label", o.observation().label());
                    f.put("asOf", o.observation().asOf().toString());
                    put(f, "value", o.observation().value());
                    put(f, "bound", o.observation().bound());
                    f.put("reason", o.observation().reason());
                    fired.set(fired.length(), f);
                }
            }
            out.put("fired", fired);
            return PluginResponse.json(out.toJson());
        }
    }

    // ---- alerts -------------------------------------------------------------------------------------------------

    /** {@code GET /alerts?state=firing&limit=100}: alerts, newest first, of one state or all. */
    @Extension
    public static class ListAlerts extends RestRoute {
        public ListAlerts() {
            super(HttpMethod.GET, "/alerts", AlertsExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            State state = request.query("state").map(AlertsRest::state).orElse(null);
            int limit = limit(request);
            Map<UUID, String> names = ruleNames(ctx);
            JsonArray out = Json.createArray();
            AlertStore.instanceList(ctx, state, limit).forEach(i -> out.set(out.length(), json(i, names)));
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code GET /alerts/{id}}: one alert with its last evaluations. */
    @Extension
    public static class GetAlert extends RestRoute {
        public GetAlert() {
            super(HttpMethod.GET, "/alerts/{id}", AlertsExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            AlertStore.StoredInstance alert = alert(ctx, request);
            JsonObject out = json(alert, ruleNames(ctx));
            out.put("history", history(AlertStore.history(ctx, alert.instance().ruleId(), alert.instance().entity(),
                    false, 200)));
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code POST /alerts/{id}/snooze} with {@code {"minutes": 120}} or {@code {"until": "2026-12-08T09:00:00Z"}}. */
    @Extension
    public static class Snooze extends RestRoute {
        public Snooze() {
            super(HttpMethod.POST, "/alerts/{id}/snooze", AlertsExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            AlertStore.StoredInstance alert = alert(ctx, request);
            Instant until = snoozeUntil(request.body(), Instant.now());
            AlertStore.snooze(ctx, alert.instance().id(), until);
            ctx.audit().record("alert:snoozed", "alert/" + alert.instance().id(), null,
                    "{\"until\":\"" + until + "\"}");
            return PluginResponse.json(json(AlertStore.instance(ctx, alert.instance().id()).orElseThrow(),
                    ruleNames(ctx)).toJson());
        }
    }

    /** {@code POST /alerts/{id}/ack}: someone is on it; stops the escalation. */
    @Extension
    public static class Acknowledge extends RestRoute {
        public Acknowledge() {
            super(HttpMethod.POST, "/alerts/{id}/ack", AlertsExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            AlertStore.StoredInstance alert = alert(ctx, request);
            AlertStore.acknowledge(ctx, alert.instance().id(), ctx.user().map(u -> u.name()).orElse("API"));
            ctx.audit().record("alert:acknowledged", "alert/" + alert.instance().id(), null, null);
            return PluginResponse.json(json(AlertStore.instance(ctx, alert.instance().id()).orElseThrow(),
                    ruleNames(ctx)).toJson());
        }
    }

    /** {@code POST /alerts/{id}/task}: asks the tasks plugin for a task about the alert (one per alert). */
    @Extension
    public static class CreateTask extends RestRoute {
        public CreateTask() {
            super(HttpMethod.POST, "/alerts/{id}/task", AlertsExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            AlertStore.StoredInstance alert = alert(ctx, request);
            Rule rule = AlertStore.rule(ctx, alert.instance().ruleId()).orElseThrow(
                    () -> PluginProblem.notFound("There is no such alert.")).rule();
            Alerts.requestTask(ctx, rule, alert.instance());
            JsonObject out = Json.createObject();
            out.put("dedupeKey", Alerts.dedupeKey(rule.id(), alert.instance().entity()));
            out.put("taskStatus", "REQUESTED");
            return PluginResponse.json(202, out.toJson());
        }
    }

    /** {@code GET /history?rule=<id>&entity=<key>&firing=true&limit=100}: a rule's evaluations, newest first. */
    @Extension
    public static class History extends RestRoute {
        public History() {
            super(HttpMethod.GET, "/history", AlertsExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID rule = request.query("rule").map(AlertsRest::uuid)
                    .orElseThrow(() -> PluginProblem.badRequest("Name the rule: ?rule=<rule id>."));
            if (AlertStore.rule(ctx, rule).isEmpty()) {
                throw PluginProblem.notFound("There is no such rule.");
            }
            String entity = request.query("entity").orElse(null);
            if (entity != null && entity.length() > 300) {
                throw PluginProblem.badRequest("entity is at most 300 characters");
            }
            boolean firing = request.query("firing").map(f -> switch (f) {
                case "true" -> true;
                case "false" -> false;
                default -> throw PluginProblem.badRequest("firing is true or false");
            }).orElse(false);
            return PluginResponse.json(history(AlertStore.history(ctx, rule, entity, firing, limit(request)))
                    .toJson());
        }
    }

    /** {@code POST /evaluate}: evaluates every rule now instead of at the next quarter hour. */
    @Extension
    public static class EvaluateNow extends RestRoute {
        public EvaluateNow() {
            super(HttpMethod.POST, "/evaluate", AlertsExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            List<Outcome> outcomes = Alerts.evaluate(ctx, Instant.now());
            JsonObject out = Json.createObject();
            out.put("evaluated", outcomes.size());
            out.put("firing", outcomes.stream().filter(o -> o.after().state() == State.FIRING).count());
            return PluginResponse.json(out.toJson());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Rule read(PluginContext ctx, String body, UUID id) {
        try {
            return RuleJson.read(body, id, Alerts.metricNames(ctx));
        } catch (RuleJson.BadRule e) {
            throw PluginProblem.badRequest(e.getMessage());
        }
    }

    /** Back-tests a rule just stored and answers it with what the back-test found (null when it could not run). */
    private static AlertStore.StoredRule tested(PluginContext ctx, Rule rule, boolean starter) {
        Backtest.Result result = Alerts.backtest(ctx, List.of(rule)).get(rule.id());
        return new AlertStore.StoredRule(rule, starter, result == null ? null : result.firings(), null);
    }

    private static AlertStore.StoredRule rule(PluginContext ctx, PluginRequest request) {
        return Optional.ofNullable(uuidOrNull(request.pathParams().get("id"))).flatMap(id -> AlertStore.rule(ctx, id))
                .orElseThrow(() -> PluginProblem.notFound("There is no such rule."));
    }

    private static AlertStore.StoredInstance alert(PluginContext ctx, PluginRequest request) {
        return Optional.ofNullable(uuidOrNull(request.pathParams().get("id")))
                .flatMap(id -> AlertStore.instance(ctx, id))
                .orElseThrow(() -> PluginProblem.notFound("There is no such alert."));
    }

    private static Map<UUID, String> ruleNames(PluginContext ctx) {
        Map<UUID, String> names = new java.util.HashMap<>();
        AlertStore.rules(ctx).forEach(r -> names.put(r.rule().id(), r.rule().name()));
        return names;
    }

    static Instant snoozeUntil(String body, Instant now) {
        JsonObject o;
        try {
            JsonValue v = Json.parse(body == null || body.isBlank() ? "{}" : body);
            if (v.getType() != JsonType.OBJECT) {
                throw PluginProblem.badRequest("Send {\"minutes\": 120} or {\"until\": \"2026-12-08T09:00:00Z\"}.");
            }
            o = (JsonObject) v;
        } catch (RuntimeException e) {
            if (e instanceof PluginProblem p) {
                throw p;
            }
            throw PluginProblem.badRequest("Send {\"minutes\": 120} or {\"until\": \"2026-12-08T09:00:00Z\"}.");
        }
        Instant until;
        if (o.hasKey("until") && o.get("until").getType() == JsonType.STRING) {
            try {
                until = Instant.parse(o.getString("until"));
            } catch (DateTimeParseException e) {
                throw PluginProblem.badRequest("until is an ISO instant, e.g. 2026-12-08T09:00:00Z");
            }
        } else if (o.hasKey("minutes") && o.get("minutes").getType() == JsonType.NUMBER) {
            double minutes = o.getNumber("minutes");
            if (!(minutes >= 1 && minutes <= 43_200) || minutes != Math.rint(minutes)) {
                throw PluginProblem.badRequest("minutes is a whole number from 1 to 43200 (30 days)");
            }
            until = now.plus(Duration.ofMinutes((long) minutes));
        } else {
            throw PluginProblem.badRequest("Send {\"minutes\": 120} or {\"until\": \"2026-12-08T09:00:00Z\"}.");
        }
        if (!until.isAfter(now) || until.isAfter(now.plus(Duration.ofDays(30)))) {
            throw PluginProblem.badRequest("a snooze ends within the next 30 days");
        }
        return until;
    }

    private static State state(String text) {
        try {
            return State.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PluginProblem.badRequest("state is normal, pending, firing, recovering, no_data or error");
        }
    }

    private static int limit(PluginRequest request) {
        String given = request.query("limit").orElse("100");
        int limit = given.matches("[0-9]{1,4}") ? Integer.parseInt(given) : -1;
        if (limit < 1 || limit > 1000) {
            throw PluginProblem.badRequest("limit is a whole number from 1 to 1000");
        }
        return limit;
    }

    private static UUID uuid(String text) {
        UUID id = uuidOrNull(text);
        if (id == null) {
            throw PluginProblem.badRequest("'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "' is not an id");
        }
        return id;
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null || text.length() != 36 ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static JsonObject json(AlertStore.StoredRule r) {
        JsonObject o = Json.parse(RuleJson.write(r.rule()));
        o.put("id", r.rule().id().toString());
        o.put("starter", r.starter());
        if (r.backtestFirings() != null) {
            o.put("backtestFirings", r.backtestFirings());
            o.put("backtestDays", Backtest.DAYS);
        } else {
            o.put("backtestFirings", Json.createNull());
        }
        return o;
    }

    static JsonObject json(AlertStore.StoredInstance stored, Map<UUID, String> ruleNames) {
        Instance i = stored.instance();
        JsonObject o = Json.createObject();
        o.put("id", i.id().toString());
        o.put("ruleId", i.ruleId().toString());
        o.put("rule", ruleNames.getOrDefault(i.ruleId(), ""));
        o.put("entity", i.entity());
        o.put("label", i.label());
        o.put("state", i.state().name());
        o.put("since", i.since().toString());
        put(o, "firingSince", i.firingSince());
        put(o, "value", i.value());
        put(o, "bound", i.bound());
        put(o, "reason", i.reason());
        o.put("silenced", i.silencedBy() != null);
        put(o, "acknowledgedAt", i.ackedAt());
        put(o, "snoozedUntil", i.snoozedUntil());
        put(o, "taskStatus", stored.taskStatus());
        o.put("link", Alerts.link(i.id()));
        return o;
    }

    static JsonArray history(List<AlertStore.HistoryRow> rows) {
        JsonArray out = Json.createArray();
        for (AlertStore.HistoryRow h : rows) {
            JsonObject o = Json.createObject();
            o.put("entity", h.entity());
            o.put("evaluatedAt", h.evaluatedAt().toInstant().toString());
            o.put("asOf", h.asOf().toString());
            o.put("state", h.state());
            put(o, "value", h.value());
            put(o, "bound", h.bound());
            put(o, "reason", h.reason());
            o.put("backtest", h.backtest());
            out.set(out.length(), o);
        }
        return out;
    }

    private static void put(JsonObject o, String key, Object value) {
        if (value == null) {
            o.put(key, Json.createNull());
        } else if (value instanceof Double d) {
            o.put(key, d);
        } else {
            o.put(key, value.toString());
        }
    }
}

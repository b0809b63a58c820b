package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.UserInfo;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestRoute;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * REST under {@code /api/plugins/calls} for sales prompts (versions, the live one) and call test cases (cases, runs of
 * the suite). Reading needs calls:read, changing calls:manage. A run is queued and runs in the background: its
 * prompts wait on the model longer than a request may take.
 */
public final class LabRest {

    private LabRest() {
    }

    /** {@code GET /prompts?kind=summary}: the kind's versions, newest first. */
    @Extension
    public static class ListPrompts extends RestRoute {
        public ListPrompts() {
            super(HttpMethod.GET, "/prompts", Calls.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonArray out = Json.createArray();
            for (String kind : request.query("kind").map(k -> java.util.List.of(Prompts.kind(k)))
                    .orElse(Prompts.KINDS)) {
                Prompts.versions(ctx, kind).forEach(v -> out.set(out.length(), prompt(v)));
            }
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code POST /prompts} with {@code {"kind": "summary", "body": "…{{transcript}}…", "note": "shorter"}}. */
    @Extension
    public static class CreatePrompt extends RestRoute {
        public CreatePrompt() {
            super(HttpMethod.POST, "/prompts", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonObject body = CallsRest.body(request.body());
            Prompts.Version v = Prompts.create(ctx, CallsRest.text(body, "kind"), raw(body, "body"),
                    CallsRest.text(body, "note"), by(ctx));
            return PluginResponse.json(201, prompt(v).toJson());
        }
    }

    /** {@code POST /prompts/{id}/live}: makes a version the live one of its kind (audited). */
    @Extension
    public static class PromotePrompt extends RestRoute {
        public PromotePrompt() {
            super(HttpMethod.POST, "/prompts/{id}/live", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            UUID id = CallsRest.id(request, "prompt version");
            Prompts.Version before = Prompts.get(ctx, id).orElseThrow(() -> PluginProblem.notFound("There is no"
                    + " such prompt version."));
            String was = Prompts.live(ctx, before.kind()).id().toString();
            Prompts.Version v = Prompts.promote(ctx, id);
            ctx.audit().record("calls.prompt.live", v.kind(), was, v.id().toString());
            return PluginResponse.json(prompt(v).toJson());
        }
    }

    /** {@code GET /test-cases}. */
    @Extension
    public static class ListCases extends RestRoute {
        public ListCases() {
            super(HttpMethod.GET, "/test-cases", Calls.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonArray out = Json.createArray();
            CallTests.cases(ctx).forEach(c -> out.set(out.length(), testCase(c)));
            return PluginResponse.json(out.toJson());
        }
    }

    /**
     * {@code POST /test-cases} with {@code {"name": "…", "transcript": …, "expectations": [{"kind": "tracker",
     * "target": "Budget", "expect": true}, {"kind": "prompt", "target": "summary", "contains": "budget"}]}}, or with
     * {@code {"fromCall": "<call id>", "name": "…"}} to take a call as it stands.
     */
    @Extension
    public static class CreateCase extends RestRoute {
        public CreateCase() {
            super(HttpMethod.POST, "/test-cases", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonObject body = CallsRest.body(request.body());
            String from = CallsRest.text(body, "fromCall");
            CallTests.TestCase c;
            if (from != null) {
                UUID call;
                try {
                    call = UUID.fromString(from);
                } catch (IllegalArgumentException e) {
                    throw PluginProblem.notFound("There is no such call.");
                }
                c = CallTests.fromCall(ctx, call, CallsRest.text(body, "name"), by(ctx));
            } else {
                if (!body.hasKey("expectations") || body.get("expectations").getType() != JsonType.ARRAY) {
                    throw PluginProblem.badRequest("expectations is a list: [{\"kind\": \"tracker\", \"target\":"
                            + " \"Budget\", \"expect\": true}, …]");
                }
                CallStore.Incoming in = CallsRest.incoming(body);
                c = CallTests.create(ctx, CallsRest.text(body, "name"), in.transcript(), in.format(), in.direction(),
                        in.repSpeaker(), CallTests.expectations(body.getArray("expectations")), by(ctx));
            }
            return PluginResponse.json(201, testCase(c).toJson());
        }
    }

    /** {@code DELETE /test-cases/{id}}. */
    @Extension
    public static class DeleteCase extends RestRoute {
        public DeleteCase() {
            super(HttpMethod.DELETE, "/test-cases/{id}", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            if (!CallTests.delete(ctx, CallsRest.id(request, "test case"))) {
                throw PluginProblem.notFound("There is no such test case.");
            }
            return PluginResponse.noContent();
        }
    }

    /** {@code POST /test-runs} with {@code {"prompts": {"summary": "<version id>"}}} (the live ones otherwise): 202. */
    @Extension
    public static class QueueRun extends RestRoute {
        public QueueRun() {
            super(HttpMethod.POST, "/test-runs", Calls.MANAGE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonObject body = CallsRest.body(request.body());
            Map<String, UUID> versions = new LinkedHashMap<>();
            if (body.hasKey("prompts") && body.get("prompts").getType() == JsonType.OBJECT) {
                JsonObject p = body.getObject("prompts");
                for (String kind : p.keys()) {
                    Prompts.kind(kind);
                    try {
                        versions.put(kind, UUID.fromString(p.getString(kind)));
                    } catch (RuntimeException e) {
                        throw PluginProblem.badRequest("prompts." + kind + " is a prompt version's id");
                    }
                }
            }
            UUID id = CallTests.queue(ctx, versions, by(ctx));
            return PluginResponse.json(202, run(CallTests.getRun(ctx, id).orElseThrow()).toJson());
        }
    }

    /** {@code GET /test-runs}: the last 20, newest first. */
    @Extension
    public static class ListRuns extends RestRoute {
        public ListRuns() {
            super(HttpMethod.GET, "/test-runs", Calls.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonArray out = Json.createArray();
            CallTests.runs(ctx, 20).forEach(r -> out.set(out.length(), run(r)));
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code GET /test-runs/{id}}. */
    @Extension
    public static class GetRun extends RestRoute {
        public GetRun() {
            super(HttpMethod.GET, "/test-runs/{id}", Calls.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            return PluginResponse.json(run(CallTests.getRun(ctx, CallsRest.id(request, "test run")).orElseThrow(
                    () -> PluginProblem.notFound("There is no such test run."))).toJson());
        }
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    static JsonObject prompt(Prompts.Version v) {
        JsonObject o = Json.createObject();
        o.put("id", v.id().toString());
        o.put("kind", v.kind());
        o.put("version", v.version());
        o.put("body", v.body());
        CallsJson.put(o, "note", v.note());
        o.put("live", v.live());
        CallsJson.put(o, "createdBy", v.createdBy());
        o.put("createdAt", v.createdAt().toString());
        return o;
    }

    static JsonObject testCase(CallTests.TestCase c) {
        JsonObject o = Json.createObject();
        o.put("id", c.id().toString());
        o.put("name", c.name());
        CallsJson.put(o, "format", c.format());
        CallsJson.put(o, "direction", c.direction());
        o.put("expectations", CallTests.expectationsJson(c.expectations()));
        CallsJson.put(o, "createdBy", c.createdBy());
        return o;
    }

    static JsonObject run(CallTests.Run r) {
        JsonObject o = Json.createObject();
        o.put("id", r.id().toString());
        o.put("status", r.status());
        CallsJson.put(o, "error", r.error());
        o.put("label", r.label());
        JsonObject prompts = Json.createObject();
        r.prompts().forEach((k, v) -> prompts.put(k, v.toString()));
        o.put("prompts", prompts);
        o.put("passed", r.passed());
        o.put("failed", r.failed());
        o.put("skipped", r.skipped());
        o.put("regressions", r.regressions());
        o.put("inputTokens", r.inputTokens());
        o.put("outputTokens", r.outputTokens());
        JsonArray results = Json.createArray();
        for (CallTests.Outcome x : r.results()) {
            JsonObject j = Json.createObject();
            j.put("caseId", x.caseId().toString());
            j.put("case", x.caseName());
            j.put("expectation", x.expectation());
            CallsJson.put(j, "passed", x.passed());
            j.put("actual", x.actual());
            j.put("regression", x.regression());
            results.set(results.length(), j);
        }
        o.put("results", results);
        o.put("queuedAt", r.queuedAt().toString());
        CallsJson.put(o, "finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        return o;
    }

    private static String by(PluginContext ctx) {
        return ctx.user().map(UserInfo::email).orElse("api");
    }

    // a prompt's body is kept as written (its line breaks matter), up to its own limit
    private static String raw(JsonObject o, String key) {
        if (!o.hasKey(key) || o.get(key).getType() != JsonType.STRING) {
            throw PluginProblem.badRequest(key + " is the prompt's text");
        }
        return o.getString(key);
    }
}

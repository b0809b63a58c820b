package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.ModelException;
import io.catalyst.plugins.calls.transcript.TrackerHit;
import io.catalyst.plugins.calls.transcript.TranscriptException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Call test cases: a transcript and what should come of it (a tracker heard or not, a scorecard question answered yes
 * or no, words a prompt's output has or lacks). Running the suite checks every expectation against the trackers,
 * scorecards and prompts as they are now, keeps the outcome as history, and marks as a regression every expectation
 * that passed in the run before and fails now: a tracker or prompt change that breaks a case shows at once.
 */
final class CallTests {

    static final String RUN_JOB = "test-run";
    static final int MAX_CASES = 200;
    static final int MAX_EXPECTATIONS = 50;
    /** Model calls one run may make: each case's prompt kinds once. */
    static final int MAX_MODEL_CALLS = 100;

    /** What should come of a case: {@code tracker} (expect heard), {@code question} (expect yes) or {@code prompt}. */
    record Expectation(String kind, String target, boolean expect, String contains) {
        String words() {
            return switch (kind) {
                case "tracker" -> (expect ? "hears " : "does not hear ") + target;
                case "question" -> "answers \"" + target + "\" " + (expect ? "yes" : "no");
                default -> Prompts.label(target) + (expect ? " mentions \"" : " does not mention \"") + contains + "\"";
            };
        }
    }

    record TestCase(UUID id, String name, String transcript, String format, String direction, String repSpeaker,
                    List<Expectation> expectations, String createdBy, OffsetDateTime createdAt) {
    }

    /** One expectation's outcome: passed, failed or skipped (null: the model did not answer), and what was found. */
    record Outcome(UUID caseId, String caseName, String expectation, Boolean passed, String actual,
                   boolean regression) {
    }

    record Run(UUID id, String status, String error, String label, Map<String, UUID> prompts, int passed, int failed,
               int skipped, long inputTokens, long outputTokens, List<Outcome> results, String runBy,
               OffsetDateTime queuedAt, OffsetDateTime finishedAt) {
        long regressions() {
            return results.stream().filter(Outcome::regression).count();
        }
    }

    private CallTests() {
    }

    // ---- cases ------------------------------------------------------------------------------------------------

    static List<TestCase> cases(PluginContext ctx) {
        return ctx.data().query("select id, name, transcript, format, direction, rep_speaker, expectations,"
                + " created_by, created_at from call_test_case order by name limit ?", MAX_CASES).stream()
                .map(CallTests::testCase).toList();
    }

    static Optional<TestCase> get(PluginContext ctx, UUID id) {
        return ctx.data().query("select id, name, transcript, format, direction, rep_speaker, expectations,"
                + " created_by, created_at from call_test_case where id = ?", id).stream().findFirst()
                .map(CallTests::testCase);
    }

    /** A new case, after checking that its transcript reads and its expectations name real things. */
    static TestCase create(PluginContext ctx, String name, String transcript, String format, String direction,
                           String repSpeaker, List<Expectation> expectations, String by) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw PluginProblem.badRequest("A test case needs a name of 1 to 200 characters.");
        }
        if (transcript == null || transcript.isBlank()) {
            throw PluginProblem.badRequest("A test case needs a transcript.");
        }
        try {
            io.catalyst.plugins.calls.transcript.Transcripts.parse(transcript, format, repSpeaker, direction, null);
        } catch (TranscriptException e) {
            throw PluginProblem.badRequest("The transcript cannot be read: " + e.getMessage());
        }
        check(expectations);
        if (!ctx.data().query("select 1 from call_test_case where lower(name) = lower(?)", clean).isEmpty()) {
            throw new PluginProblem(409, "Conflict", "There is a test case named \"" + clean + "\" already.");
        }
        if (ctx.data().query("select count(*) as n from call_test_case").stream()
                .mapToLong(r -> ((Number) r.get("n")).longValue()).sum() >= MAX_CASES) {
            throw new PluginProblem(409, "Conflict", "A company has at most " + MAX_CASES + " test cases.");
        }
        UUID id = UUID.randomUUID();
        ctx.data().update("insert into call_test_case (id, name, transcript, format, direction, rep_speaker,"
                + " expectations, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)", id, clean, transcript, format, direction,
                repSpeaker, expectationsJson(expectations).toJson(), by);
        return get(ctx, id).orElseThrow();
    }

    /**
     * A case made from a call as it stands: its transcript, every tracker heard (expected heard), every default
     * tracker not heard (expected not heard), and the scorecard answers a person gave.
     */
    static TestCase fromCall(PluginContext ctx, UUID callId, String name, String by) {
        Map<String, Object> detail = CallStore.detail(ctx, callId);
        SalesCall call = CallStore.get(ctx, callId).orElseThrow(() -> PluginProblem.notFound("There is no such"
                + " call."));
        if (detail.get("transcript") == null || call.transcriptFormat() == null) {
            throw PluginProblem.badRequest("This call has no transcript to test with.");
        }
        List<Expectation> expectations = new ArrayList<>();
        JsonArray hits = Json.instance().parse((String) detail.get("hits"));
        java.util.Set<String> heard = new java.util.LinkedHashSet<>();
        for (int i = 0; i < hits.length(); i++) {
            heard.add(hits.getObject(i).getString("tracker"));
        }
        for (Trackers.Stored t : Trackers.all(ctx)) {
            expectations.add(new Expectation("tracker", t.name(), heard.contains(t.name()), null));
        }
        Scorecards.parse((String) detail.get("scorecard")).ifPresent(card -> card.answers().stream()
                .filter(a -> Scorecards.byPerson(a) && a.yes() != null)
                .forEach(a -> expectations.add(new Expectation("question", a.question(), a.yes(), null))));
        Map<String, Object> raw = ctx.data().query("select rep_speaker from sales_call where id = ?", callId).get(0);
        return create(ctx, name == null || name.isBlank() ? call.customer() + " " + call.startedAt().toLocalDate()
                : name, (String) detail.get("transcript"), call.transcriptFormat(), call.direction(),
                (String) raw.get("rep_speaker"), expectations, by);
    }

    static boolean delete(PluginContext ctx, UUID id) {
        return ctx.data().update("delete from call_test_case where id = ?", id) == 1;
    }

    static void check(List<Expectation> expectations) {
        if (expectations == null || expectations.isEmpty() || expectations.size() > MAX_EXPECTATIONS) {
            throw PluginProblem.badRequest("A test case needs 1 to " + MAX_EXPECTATIONS + " expectations.");
        }
        for (Expectation e : expectations) {
            switch (e.kind() == null ? "" : e.kind()) {
                case "tracker" -> {
                    if (e.target() == null || e.target().isBlank()) {
                        throw PluginProblem.badRequest("A tracker expectation names the tracker.");
                    }
                }
                case "question" -> {
                    boolean known = Scorecards.TEMPLATES.stream().flatMap(t -> t.questions().stream())
                            .anyMatch(q -> q.id().equals(e.target()));
                    if (!known) {
                        throw PluginProblem.badRequest("\"" + e.target() + "\" is not a scorecard question; they are "
                                + Scorecards.DISCOVERY.questions().stream().map(Scorecards.Question::id).toList());
                    }
                }
                case "prompt" -> {
                    Prompts.kind(e.target());
                    if (e.contains() == null || e.contains().isBlank() || e.contains().length() > 200) {
                        throw PluginProblem.badRequest("A prompt expectation says which words (1 to 200 characters)"
                                + " the output has, or lacks.");
                    }
                }
                default -> throw PluginProblem.badRequest("An expectation's kind is tracker, question or prompt.");
            }
        }
    }

    // ---- runs -------------------------------------------------------------------------------------------------

    /** Queues a run of the suite with these prompt versions (kind to version id; the live ones for the rest). */
    static UUID queue(PluginContext ctx, Map<String, UUID> versions, String by) {
        Map<String, UUID> prompts = Prompts.liveIds(ctx);
        List<String> label = new ArrayList<>();
        for (Map.Entry<String, UUID> v : versions.entrySet()) {
            Prompts.Version version = Prompts.get(ctx, v.getValue()).filter(p -> p.kind().equals(v.getKey()))
                    .orElseThrow(() -> PluginProblem.badRequest("There is no " + v.getKey() + " prompt version "
                            + v.getValue() + "."));
            prompts.put(v.getKey(), version.id());
            label.add(Prompts.label(version.kind()) + " v" + version.version());
        }
        UUID id = UUID.randomUUID();
        ctx.data().update("insert into call_test_run (id, label, prompts, run_by) values (?, ?, ?, ?)", id,
                label.isEmpty() ? "Live prompts" : String.join(", ", label), ids(prompts), by);
        ctx.scheduler().runLater(RUN_JOB, java.time.Duration.ZERO);
        return id;
    }

    /** Runs the queued runs, oldest first. */
    static int runQueued(PluginContext ctx) {
        // a run left running by a job that died (a restart) is over: say so rather than spin forever
        ctx.data().update("update call_test_run set status = 'failed', error = 'interrupted (the server restarted);"
                + " run the suite again', finished_at = now() where status = 'running'"
                + " and queued_at < now() - interval '30 minutes'");
        // one runner at a time: a run's regressions are judged against the run finished before it. A run queued
        // while another runner was finishing (it found the lock held) is picked up by the loop's second look
        int done = 0;
        while (State.lock(ctx, RUN_JOB, 15)) {
            try {
                done += runAll(ctx);
            } finally {
                State.unlock(ctx, RUN_JOB);
            }
            if (ctx.data().query("select 1 from call_test_run where status = 'queued' limit 1").isEmpty()) {
                break;
            }
        }
        return done;
    }

    private static int runAll(PluginContext ctx) {
        int done = 0;
        while (true) {
            List<Map<String, Object>> next = ctx.data().query("update call_test_run set status = 'running' where id ="
                    + " (select id from call_test_run where status = 'queued' order by queued_at limit 1"
                    + " for update skip locked) returning id, prompts");
            if (next.isEmpty()) {
                return done;
            }
            UUID id = (UUID) next.get(0).get("id");
            try {
                execute(ctx, id, prompts((String) next.get(0).get("prompts")));
            } catch (RuntimeException e) {
                ctx.data().update("update call_test_run set status = 'failed', error = ?, finished_at = now()"
                        + " where id = ?", CallStore.cut(String.valueOf(e.getMessage()), 1000), id);
                throw e;
            }
            done++;
        }
    }

    static void execute(PluginContext ctx, UUID runId, Map<String, UUID> prompts) {
        List<Trackers.Stored> trackers = Trackers.all(ctx);
        Map<String, Boolean> before = previous(ctx, runId);
        List<Outcome> outcomes = new ArrayList<>();
        int modelCalls = 0;
        long in = 0;
        long out = 0;
        String modelProblem = null;
        for (TestCase c : cases(ctx)) {
            Analysis a;
            try {
                a = Analysis.of(c.transcript(), c.format(), c.repSpeaker(), c.direction(), null, trackers, null,
                        List.of());
            } catch (TranscriptException e) {
                for (Expectation x : c.expectations()) {
                    outcomes.add(outcome(c, x, false, "the transcript cannot be read: " + e.getMessage(), before));
                }
                continue;
            }
            Map<String, String> outputs = new HashMap<>();
            for (Expectation x : c.expectations()) {
                switch (x.kind()) {
                    case "tracker" -> {
                        boolean heard = a.hits().stream().anyMatch(h -> h.tracker().equalsIgnoreCase(x.target()));
                        outcomes.add(outcome(c, x, heard == x.expect(), heard ? "heard: \"" + quote(a, x.target())
                                + "\"" : "not heard", before));
                    }
                    case "question" -> {
                        Boolean yes = a.answers().stream().filter(q -> q.question().equals(x.target())).findFirst()
                                .map(Scorecards.Answer::yes).orElse(null);
                        outcomes.add(outcome(c, x, yes != null && yes == x.expect(), yes == null ? "not answered"
                                : yes ? "yes" : "no", before));
                    }
                    default -> {
                        String text = outputs.get(x.target());
                        if (text == null && modelProblem == null && modelCalls < MAX_MODEL_CALLS) {
                            try {
                                Prompts.Version v = Prompts.get(ctx, prompts.get(x.target()))
                                        .orElseGet(() -> Prompts.live(ctx, x.target()));
                                Prompts.Output o = Prompts.run(ctx, v, Prompts.values(a.transcript(), null, null,
                                        null, Prompts.names(a.hits()), a.metrics().talkRatio()));
                                modelCalls++;
                                in += o.inputTokens();
                                out += o.outputTokens();
                                text = o.text();
                                outputs.put(x.target(), text);
                            } catch (ModelException e) {
                                modelProblem = e.getMessage();
                            }
                        }
                        if (text == null) {
                            outcomes.add(new Outcome(c.id(), c.name(), x.words(), null, modelProblem != null
                                    ? "not run: " + modelProblem : "not run: the run's " + MAX_MODEL_CALLS
                                    + " model calls were used", false));
                        } else {
                            boolean has = text.toLowerCase(Locale.ROOT).contains(x.contains().toLowerCase(Locale.ROOT));
                            outcomes.add(outcome(c, x, has == x.expect(), CallStore.cut(text, 300), before));
                        }
                    }
                }
            }
        }
        int passed = (int) outcomes.stream().filter(o -> Boolean.TRUE.equals(o.passed())).count();
        int failed = (int) outcomes.stream().filter(o -> Boolean.FALSE.equals(o.passed())).count();
        ctx.data().update("update call_test_run set status = 'done', passed = ?, failed = ?, skipped = ?,"
                + " input_tokens = ?, output_tokens = ?, results = ?, finished_at = now() where id = ?", passed, failed,
                outcomes.size() - passed - failed, in, out, outcomesJson(outcomes), runId);
    }

    private static String quote(Analysis a, String tracker) {
        return a.hits().stream().filter(h -> h.tracker().equalsIgnoreCase(tracker)).map(TrackerHit::quote)
                .findFirst().orElse("");
    }

    // a regression: the same case's same expectation passed in the run before
    private static Outcome outcome(TestCase c, Expectation x, boolean passed, String actual,
                                   Map<String, Boolean> before) {
        boolean regression = !passed && Boolean.TRUE.equals(before.get(c.id() + "|" + x.words()));
        return new Outcome(c.id(), c.name(), x.words(), passed, actual, regression);
    }

    /** The outcomes of the last finished run before this one, by case and expectation. */
    private static Map<String, Boolean> previous(PluginContext ctx, UUID runId) {
        Map<String, Boolean> before = new HashMap<>();
        ctx.data().query("select results from call_test_run where status = 'done' and id <> ? order by finished_at"
                + " desc limit 1", runId).stream().findFirst().ifPresent(r -> {
                    for (Outcome o : outcomes((String) r.get("results"))) {
                        before.put(o.caseId() + "|" + o.expectation(), o.passed());
                    }
                });
        return before;
    }

    static List<Run> runs(PluginContext ctx, int limit) {
        return ctx.data().query("select id, status, error, label, prompts, passed, failed, skipped, input_tokens,"
                + " output_tokens, results, run_by, queued_at, finished_at from call_test_run order by queued_at desc"
                + " limit ?", limit).stream().map(CallTests::run).toList();
    }

    static Optional<Run> getRun(PluginContext ctx, UUID id) {
        return ctx.data().query("select id, status, error, label, prompts, passed, failed, skipped, input_tokens,"
                + " output_tokens, results, run_by, queued_at, finished_at from call_test_run where id = ?", id)
                .stream().findFirst().map(CallTests::run);
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    static List<Expectation> expectations(JsonArray a) {
        List<Expectation> list = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            if (a.get(i).getType() != JsonType.OBJECT) {
                throw PluginProblem.badRequest("expectations is a list of objects");
            }
            JsonObject o = a.getObject(i);
            boolean expect = !o.hasKey("expect") || o.get("expect").getType() != JsonType.BOOLEAN
                    || o.getBoolean("expect");
            list.add(new Expectation(text(o, "kind"), text(o, "target"), expect, text(o, "contains")));
        }
        return list;
    }

    private static String text(JsonObject o, String key) {
        return o.hasKey(key) && o.get(key).getType() == JsonType.STRING ? o.getString(key).strip() : null;
    }

    static JsonArray expectationsJson(List<Expectation> list) {
        JsonArray a = Json.createArray();
        for (Expectation e : list) {
            JsonObject o = Json.createObject();
            o.put("kind", e.kind());
            o.put("target", e.target());
            o.put("expect", e.expect());
            if (e.contains() != null) {
                o.put("contains", e.contains());
            }
            o.put("says", e.words());
            a.set(a.length(), o);
        }
        return a;
    }

    private static String outcomesJson(List<Outcome> outcomes) {
        JsonArray a = Json.createArray();
        for (Outcome o : outcomes) {
            JsonObject j = Json.createObject();
            j.put("caseId", o.caseId().toString());
            j.put("case", o.caseName());
            j.put("expectation", o.expectation());
            j.put("passed", o.passed() == null ? Json.createNull() : Json.create(o.passed()));
            j.put("actual", o.actual());
            j.put("regression", o.regression());
            a.set(a.length(), j);
        }
        return a.toJson();
    }

    static List<Outcome> outcomes(String json) {
        List<Outcome> list = new ArrayList<>();
        JsonArray a = Json.instance().parse(json);
        for (int i = 0; i < a.length(); i++) {
            JsonObject j = a.getObject(i);
            list.add(new Outcome(UUID.fromString(j.getString("caseId")), j.getString("case"),
                    j.getString("expectation"), j.get("passed").getType() == JsonType.BOOLEAN
                    ? j.getBoolean("passed") : null, j.getString("actual"), j.getBoolean("regression")));
        }
        return list;
    }

    private static String ids(Map<String, UUID> prompts) {
        JsonObject o = Json.createObject();
        prompts.forEach((k, v) -> o.put(k, v.toString()));
        return o.toJson();
    }

    private static Map<String, UUID> prompts(String json) {
        Map<String, UUID> map = new LinkedHashMap<>();
        JsonObject o = Json.parse(json);
        for (String k : o.keys()) {
            map.put(k, UUID.fromString(o.getString(k)));
        }
        return map;
    }

    private static TestCase testCase(Map<String, Object> r) {
        return new TestCase((UUID) r.get("id"), (String) r.get("name"), (String) r.get("transcript"),
                (String) r.get("format"), (String) r.get("direction"), (String) r.get("rep_speaker"),
                expectations(Json.instance().parse((String) r.get("expectations"))), (String) r.get("created_by"),
                (OffsetDateTime) r.get("created_at"));
    }

    private static Run run(Map<String, Object> r) {
        return new Run((UUID) r.get("id"), (String) r.get("status"), (String) r.get("error"), (String) r.get("label"),
                prompts((String) r.get("prompts")), (Integer) r.get("passed"), (Integer) r.get("failed"),
                (Integer) r.get("skipped"), ((Number) r.get("input_tokens")).longValue(),
                ((Number) r.get("output_tokens")).longValue(), outcomes((String) r.get("results")),
                (String) r.get("run_by"), (OffsetDateTime) r.get("queued_at"), (OffsetDateTime) r.get("finished_at"));
    }
}

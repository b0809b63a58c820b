package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import io.catalyst.plugins.calls.transcript.CallMetrics;
import io.catalyst.plugins.calls.transcript.TrackerHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Scorecards: a template's questions, answered from the call's tracker hits and metrics with the quote and time
 * that justify each answer. A person's answer replaces the automatic one and is kept with who gave it. The score is
 * the share of answered questions answered yes, 0 to 100.
 */
final class Scorecards {

    /**
     * How a question is answered automatically: a tracker heard, a metric within a bound, or (neither) the model
     * asked about the part of the call in {@code side} and {@code segment} only, which saves credits.
     */
    record Question(String id, String text, String tracker, String metric, Double atMost,
                    io.catalyst.plugins.calls.transcript.Side side, io.catalyst.plugins.calls.transcript.Segment segment) {
        Question(String id, String text, String tracker, String metric, Double atMost) {
            this(id, text, tracker, metric, atMost, null, io.catalyst.plugins.calls.transcript.Segment.ANY);
        }

        boolean byModel() {
            return tracker == null && metric == null;
        }
    }

    /** A template: which calls it fits and its questions. */
    record Template(String id, String name, List<Question> questions) {
    }

    /** One answer: yes, no, or null (not answered), by "tracker", "metric" or a person's email. */
    record Answer(String question, String text, Boolean yes, String by, String quote, Long atMs) {
    }

    static final Template DISCOVERY = new Template("discovery", "Discovery call", List.of(
            new Question("budget", "Did the rep ask about budget?", Trackers.BUDGET, null, null),
            new Question("timeline", "Did the rep ask about the timeline?", Trackers.TIMELINE, null, null),
            new Question("decision", "Did the rep find out who decides?", Trackers.DECISION_MAKER, null, null),
            new Question("pain", "Did the call uncover a pain or the current solution?", Trackers.PAIN, null, null),
            new Question("listen", "Did the rep let the customer talk (rep talk ratio at most 60%)?", null,
                    "talkRatio", 0.60),
            new Question("monologue", "Did the rep keep every monologue under 2 minutes?", null,
                    "longestMonologue", 120.0),
            new Question("next", "Did the call end with an agreed next step?", Trackers.NEXT_STEPS, null, null),
            new Question("playback", "Did the rep play the customer's needs back before the next step?", null, null,
                    null, io.catalyst.plugins.calls.transcript.Side.REP,
                    io.catalyst.plugins.calls.transcript.Segment.CLOSING)));

    static final Template DEMO = new Template("demo", "Demo call", List.of(
            new Question("pain", "Did the rep tie the demo to the customer's pain?", Trackers.PAIN, null, null),
            new Question("decision", "Did the rep confirm who else decides?", Trackers.DECISION_MAKER, null, null),
            new Question("pricing", "Was pricing discussed?", Trackers.PRICING, null, null),
            new Question("listen", "Did the rep keep the talk ratio at most 65%?", null, "talkRatio", 0.65),
            new Question("monologue", "Did the rep keep every monologue under 3 minutes?", null,
                    "longestMonologue", 180.0),
            new Question("next", "Did the call end with an agreed next step?", Trackers.NEXT_STEPS, null, null),
            new Question("objections", "Did the rep answer the customer's objections with evidence?", null, null,
                    null, null, io.catalyst.plugins.calls.transcript.Segment.ANY)));

    static final Template CLOSING = new Template("closing", "Closing call", List.of(
            new Question("pricing", "Were price and terms discussed?", Trackers.PRICING, null, null),
            new Question("budget", "Did the rep confirm the budget?", Trackers.BUDGET, null, null),
            new Question("decision", "Did the rep confirm the decision maker signs?", Trackers.DECISION_MAKER,
                    null, null),
            new Question("timeline", "Did the rep agree a date?", Trackers.TIMELINE, null, null),
            new Question("next", "Did the call end with an agreed next step?", Trackers.NEXT_STEPS, null, null),
            new Question("commitment", "Did the customer commit to a concrete date?", null, null, null,
                    io.catalyst.plugins.calls.transcript.Side.CUSTOMER,
                    io.catalyst.plugins.calls.transcript.Segment.CLOSING)));

    static final List<Template> TEMPLATES = List.of(DISCOVERY, DEMO, CLOSING);

    private Scorecards() {
    }

    static Optional<Template> template(String id) {
        return TEMPLATES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The template for a call: by its deal's stage, else discovery. */
    static Template forStage(String dealStage) {
        if (dealStage == null) {
            return DISCOVERY;
        }
        String s = dealStage.toLowerCase(Locale.ROOT);
        if (s.contains("contract") || s.contains("closed") || s.contains("decisionmaker") || s.contains("negotiat")) {
            return CLOSING;
        }
        if (s.contains("presentation") || s.contains("qualified") || s.contains("demo")) {
            return DEMO;
        }
        return DISCOVERY;
    }

    /**
     * Answers a template's questions from hits and metrics: a question whose tracker was not heard is "no"; one whose
     * tracker the company removed, or of a call without a transcript, stays open for a person.
     */
    static List<Answer> answer(Template template, List<TrackerHit> hits, CallMetrics m, Set<String> trackers) {
        List<Answer> answers = new ArrayList<>();
        for (Question q : template.questions()) {
            if (q.byModel()) {
                answers.add(new Answer(q.id(), q.text(), null, "model", null, null)); // until a model check runs
            } else if (q.tracker() != null && !trackers.contains(q.tracker())) {
                answers.add(new Answer(q.id(), q.text(), null, "tracker", null, null));
            } else if (q.tracker() != null) {
                Optional<TrackerHit> hit = hits.stream().filter(h -> h.tracker().equals(q.tracker())).findFirst();
                answers.add(hit.map(h -> new Answer(q.id(), q.text(), true, "tracker", h.quote(), h.atMs()))
                        .orElseGet(() -> new Answer(q.id(), q.text(), m == null ? null : Boolean.FALSE, "tracker",
                                null, null)));
            } else if (m != null) {
                double value = "talkRatio".equals(q.metric()) ? m.talkRatio() : m.rep().longestMonologueMs() / 1000.0;
                String quote = "talkRatio".equals(q.metric())
                        ? "Rep talk ratio " + Math.round(value * 100) + "%"
                        : "Longest rep monologue " + Math.round(value) + " s";
                answers.add(new Answer(q.id(), q.text(), value <= q.atMost(), "metric", quote, null));
            } else {
                answers.add(new Answer(q.id(), q.text(), null, "metric", null, null));
            }
        }
        return answers;
    }

    /** The automatic answers, with a person's answer kept where one was given. */
    static List<Answer> merge(List<Answer> automatic, List<Answer> stored) {
        List<Answer> merged = new ArrayList<>();
        for (Answer a : automatic) {
            merged.add(stored.stream().filter(s -> s.question().equals(a.question()) && kept(s)).findFirst()
                    .orElse(a));
        }
        return merged;
    }

    static boolean byPerson(Answer a) {
        return !"tracker".equals(a.by()) && !"metric".equals(a.by()) && !"model".equals(a.by());
    }

    /** What a new analysis keeps: people's answers, and the model's (a check costs credits; trackers do not redo it). */
    static boolean kept(Answer a) {
        return byPerson(a) || "model".equals(a.by()) && a.yes() != null;
    }

    /**
     * A person's answers on a call: each replaces the automatic one, with who gave it; null gives the question back
     * to the trackers. A question the call's template does not have is refused.
     */
    static void give(io.catalyst.api.PluginContext ctx, java.util.UUID id, java.util.Map<String, Boolean> given,
                     String by) {
        java.util.Map<String, Object> row = CallStore.detail(ctx, id);
        if (row.isEmpty()) {
            throw io.catalyst.api.PluginProblem.notFound("There is no such call.");
        }
        Stored stored = parse((String) row.get("scorecard")).orElseThrow(() -> io.catalyst.api.PluginProblem
                .badRequest("This call has no scorecard yet."));
        Template template = template(stored.template()).orElse(DISCOVERY);
        List<Answer> answers = new ArrayList<>();
        for (String key : given.keySet()) {
            if (template.questions().stream().noneMatch(q -> q.id().equals(key))) {
                throw io.catalyst.api.PluginProblem.badRequest("The " + template.name() + " scorecard has no"
                        + " question " + key + "; its questions are " + template.questions().stream()
                        .map(Question::id).toList());
            }
        }
        for (Answer a : stored.answers()) {
            if (!given.containsKey(a.question())) {
                answers.add(a);
            } else if (given.get(a.question()) == null) {
                boolean model = template.questions().stream().anyMatch(q -> q.id().equals(a.question()) && q.byModel());
                // back to the automatic answer: the trackers' on the next analysis, or a new model check
                answers.add(new Answer(a.question(), a.text(), null, model ? "model" : "tracker", null, null));
            } else {
                answers.add(new Answer(a.question(), a.text(), given.get(a.question()), by, a.quote(), a.atMs()));
            }
        }
        CallStore.saveScorecard(ctx, id, json(template.id(), answers), score(answers));
        if (given.containsValue(null)) {
            ctx.scheduler().runLater(Calls.REANALYSE_JOB, java.time.Duration.ZERO);
        }
    }

    /** The score: yes answers over answered questions, 0 to 100; null when none is answered. */
    static Double score(List<Answer> answers) {
        long answered = answers.stream().filter(a -> a.yes() != null).count();
        if (answered == 0) {
            return null;
        }
        long yes = answers.stream().filter(a -> Boolean.TRUE.equals(a.yes())).count();
        return Math.round(1000.0 * yes / answered) / 10.0;
    }

    static String json(String templateId, List<Answer> answers) {
        JsonObject o = Json.createObject();
        o.put("template", templateId);
        JsonArray a = Json.createArray();
        for (Answer x : answers) {
            JsonObject j = Json.createObject();
            j.put("question", x.question());
            j.put("text", x.text());
            if (x.yes() == null) {
                j.put("answer", Json.createNull());
            } else {
                j.put("answer", x.yes());
            }
            j.put("by", x.by());
            if (x.quote() != null) {
                j.put("quote", x.quote());
            }
            if (x.atMs() != null) {
                j.put("atMs", x.atMs());
            }
            a.set(a.length(), j);
        }
        o.put("answers", a);
        return o.toJson();
    }

    /** The template id and answers of a stored scorecard. */
    static Optional<Stored> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        JsonObject o = Json.parse(json);
        List<Answer> answers = new ArrayList<>();
        JsonArray a = o.getArray("answers");
        for (int i = 0; i < a.length(); i++) {
            JsonObject j = a.getObject(i);
            Boolean yes = j.get("answer").getType() == JsonType.BOOLEAN ? j.getBoolean("answer") : null;
            answers.add(new Answer(j.getString("question"), j.getString("text"), yes, j.getString("by"),
                    j.hasKey("quote") ? j.getString("quote") : null,
                    j.hasKey("atMs") ? (long) j.getNumber("atMs") : null));
        }
        return Optional.of(new Stored(o.getString("template"), answers));
    }

    /** A stored scorecard. */
    record Stored(String template, List<Answer> answers) {
    }
}

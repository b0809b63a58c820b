package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.ChatMessage;
import io.catalyst.api.ai.ChatRequest;
import io.catalyst.api.ai.Reply;
import io.catalyst.plugins.calls.transcript.Segment;
import io.catalyst.plugins.calls.transcript.Side;
import io.catalyst.plugins.calls.transcript.Transcript;
import io.catalyst.plugins.calls.transcript.Transcripts;
import io.catalyst.plugins.calls.transcript.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Scorecard questions no tracker can answer ("did the rep play the customer's needs back?"), put to the company's
 * model. Each question sees only its part of the call (its side, its segment), which keeps a check to a few hundred
 * tokens; the answer is kept with the quote and time the model gave, and a person can still overrule it.
 */
final class ModelChecks {

    /** The excerpt a question sees is cut to this many characters. */
    static final int EXCERPT_CHARS = 6_000;

    /** What one check did. */
    record Result(int answered, int unclear, int tokens) {
    }

    private ModelChecks() {
    }

    /**
     * Asks the model the call's open model questions and stores its answers.
     *
     * @throws io.catalyst.api.ai.ModelUnavailable when no model is set up or it fails
     * @throws io.catalyst.api.ai.CreditsExhausted when the company used this month's credits
     */
    static Result run(PluginContext ctx, UUID callId) {
        SalesCall call = CallStore.get(ctx, callId).orElseThrow(() -> PluginProblem.notFound("There is no such"
                + " call."));
        Map<String, Object> detail = CallStore.detail(ctx, callId);
        Scorecards.Stored card = Scorecards.parse((String) detail.get("scorecard")).orElse(null);
        if (card == null || call.transcriptFormat() == null) {
            throw PluginProblem.badRequest("This call has no transcript to check.");
        }
        Scorecards.Template template = Scorecards.template(card.template()).orElse(Scorecards.DISCOVERY);
        Transcript t = Transcripts.parse((String) detail.get("transcript"), call.transcriptFormat(),
                (String) ctx.data().query("select rep_speaker from sales_call where id = ?", callId).get(0)
                        .get("rep_speaker"), call.direction(), call.durationSeconds());
        List<Scorecards.Answer> answers = new ArrayList<>();
        int answered = 0;
        int unclear = 0;
        int tokens = 0;
        for (Scorecards.Answer a : card.answers()) {
            Scorecards.Question q = template.questions().stream().filter(x -> x.id().equals(a.question()))
                    .findFirst().orElse(null);
            if (q == null || !q.byModel() || Scorecards.byPerson(a)) {
                answers.add(a); // a tracker's, a metric's, or a person's: left as it is
                continue;
            }
            String excerpt = excerpt(t, q.side(), q.segment());
            if (excerpt.isEmpty()) {
                answers.add(new Scorecards.Answer(a.question(), a.text(), Boolean.FALSE, "model",
                        "Nothing was said there", null));
                answered++;
                continue;
            }
            Reply reply = ctx.model().chat(new ChatRequest(List.of(ChatMessage.system("You audit sales calls. Answer"
                    + " the question from the excerpt only. Reply with JSON only: {\"answer\": \"yes\" or \"no\","
                    + " \"quote\": the words from the excerpt that show it, \"at\": the [m:ss] time before them}."),
                    ChatMessage.user("Question: " + q.text() + "\n\nExcerpt (" + scope(q) + "):\n" + excerpt)),
                    List.of(), 300));
            tokens += reply.usage().total();
            Scorecards.Answer parsed = parse(a, reply.text(), excerpt);
            answers.add(parsed);
            if (parsed.yes() == null) {
                unclear++;
            } else {
                answered++;
            }
        }
        CallStore.saveScorecard(ctx, callId, Scorecards.json(template.id(), answers), Scorecards.score(answers));
        return new Result(answered, unclear, tokens);
    }

    /** The utterances of a side (null: both) said in a segment, one a line with its time. */
    static String excerpt(Transcript t, Side side, Segment segment) {
        StringBuilder out = new StringBuilder();
        long duration = t.callMs();
        for (Utterance u : t.utterances()) {
            if ((side == null || u.side() == side) && segment.overlaps(u.startMs(), u.endMs(), duration)) {
                out.append('[').append(CallsUi.clock(u.startMs())).append("] ")
                        .append(u.side() == Side.REP ? "Rep: " : "Customer: ").append(u.text()).append('\n');
            }
        }
        // the end is where commitments and play-backs are: keep it when cutting
        return out.length() <= EXCERPT_CHARS ? out.toString() : "…" + out.substring(out.length() - EXCERPT_CHARS);
    }

    /**
     * The model's answer; one that is not the JSON asked for, or whose quote is not in the excerpt, stays open (a
     * quote the call does not contain would justify nothing).
     */
    static Scorecards.Answer parse(Scorecards.Answer question, String reply, String excerpt) {
        String text = reply == null ? "" : reply.strip();
        int from = text.indexOf('{');
        int to = text.lastIndexOf('}');
        try {
            JsonObject o = Json.parse(from >= 0 && to > from ? text.substring(from, to + 1) : text);
            String answer = o.hasKey("answer") && o.get("answer").getType() == JsonType.STRING
                    ? o.getString("answer").strip().toLowerCase(Locale.ROOT) : "";
            String quote = o.hasKey("quote") && o.get("quote").getType() == JsonType.STRING
                    ? o.getString("quote").strip() : null;
            if (!answer.equals("yes") && !answer.equals("no")) {
                return unclear(question, "The model's answer was neither yes nor no");
            }
            if (quote != null && !quote.isEmpty() && !normalised(excerpt).contains(normalised(quote))) {
                return unclear(question, "The model quoted words the call does not have");
            }
            Long at = o.hasKey("at") && o.get("at").getType() == JsonType.STRING ? time(o.getString("at")) : null;
            return new Scorecards.Answer(question.question(), question.text(), answer.equals("yes"), "model",
                    quote == null || quote.isEmpty() ? null : CallStore.cut(quote, 300), at);
        } catch (RuntimeException notJson) {
            return unclear(question, "The model did not answer as asked");
        }
    }

    private static Scorecards.Answer unclear(Scorecards.Answer question, String why) {
        return new Scorecards.Answer(question.question(), question.text(), null, "model", why, null);
    }

    private static String normalised(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Long time(String at) {
        String t = at.replaceAll("[\\[\\]\\s]", "");
        String[] parts = t.split(":");
        try {
            long s = 0;
            for (String p : parts) {
                s = s * 60 + Long.parseLong(p);
            }
            return s * 1000;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String scope(Scorecards.Question q) {
        String who = q.side() == null ? "both sides" : q.side() == Side.REP ? "the rep only" : "the customer only";
        String where = switch (q.segment()) {
            case OPENING -> "the first fifth of the call";
            case MIDDLE -> "the middle of the call";
            case CLOSING -> "the last fifth of the call";
            default -> "the whole call";
        };
        return who + ", " + where;
    }
}

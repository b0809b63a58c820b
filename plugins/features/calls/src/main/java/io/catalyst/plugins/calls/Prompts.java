package io.catalyst.plugins.calls;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.ChatMessage;
import io.catalyst.api.ai.ChatRequest;
import io.catalyst.api.ai.Reply;
import io.catalyst.plugins.calls.transcript.Transcript;
import io.catalyst.plugins.calls.transcript.Utterance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned sales prompts: a call summary, a follow-up email draft and objection handling. A prompt is a template with
 * {@code {{variables}}} from the call, its lead and deal; each change is a new version, and one version of a kind is
 * live. A version runs on a call through the company's model, metered against its AI credits.
 */
final class Prompts {

    static final List<String> KINDS = List.of("summary", "follow-up-email", "objection-handling");
    static final Map<String, String> VARIABLES = variables();
    /** The transcript goes to the model up to this many characters: a long call's end is what follow-ups need. */
    static final int TRANSCRIPT_CHARS = 12_000;
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    /** A stored version. */
    record Version(UUID id, String kind, int version, String body, String note, boolean live, String createdBy,
                   java.time.OffsetDateTime createdAt) {
    }

    /** A version's output on a call, with what it cost. */
    record Output(String text, int inputTokens, int outputTokens) {
    }

    private static final Map<String, String> DEFAULTS = Map.of(
            "summary", "Summarise this sales call between {{rep}} and {{customer}} in five bullet points: the"
                    + " customer's situation and pain, budget, timeline, who decides, and the agreed next step"
                    + " (say \"none\" when there is none). Trackers heard: {{trackers}}.\n\nTranscript:\n{{transcript}}",
            "follow-up-email", "Write a short follow-up email from {{rep}} to {{customer}} after this call. Thank"
                    + " them, recap what they need in their words, confirm the next step with its date, and stay"
                    + " under 150 words. Deal: {{deal}}.\n\nTranscript:\n{{transcript}}",
            "objection-handling", "List each objection {{customer}} raised in this call, how {{rep}} answered it,"
                    + " and a better answer grounded in what the customer said. Objections heard by the trackers:"
                    + " {{trackers}}.\n\nTranscript:\n{{transcript}}");

    private Prompts() {
    }

    private static Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("transcript", "the transcript, one utterance a line: \"Rep: …\" or \"Customer: …\"");
        v.put("customer", "the customer's name, or their number");
        v.put("rep", "the rep");
        v.put("deal", "the deal's name, stage and amount, or \"no deal\"");
        v.put("trackers", "the trackers heard, e.g. \"Budget, Next steps\"");
        v.put("talk_ratio", "the rep's share of the talk, e.g. \"62%\"");
        return v;
    }

    /** Every version of a kind, newest first; the defaults are written as version 1 the first time. */
    static List<Version> versions(PluginContext ctx, String kind) {
        kind(kind);
        List<Version> found = read(ctx, kind);
        if (found.isEmpty()) {
            ctx.data().update("insert into sales_prompt (id, kind, version, body, note, live, created_by) values"
                    + " (?, ?, 1, ?, 'as Catalyst ships it', true, 'catalyst') on conflict do nothing",
                    UUID.randomUUID(), kind, DEFAULTS.get(kind));
            found = read(ctx, kind);
        }
        return found;
    }

    private static List<Version> read(PluginContext ctx, String kind) {
        return ctx.data().query("select id, kind, version, body, note, live, created_by, created_at from sales_prompt"
                + " where kind = ? order by version desc", kind).stream().map(Prompts::of).toList();
    }

    static Optional<Version> get(PluginContext ctx, UUID id) {
        return ctx.data().query("select id, kind, version, body, note, live, created_by, created_at from sales_prompt"
                + " where id = ?", id).stream().findFirst().map(Prompts::of);
    }

    static Version live(PluginContext ctx, String kind) {
        return versions(ctx, kind).stream().filter(Version::live).findFirst()
                .orElseGet(() -> versions(ctx, kind).get(0));
    }

    /** A new version of a kind, after checking its variables; not live until promoted. */
    static Version create(PluginContext ctx, String kind, String body, String note, String by) {
        kind(kind);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 20_000) {
            throw PluginProblem.badRequest("A prompt has 1 to 20,000 characters.");
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!VARIABLES.containsKey(m.group(1))) {
                throw PluginProblem.badRequest("{{" + m.group(1) + "}} is not a variable; the variables are "
                        + String.join(", ", VARIABLES.keySet().stream().map(v -> "{{" + v + "}}").toList()) + ".");
            }
        }
        int next = versions(ctx, kind).stream().mapToInt(Version::version).max().orElse(0) + 1;
        UUID id = UUID.randomUUID();
        ctx.data().update("insert into sales_prompt (id, kind, version, body, note, live, created_by) values"
                + " (?, ?, ?, ?, ?, false, ?)", id, kind, next, text, note == null ? null : CallStore.cut(note.strip(),
                500), by);
        return get(ctx, id).orElseThrow();
    }

    /** Makes a version the live one of its kind. */
    static Version promote(PluginContext ctx, UUID id) {
        Version v = get(ctx, id).orElseThrow(() -> PluginProblem.notFound("There is no such prompt version."));
        // the old one off first: a unique index is checked row by row, so one statement flipping both could see two
        ctx.data().update("update sales_prompt set live = false where kind = ? and live and id <> ?", v.kind(), id);
        ctx.data().update("update sales_prompt set live = true where id = ?", id);
        return get(ctx, id).orElseThrow();
    }

    /** The prompt with the call's values in place of its variables. */
    static String render(String body, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A call's values for the variables. */
    static Map<String, String> values(Transcript t, String customer, String rep, String deal, List<String> trackers,
                                      Double talkRatio) {
        Map<String, String> v = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        List<Utterance> us = t == null ? List.of() : t.utterances();
        for (Utterance u : us) {
            text.append(u.side() == io.catalyst.plugins.calls.transcript.Side.REP ? "Rep: " : "Customer: ")
                    .append(u.text()).append('\n');
        }
        // the end of a long call matters most (objections, next steps): keep the end when cutting
        String transcript = text.length() <= TRANSCRIPT_CHARS ? text.toString()
                : "…" + text.substring(text.length() - TRANSCRIPT_CHARS);
        v.put("transcript", transcript);
        v.put("customer", customer == null ? "the customer" : customer);
        v.put("rep", rep == null ? "the rep" : CallsUi.repName(rep));
        v.put("deal", deal == null ? "no deal" : deal);
        v.put("trackers", trackers.isEmpty() ? "none" : String.join(", ", new java.util.LinkedHashSet<>(trackers)));
        v.put("talk_ratio", CallsUi.percent(talkRatio));
        return v;
    }

    /**
     * Runs a version on a call's values through the company's model.
     *
     * @throws io.catalyst.api.ai.ModelUnavailable when no model is set up or it fails
     * @throws io.catalyst.api.ai.CreditsExhausted when the company used this month's credits
     */
    static Output run(PluginContext ctx, Version version, Map<String, String> values) {
        Reply reply = ctx.model().chat(ChatRequest.of(List.of(ChatMessage.system("You help a sales team. Answer"
                + " only from the call below; do not invent figures, names or dates."),
                ChatMessage.user(render(version.body(), values)))));
        return new Output(reply.text(), reply.usage().inputTokens(), reply.usage().outputTokens());
    }

    static String kind(String kind) {
        if (kind == null || !KINDS.contains(kind)) {
            throw PluginProblem.badRequest("kind is " + String.join(", ", KINDS));
        }
        return kind;
    }

    static String label(String kind) {
        return switch (kind) {
            case "summary" -> "Call summary";
            case "follow-up-email" -> "Follow-up email";
            default -> "Objection handling";
        };
    }

    private static Version of(Map<String, Object> r) {
        return new Version((UUID) r.get("id"), (String) r.get("kind"), (Integer) r.get("version"),
                (String) r.get("body"), (String) r.get("note"), (Boolean) r.get("live"), (String) r.get("created_by"),
                (java.time.OffsetDateTime) r.get("created_at"));
    }

    /** The kinds with their live versions, for a run's record. */
    static Map<String, UUID> liveIds(PluginContext ctx) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String kind : KINDS) {
            ids.put(kind, live(ctx, kind).id());
        }
        return ids;
    }

    static List<String> names(List<io.catalyst.plugins.calls.transcript.TrackerHit> hits) {
        List<String> names = new ArrayList<>();
        hits.forEach(h -> names.add(h.tracker()));
        return names;
    }
}

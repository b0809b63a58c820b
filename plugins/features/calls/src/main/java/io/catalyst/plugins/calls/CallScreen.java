package io.catalyst.plugins.calls;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.UserInfo;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.plugins.calls.transcript.Transcripts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * A call's audit page: who and when, its lead and deal, the speaker timeline with the trackers heard, the metrics
 * with their formulas, the scorecard with the quotes that justify each answer, and the transcript.
 */
@Extension
public class CallScreen implements UiScreen {

    @Override
    public String route() {
        return "call";
    }

    @Override
    public String title() {
        return "Call";
    }

    @Override
    public String navIcon() {
        return "vaadin:phone";
    }

    @Override
    public boolean inNavigation() {
        return false;
    }

    @Override
    public String requiredPermission() {
        return Calls.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        return create(ctx, Map.of());
    }

    @Override
    public Component create(PluginContext ctx, Map<String, List<String>> parameters) {
        Div screen = CallsUi.screen("calls-call");
        UUID id = parameters.getOrDefault("id", List.of()).stream().findFirst().map(CallScreen::uuid).orElse(null);
        SalesCall call = id == null ? null : CallStore.get(ctx, id).orElse(null);
        screen.add(CallsUi.link("plugins/calls/calls", "← All calls"));
        if (call == null) {
            screen.add(new EmptyState(VaadinIcon.PHONE, "No such call", "It may have been deleted, or the address is"
                    + " not one of your company's calls."));
            return screen;
        }
        fill(ctx, screen, call);
        return screen;
    }

    private static void fill(PluginContext ctx, Div screen, SalesCall call) {
        ZoneId zone = ctx.tenant().timezone();
        Map<String, Object> detail = CallStore.detail(ctx, call.id());
        H2 title = new H2(call.customer());
        title.setId("calls-call-title");
        screen.add(title);
        List<String> facts = new ArrayList<>();
        facts.add(CallsUi.when(call.startedAt(), zone));
        Integer seconds = call.durationSeconds();
        if (seconds == null && detail.get("metrics") != null) {
            // an imported transcript without a stated duration: as long as its talk
            seconds = (int) (Json.parse((String) detail.get("metrics")).getNumber("durationMs") / 1000);
        }
        facts.add(CallsUi.duration(seconds));
        if (call.direction() != null) {
            facts.add(call.direction());
        }
        if (call.rep() != null) {
            facts.add("rep " + CallsUi.repName(call.rep()));
        }
        if (call.sourceName() != null) {
            facts.add("from " + call.sourceName() + (call.campaign() == null ? "" : " (" + call.campaign() + ")"));
        }
        Paragraph about = new Paragraph(String.join(" · ", facts));
        about.getStyle().set("color", "var(--lumo-secondary-text-color)");
        screen.add(about, crm(call));
        if (call.recordingUrl() != null && call.recordingUrl().startsWith("https://")) {
            Anchor recording = new Anchor(call.recordingUrl(), "Recording at the provider");
            recording.setTarget("_blank");
            recording.getElement().setAttribute("rel", "noopener noreferrer");
            screen.add(new Div(recording));
        }
        if (call.analysisError() != null) {
            Paragraph error = new Paragraph("The transcript could not be read: " + call.analysisError());
            error.setId("calls-call-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            screen.add(error);
        }
        JsonArray utterances = array(detail.get("utterances"));
        if (utterances == null) {
            screen.add(new EmptyState(VaadinIcon.FILE_TEXT_O, "No transcript", Boolean.FALSE.equals(call.answered())
                    ? "Nobody answered this call." : "The provider sent no transcript for this call."));
            return;
        }
        JsonObject metrics = Json.parse((String) detail.get("metrics"));
        JsonArray hits = array(detail.get("hits"));
        screen.add(timeline(utterances, hits, metrics.getNumber("durationMs")));
        screen.add(new H3("Metrics"), metrics(metrics));
        if (call.followUp() != null) {
            Paragraph follow = new Paragraph("A follow-up task was asked for: \"" + call.followUp() + "\"");
            follow.setId("calls-call-follow-up");
            screen.add(follow);
        }
        screen.add(new H3("Trackers heard"), hits(hits));
        screen.add(assist(ctx, call, detail, hits));
        Div card = new Div();
        card.setId("calls-scorecard");
        scorecard(ctx, card, call.id());
        screen.add(card);
        screen.add(new H3("Transcript"), transcript(utterances, hits));
    }

    private static Component crm(SalesCall call) {
        Div crm = CallsUi.row();
        crm.setId("calls-call-crm");
        if (call.contactId() == null) {
            crm.add(new Span("Not matched to a CRM contact (by number or email)."));
            return crm;
        }
        crm.add(new Span("Contact: " + (call.contactName() == null ? call.contactId() : call.contactName())));
        if (call.dealId() != null) {
            crm.add(new Span("Deal: " + (call.dealName() == null ? call.dealId() : call.dealName())
                    + (call.dealStage() == null ? "" : " (" + CallsUi.stage(call.dealStage()) + ")")
                    + (call.dealAmount() == null ? "" : ", " + CallsUi.amount(call.dealAmount()))), CallsUi.deal(call));
        }
        return crm;
    }

    /** Who spoke when, rep above and customer below, with a mark for each tracker heard. */
    private static Component timeline(JsonArray utterances, JsonArray hits, double durationMs) {
        Div box = new Div();
        box.setId("calls-timeline");
        box.getStyle().set("position", "relative").set("height", "64px").set("margin", "var(--lumo-space-m) 0")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)");
        double total = Math.max(1, durationMs);
        for (int i = 0; i < utterances.length(); i++) {
            JsonObject u = utterances.getObject(i);
            boolean rep = "REP".equals(u.getString("side"));
            Div bar = new Div();
            bar.addClassName(rep ? "calls-timeline-rep" : "calls-timeline-customer");
            bar.getStyle().set("position", "absolute").set("top", rep ? "6px" : "34px").set("height", "22px")
                    .set("left", pct(u.getNumber("start") / total))
                    .set("width", "max(1px, " + pct((u.getNumber("end") - u.getNumber("start")) / total) + ")")
                    .set("background", rep ? CallsUi.REP_COLOUR : CallsUi.CUSTOMER_COLOUR);
            bar.getElement().setAttribute("title", (rep ? "Rep " : "Customer ") + CallsUi.clock((long) u.getNumber(
                    "start")));
            box.add(bar);
        }
        for (int i = 0; i < hits.length(); i++) {
            JsonObject h = hits.getObject(i);
            Anchor mark = new Anchor("#u-" + (int) h.getNumber("utterance"), "");
            mark.addClassName("calls-timeline-hit");
            mark.getStyle().set("position", "absolute").set("top", "0").set("bottom", "0").set("width", "2px")
                    .set("left", pct(h.getNumber("atMs") / total)).set("background", "var(--lumo-contrast-80pct)");
            mark.getElement().setAttribute("title", h.getString("tracker") + " at " + CallsUi.clock((long) h.getNumber(
                    "atMs")));
            mark.getElement().setAttribute("aria-label", h.getString("tracker") + " at " + CallsUi.clock(
                    (long) h.getNumber("atMs")));
            box.add(mark);
        }
        Div legend = CallsUi.row();
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)");
        legend.add(swatch(CallsUi.REP_COLOUR, "Rep"), swatch(CallsUi.CUSTOMER_COLOUR, "Customer"),
                swatch("var(--lumo-contrast-80pct)", "Tracker heard"));
        return new Div(box, legend);
    }

    private static Span swatch(String colour, String label) {
        Span dot = new Span();
        dot.getStyle().set("display", "inline-block").set("width", "0.8em").set("height", "0.8em")
                .set("background", colour).set("margin-right", "0.3em").set("border-radius", "2px");
        Span s = new Span(dot, new Span(label));
        return s;
    }

    private static Component metrics(JsonObject m) {
        JsonObject rep = m.getObject("rep");
        JsonObject customer = m.getObject("customer");
        Div out = CallsUi.tiles(
                CallsUi.tile("calls-m-talk", "Rep talk ratio", CallsUi.percent(m.getNumber("talkRatio")),
                        "Rep talk time ÷ (rep + customer talk time)"),
                CallsUi.tile("calls-m-monologue", "Longest rep monologue",
                        CallsUi.clock((long) rep.getNumber("longestMonologueMs")),
                        "The longest run of rep utterances with no customer utterance in between"),
                CallsUi.tile("calls-m-customer-story", "Longest customer story",
                        CallsUi.clock((long) customer.getNumber("longestMonologueMs")), null),
                CallsUi.tile("calls-m-questions", "Rep questions (" + (int) rep.getNumber("questions") + ")",
                        CallsUi.number(rep.getNumber("questionsPerMinute"), 1) + "/min",
                        "Sentences ending in ? ÷ call minutes"),
                CallsUi.tile("calls-m-customer-questions", "Customer questions",
                        String.valueOf((int) customer.getNumber("questions")), null),
                CallsUi.tile("calls-m-patience", "Patience", m.hasKey("patienceSeconds")
                        ? CallsUi.number(m.getNumber("patienceSeconds"), 1) + " s" : "–",
                        "Mean pause before the rep speaks after the customer stops"),
                CallsUi.tile("calls-m-interactivity", "Interactivity",
                        CallsUi.number(m.getNumber("interactivity"), 1) + "/min",
                        "Changes of speaker ÷ call minutes"),
                CallsUi.tile("calls-m-wpm", "Rep words per minute",
                        CallsUi.number(rep.getNumber("wordsPerMinute"), 0), "Rep words ÷ rep talk minutes"),
                CallsUi.tile("calls-m-fillers", "Rep filler words", CallsUi.number(rep.getNumber(
                        "fillersPer100Words"), 1) + " per 100", "um, uh, you know, I mean… ÷ words × 100"),
                CallsUi.tile("calls-m-interruptions", "Interruptions (rep / customer)",
                        (int) m.getNumber("repInterruptions") + " / " + (int) m.getNumber("customerInterruptions"),
                        "An utterance that starts before the other side's ends"));
        out.setId("calls-metrics");
        return new Div(out, CallsUi.link("plugins/calls/team", "How these are computed, and the team's figures"));
    }

    /** The live sales prompts run on this call, and (for analysts) the call saved as a test case. */
    private static Component assist(PluginContext ctx, SalesCall call, Map<String, Object> detail, JsonArray hits) {
        Div box = new Div();
        box.setId("calls-assist");
        Select<String> kind = new Select<>();
        kind.setItems(Prompts.KINDS);
        kind.setItemLabelGenerator(Prompts::label);
        kind.setValue(Prompts.KINDS.get(0));
        kind.setAriaLabel("Prompt");
        Pre output = new Pre();
        output.setId("calls-assist-output");
        output.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit");
        Button run = new Button("Ask the model", e -> {
            try {
                var t = Transcripts.parse((String) detail.get("transcript"), call.transcriptFormat(),
                        repSpeaker(ctx, call), call.direction(), call.durationSeconds());
                List<String> heard = new ArrayList<>();
                for (int i = 0; i < hits.length(); i++) {
                    heard.add(hits.getObject(i).getString("tracker"));
                }
                String deal = call.dealId() == null ? null : call.dealName() + " (" + CallsUi.stage(call.dealStage())
                        + (call.dealAmount() == null ? "" : ", " + CallsUi.amount(call.dealAmount())) + ")";
                Prompts.Version live = Prompts.live(ctx, kind.getValue());
                Prompts.Output o = Prompts.run(ctx, live, Prompts.values(t, call.customer(), call.rep(), deal, heard,
                        call.talkRatio()));
                output.setText(o.text() + "\n\n(" + Prompts.label(kind.getValue()) + " v" + live.version() + ", "
                        + (o.inputTokens() + o.outputTokens()) + " tokens)");
            } catch (io.catalyst.api.ai.ModelException m) {
                output.setText(m.getMessage());
            } catch (io.catalyst.plugins.calls.transcript.TranscriptException bad) {
                output.setText("The transcript cannot be read: " + bad.getMessage());
            }
        });
        run.setId("calls-assist-run");
        Div row = CallsUi.row();
        row.add(kind, run, CallsUi.link("plugins/calls/prompts", "Sales prompts"));
        box.add(new H3("Ask the model"), row, output);
        if (ctx.isPermitted(Calls.MANAGE)) {
            Paragraph saved = new Paragraph();
            saved.setId("calls-test-saved");
            Button save = new Button("Save as a test case", e -> {
                try {
                    CallTests.TestCase c = CallTests.fromCall(ctx, call.id(), null, ctx.user().map(UserInfo::email)
                            .orElse("someone"));
                    saved.setText("Saved as the test case \"" + c.name() + "\" with " + c.expectations().size()
                            + " expectations.");
                } catch (PluginProblem p) {
                    saved.setText(p.detail());
                }
            });
            save.setId("calls-save-test");
            save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div tests = CallsUi.row();
            tests.add(save, CallsUi.link("plugins/calls/tests", "Call tests"));
            box.add(tests, saved);
        }
        return box;
    }

    private static String repSpeaker(PluginContext ctx, SalesCall call) {
        return ctx.data().query("select rep_speaker from sales_call where id = ?", call.id()).stream().findFirst()
                .map(r -> (String) r.get("rep_speaker")).orElse(null);
    }

    private static Component hits(JsonArray hits) {
        Div list = new Div();
        list.setId("calls-hits");
        if (hits.length() == 0) {
            list.add(new Paragraph("No tracker was heard in this call."));
            return list;
        }
        for (int i = 0; i < hits.length(); i++) {
            JsonObject h = hits.getObject(i);
            Div line = new Div();
            line.addClassName("calls-hit");
            Anchor at = new Anchor("#u-" + (int) h.getNumber("utterance"), CallsUi.clock((long) h.getNumber("atMs")));
            Span name = new Span(h.getString("tracker"));
            name.getElement().getThemeList().add("badge");
            Span quote = new Span(" " + CallsUi.side(h.getString("side")) + ": \"" + h.getString("quote") + "\"");
            quote.getStyle().set("color", "var(--lumo-secondary-text-color)");
            line.add(name, new Span(" "), at, quote);
            line.getStyle().set("padding", "var(--lumo-space-xs) 0");
            list.add(line);
        }
        return list;
    }

    private static void scorecard(PluginContext ctx, Div card, UUID id) {
        card.removeAll();
        Map<String, Object> detail = CallStore.detail(ctx, id);
        Scorecards.Stored stored = Scorecards.parse((String) detail.get("scorecard")).orElse(null);
        if (stored == null) {
            return;
        }
        String name = Scorecards.template(stored.template()).map(Scorecards.Template::name).orElse("Scorecard");
        Double score = Scorecards.score(stored.answers());
        H3 head = new H3(name + ": " + (score == null ? "not scored" : Math.round(score) + "%"));
        head.setId("calls-scorecard-title");
        card.add(head);
        boolean may = ctx.isPermitted(Calls.MANAGE);
        long open = stored.answers().stream().filter(a -> "model".equals(a.by()) && a.yes() == null).count();
        if (may && open > 0) {
            // the model answers only what no tracker can, on its part of the call: a few hundred tokens a question
            Paragraph said = new Paragraph();
            said.setId("calls-model-check-result");
            Button check = new Button("Answer with the model (" + open + (open == 1 ? " question)" : " questions)"),
                    e -> {
                        try {
                            ModelChecks.Result r = ModelChecks.run(ctx, id);
                            scorecard(ctx, card, id);
                            card.add(new Paragraph("The model answered " + r.answered() + (r.unclear() == 0 ? ""
                                    : ", " + r.unclear() + " unclear") + " (" + r.tokens() + " tokens)."));
                        } catch (io.catalyst.api.ai.ModelException | PluginProblem m) {
                            said.setText(m.getMessage());
                        }
                    });
            check.setId("calls-model-check");
            check.addThemeVariants(ButtonVariant.LUMO_SMALL);
            card.add(check, said);
        }
        for (Scorecards.Answer a : stored.answers()) {
            Div line = CallsUi.row();
            line.addClassName("calls-answer");
            line.getElement().setAttribute("data-question", a.question());
            line.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            Span verdict = new Span(a.yes() == null ? "—" : a.yes() ? "Yes" : "No");
            verdict.addClassName("calls-answer-verdict");
            verdict.getStyle().set("min-width", "2.6em").set("justify-content", "center");
            verdict.getElement().getThemeList().add("badge " + (a.yes() == null ? "contrast" : a.yes() ? "success"
                    : "error"));
            Div text = new Div(new Span(a.text()));
            text.getStyle().set("flex", "1 1 18em");
            boolean modelOpen = "model".equals(a.by()) && a.yes() == null;
            String why = modelOpen ? (a.quote() != null ? a.quote() : "The model answers it: \"Answer with the"
                    + " model\", or answer it yourself")
                    : a.quote() == null ? ("tracker".equals(a.by()) && a.yes() == null
                    ? "No tracker answers it: answer it yourself" : null)
                    : (a.atMs() == null ? "" : CallsUi.clock(a.atMs()) + " ") + "\"" + a.quote() + "\"";
            String source = Scorecards.byPerson(a) ? "answered by " + a.by() : a.yes() == null ? null
                    : "by the " + a.by();
            Span small = new Span(String.join(" · ", java.util.stream.Stream.of(why, source)
                    .filter(java.util.Objects::nonNull).toList()));
            small.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
            text.add(small);
            line.add(verdict, text);
            if (may) {
                line.add(answerButton(ctx, card, id, a, Boolean.TRUE, "Yes"),
                        answerButton(ctx, card, id, a, Boolean.FALSE, "No"));
                if (Scorecards.byPerson(a)) {
                    line.add(answerButton(ctx, card, id, a, null, "Automatic"));
                }
            }
            card.add(line);
        }
    }

    private static Button answerButton(PluginContext ctx, Div card, UUID id, Scorecards.Answer a, Boolean value,
                                       String label) {
        Button b = new Button(label, e -> {
            Map<String, Boolean> given = new HashMap<>();
            given.put(a.question(), value);
            try {
                Scorecards.give(ctx, id, given, ctx.user().map(UserInfo::email).orElse("someone"));
            } catch (PluginProblem p) {
                card.add(new Paragraph(p.detail()));
                return;
            }
            if (value == null) {
                UI.getCurrent().getPage().reload(); // the trackers answer it again in a moment
            } else {
                scorecard(ctx, card, id);
            }
        });
        b.addClassName("calls-answer-" + label.toLowerCase(java.util.Locale.ROOT));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private static Component transcript(JsonArray utterances, JsonArray hits) {
        Map<Integer, List<String>> heard = new LinkedHashMap<>();
        for (int i = 0; i < hits.length(); i++) {
            JsonObject h = hits.getObject(i);
            heard.computeIfAbsent((int) h.getNumber("utterance"), k -> new ArrayList<>()).add(h.getString("tracker"));
        }
        Div list = new Div();
        list.setId("calls-transcript");
        for (int i = 0; i < utterances.length(); i++) {
            JsonObject u = utterances.getObject(i);
            boolean rep = "REP".equals(u.getString("side"));
            Div line = new Div();
            line.setId("u-" + i);
            line.addClassName("calls-utterance");
            line.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("margin", "2px 0")
                    .set("border-left", "3px solid " + (rep ? CallsUi.REP_COLOUR : CallsUi.CUSTOMER_COLOUR));
            Span who = new Span((rep ? "Rep" : "Customer") + " (" + u.getString("speaker") + ") · "
                    + CallsUi.clock((long) u.getNumber("start")));
            who.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)")
                    .set("color", "var(--lumo-secondary-text-color)");
            line.add(who, new Span(u.getString("text")));
            for (String t : heard.getOrDefault(i, List.of())) {
                Span badge = new Span(t);
                badge.getElement().getThemeList().add("badge small");
                badge.getStyle().set("margin-left", "var(--lumo-space-xs)");
                line.add(badge);
            }
            list.add(line);
        }
        return list;
    }

    private static String pct(double share) {
        return String.format(java.util.Locale.ROOT, "%.3f%%", Math.max(0, Math.min(1, share)) * 100);
    }

    private static JsonArray array(Object json) {
        return json == null ? null : Json.instance().parse((String) json);
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package io.catalyst.plugins.calls;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * The team's benchmarks: each rep's call metrics against the team's and the top performers', which metrics go with
 * won deals in this company, and the formulas.
 */
@Extension
public class TeamScreen implements UiScreen {

    @Override
    public String route() {
        return "team";
    }

    @Override
    public String title() {
        return "Sales team benchmarks";
    }

    @Override
    public String navLabel() {
        return "Sales team";
    }

    @Override
    public String navIcon() {
        return "vaadin:group";
    }

    @Override
    public String requiredPermission() {
        return Calls.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        Div screen = CallsUi.screen("calls-team");
        Select<Integer> days = CallsUi.days(90);
        days.setId("calls-team-period");
        Div body = new Div();
        days.addValueChangeListener(e -> fill(ctx, body, e.getValue()));
        screen.add(CallsUi.link("plugins/calls/calls", "← All calls"), new H2("Sales team benchmarks"), days, body);
        fill(ctx, body, days.getValue());
        return screen;
    }

    private static void fill(PluginContext ctx, Div body, int days) {
        body.removeAll();
        Instant[] range = CallsUi.range(ctx.metrics().today(), days, ctx.tenant().timezone());
        List<Team.Rep> reps = Team.reps(ctx, range[0], range[1]);
        if (reps.isEmpty()) {
            body.add(new EmptyState(VaadinIcon.GROUP, "No calls in this period", "Benchmarks appear once calls"
                    + " with transcripts come in."));
            return;
        }
        List<Team.Rep> top = Team.top(reps);
        Paragraph about = new Paragraph("Each rep's averages over their analysed calls. Top performers (★) are the"
                + " best third of reps by deals won of deals decided, with at least two decided"
                + (top.isEmpty() ? ": none yet" : ": " + String.join(", ", top.stream().map(r -> CallsUi.repName(
                        r.rep())).toList())) + ". Green is nearer the top performers than the team is.");
        about.getStyle().set("color", "var(--lumo-secondary-text-color)");
        body.add(about, table(reps, top));
        body.add(new H3("Week by week"), trend(ctx, range));
        body.add(new H3("What goes with won deals here"), signals(ctx, range));
        body.add(new H3("How the metrics are computed"), formulas());
    }

    private static Component table(List<Team.Rep> reps, List<Team.Rep> top) {
        Div wrap = new Div();
        wrap.setId("calls-team-table");
        wrap.getStyle().set("overflow-x", "auto");
        StringBuilder cols = new StringBuilder("minmax(12em, 2fr) repeat(" + (Team.Metric.values().length + 2)
                + ", minmax(6.5em, 1fr))");
        Div grid = new Div();
        grid.getStyle().set("display", "grid").set("grid-template-columns", cols.toString())
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-s)").set("min-width", "72em")
                .set("font-size", "var(--lumo-font-size-s)");
        grid.add(head("Rep"), head("Calls"), head("Won / decided"));
        for (Team.Metric m : Team.Metric.values()) {
            grid.add(head(m.label));
        }
        for (Team.Rep r : reps) {
            Span name = new Span(CallsUi.repName(r.rep()) + (top.contains(r) ? " ★" : ""));
            name.getElement().setAttribute("title", r.rep());
            name.addClassName("calls-team-rep");
            name.getStyle().set("overflow-wrap", "anywhere");
            grid.add(name, new Span(r.calls() + " (" + r.transcribed() + " analysed)"),
                    new Span(r.won() + " / " + (r.won() + r.lost())));
            for (Team.Metric m : Team.Metric.values()) {
                grid.add(cell(r.means().get(m), Team.teamMean(reps, m), Team.teamMean(top, m), m));
            }
        }
        grid.add(head("Team"), new Span(""), new Span(""));
        for (Team.Metric m : Team.Metric.values()) {
            grid.add(new Span(format(Team.teamMean(reps, m), m)));
        }
        grid.add(head("Top performers"), new Span(""), new Span(""));
        for (Team.Metric m : Team.Metric.values()) {
            grid.add(new Span(format(Team.teamMean(top, m), m)));
        }
        wrap.add(grid);
        return wrap;
    }

    private static Span head(String text) {
        Span s = new Span(text);
        s.getStyle().set("font-weight", "600");
        return s;
    }

    // green when the rep is nearer the top performers' mean than the team's mean is
    private static Span cell(Double value, Double team, Double best, Team.Metric m) {
        Span s = new Span(format(value, m));
        if (value != null && team != null && best != null && Math.abs(best - team) > 1e-9) {
            boolean closer = Math.abs(value - best) < Math.abs(team - best);
            s.getStyle().set("color", closer ? "var(--lumo-success-text-color)" : "var(--lumo-body-text-color)");
        }
        return s;
    }

    static String format(Double v, Team.Metric m) {
        if (v == null) {
            return "–";
        }
        return switch (m) {
            case TALK_RATIO -> CallsUi.percent(v);
            case SCORE -> Math.round(v) + "%";
            case MONOLOGUE, PATIENCE -> CallsUi.number(v, 1) + " s";
            case PACE -> CallsUi.number(v, 0);
            default -> CallsUi.number(v, 2);
        };
    }

    /** The team's calls per week with their mean scorecard and rep talk ratio: is coaching moving them? */
    private static Component trend(PluginContext ctx, Instant[] range) {
        Div out = new Div();
        out.setId("calls-trend");
        java.time.format.DateTimeFormatter week = java.time.format.DateTimeFormatter.ofPattern("d MMM",
                Locale.ENGLISH);
        for (java.util.Map<String, Object> w : Team.weekly(ctx, null, range[0], range[1])) {
            java.time.OffsetDateTime start = (java.time.OffsetDateTime) w.get("week");
            Double score = SalesCall.number(w.get("score"));
            Div line = new Div(new Span("Week of " + week.format(start.atZoneSameInstant(ctx.tenant().timezone()))
                    + ": " + w.get("calls") + " calls, scorecard " + (score == null ? "–" : Math.round(score) + "%")
                    + ", rep talk ratio " + CallsUi.percent(SalesCall.number(w.get("talk_ratio")))));
            line.addClassName("calls-trend-week");
            line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "2px 0");
            out.add(line);
        }
        return out;
    }

    private static Component signals(PluginContext ctx, Instant[] range) {
        Div out = new Div();
        out.setId("calls-win-signals");
        List<Team.WinSignal> signals = Team.winSignals(ctx, range[0], range[1]);
        if (signals.isEmpty()) {
            out.add(new Paragraph("Not enough calls on won and lost deals yet: at least five of each."));
            return out;
        }
        for (Team.WinSignal s : signals) {
            String size = Math.abs(s.effect()) >= 0.8 ? "a large" : Math.abs(s.effect()) >= 0.5 ? "a clear"
                    : Math.abs(s.effect()) >= 0.2 ? "a small" : "no real";
            Div line = new Div(new Span(s.metric().label + ": " + format(s.won(), s.metric()) + " on won deals' calls"
                    + " against " + format(s.lost(), s.metric()) + " on lost ones (" + s.wonCalls() + " and "
                    + s.lostCalls() + " calls): " + size + " difference, Cohen's d "
                    + String.format(Locale.ENGLISH, "%+.2f", s.effect()) + "."));
            line.addClassName("calls-win-signal");
            line.getStyle().set("padding", "var(--lumo-space-xs) 0");
            out.add(line);
        }
        return out;
    }

    private static Component formulas() {
        Div out = new Div();
        out.setId("calls-formulas");
        String[][] rows = {
            {"Talk ratio", "rep talk time ÷ (rep + customer talk time); talk time sums each utterance's end − start"},
            {"Longest monologue", "the longest run of one side's consecutive utterances, first start to last end"},
            {"Questions per minute", "sentences ending in \"?\" ÷ call minutes"},
            {"Patience", "mean pause from the end of a customer utterance to the start of the rep's next one"},
            {"Interactivity", "changes of speaker between consecutive utterances ÷ call minutes"},
            {"Words per minute", "the side's words ÷ its talk minutes"},
            {"Filler words", "um, uh, er, ah, hmm, you know, I mean, kind of, sort of, \"like,\" per 100 words"},
            {"Interruptions", "an utterance that starts before the other side's previous utterance ended"},
            {"Scorecard", "questions answered yes ÷ questions answered, × 100"}};
        for (String[] r : rows) {
            Div line = new Div(new Span(r[0] + ": "), new Span(r[1]));
            line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "2px 0");
            out.add(line);
        }
        return out;
    }
}

package io.catalyst.plugins.recommendations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.ui.kit.Chart;
import io.catalyst.api.ui.kit.ChartOptions;
import io.catalyst.api.ui.kit.Kit;
import io.catalyst.plugins.recommendations.rules.Evidence;
import io.catalyst.plugins.recommendations.rules.Kind;
import io.catalyst.plugins.recommendations.rules.Stats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A recommendation's card (list and detail), its evidence chart and its action buttons. Wraps at phone width. */
final class RecoCards {

    private RecoCards() {
    }

    static Div card(PluginContext ctx, Kit kit, Reco r, boolean detail, Runnable changed) {
        Div card = new Div();
        card.addClassName("reco-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "8px")
                .set("padding", "var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-m)")
                .set("box-sizing", "border-box").set("max-width", "100%");
        LocalDate today = ctx.metrics().today();
        Div tags = row();
        tags.add(tag(label(r.kind())), tag(r.channel()), tag(r.shownStatus(today).toLowerCase(Locale.ROOT)));
        if (r.snoozedUntil() != null && Reco.SNOOZED.equals(r.shownStatus(today))) {
            tags.add(tag("until " + r.snoozedUntil()));
        }
        H3 title = new H3(r.title()); // names are shown as text, never as markup
        title.getStyle().set("margin", "var(--lumo-space-s) 0").set("overflow-wrap", "anywhere");
        Paragraph text = new Paragraph(r.body());
        text.getStyle().set("overflow-wrap", "anywhere");
        Div figures = row();
        figures.add(figure("Expected impact", impact(kit, r)),
                figure("Confidence", Stats.level(r.confidence()) + " (" + Math.round(r.confidence() * 100) + "%)"),
                figure("Words by", r.phrasedBy()));
        card.add(tags, title, text, figures);
        Chart chart = chart(kit, r);
        chart.setHeight(detail ? "320px" : "140px");
        card.add(chart);
        if (detail) {
            Paragraph how = new Paragraph("How the confidence is computed: " + r.confidenceNote());
            how.getStyle().set("font-size", "var(--lumo-font-size-s)").set("overflow-wrap", "anywhere");
            card.add(how, facts(r));
            if (r.outcomeMetric() != null) {
                card.add(new Paragraph("Outcome (" + r.outcomeMetric() + ", 14 days before vs after acceptance): "
                        + (r.outcomeAfter() == null ? "measured on " + r.outcomeDue()
                        : num(r.outcomeBefore()) + " → " + num(r.outcomeAfter())
                        + (Boolean.TRUE.equals(Outcomes.improved(r)) ? " (improved)" : " (not improved)"))));
            }
        } else {
            card.add(new Anchor(Recommendations.link(r.id()), "Details"));
        }
        // a shared, signed-out view has no user: it shows the figures but never the buttons
        if (r.live() && ctx.user().isPresent() && ctx.isPermitted(Recommendations.ACT)) {
            card.add(actions(ctx, r, changed));
        }
        return card;
    }

    private static Div actions(PluginContext ctx, Reco r, Runnable changed) {
        Div bar = row();
        Checkbox task = new Checkbox("Make a task", true);
        Button accept = new Button("Accept", e -> act(() -> Recommendations.accept(ctx, r.id(), task.getValue()),
                "Accepted", changed));
        Select<String> reason = new Select<>();
        reason.setItems(Recommendations.DISMISS_REASONS);
        reason.setValue(Recommendations.DISMISS_REASONS.get(0));
        reason.setLabel("Reason");
        TextField note = new TextField("Note");
        note.setMaxLength(1000);
        Button dismiss = new Button("Dismiss", e -> act(() -> Recommendations.dismiss(ctx, r.id(), reason.getValue(),
                note.getValue()), "Dismissed", changed));
        DatePicker until = new DatePicker("Snooze until", ctx.metrics().today().plusDays(7));
        Button snooze = new Button("Snooze", e -> act(() -> Recommendations.snooze(ctx, r.id(), until.getValue()),
                "Snoozed", changed));
        accept.setId("reco-accept-" + r.id());
        dismiss.setId("reco-dismiss-" + r.id());
        snooze.setId("reco-snooze-" + r.id());
        bar.add(group(task, accept), group(reason, note, dismiss), group(until, snooze));
        return bar;
    }

    private static void act(Runnable action, String done, Runnable changed) {
        try {
            action.run();
            Notification.show(done);
            changed.run();
        } catch (PluginProblem p) {
            Notification.show(p.detail());
        }
    }

    /** The evidence as the UI kit's chart: a time series by date, or bars by campaign. */
    static Chart chart(Kit kit, Reco r) {
        Evidence e = RecoJson.evidence(r.evidence());
        List<MetricsResult.Row> rows = new ArrayList<>();
        for (Evidence.Point p : e.rows()) {
            Map<String, BigDecimal> values = new HashMap<>();
            p.values().forEach((k, v) -> values.put(k, v == null ? null : BigDecimal.valueOf(v)));
            rows.add(new MetricsResult.Row(List.of(p.key()), List.of(p.label()), kit.currency(), values, Map.of()));
        }
        boolean byDate = "date".equals(e.dimension()) && !rows.isEmpty();
        Period period = byDate ? new Period(LocalDate.parse(e.rows().get(0).key()),
                LocalDate.parse(e.rows().get(e.rows().size() - 1).key())) : new Period(LocalDate.now(), LocalDate.now());
        MetricsResult result = new MetricsResult(e.metrics(), List.of(byDate ? Dimension.DATE : Dimension.CAMPAIGN),
                kit.currency(), period, null, rows, List.of(), rows.size(), List.of());
        ChartOptions options = new ChartOptions(kit);
        String[] metrics = e.metrics().toArray(String[]::new);
        return new Chart(byDate ? options.line(result, metrics) : options.bar(result, metrics[0]));
    }

    private static Div facts(Reco r) {
        Div list = new Div();
        list.getStyle().set("display", "grid").set("grid-template-columns", "minmax(0, 1fr) minmax(0, 1fr)")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        RecoJson.facts(r.facts()).forEach((k, v) -> {
            Span key = new Span(k);
            Span value = new Span(v instanceof Double d ? num(d) : String.valueOf(v));
            value.getStyle().set("overflow-wrap", "anywhere");
            list.add(key, value);
        });
        return list;
    }

    static String impact(Kit kit, Reco r) {
        String amount = MONEY.equals(r.impactUnit()) ? kit.formats().money(BigDecimal.valueOf(r.impact()))
                : num(r.impact()) + " conversions";
        return amount + " " + r.impactLabel();
    }

    private static final String MONEY = io.catalyst.plugins.recommendations.rules.Finding.MONEY;

    static String label(String kind) {
        Kind k = Kind.of(kind);
        return k == null ? kind : k.label();
    }

    private static String num(Double d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%,.4g", d);
    }

    static Div row() {
        Div d = new Div();
        d.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "flex-end");
        return d;
    }

    private static Div group(Component... parts) {
        Div d = row();
        d.add(parts);
        return d;
    }

    private static Span tag(String text) {
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge");
        return s;
    }

    private static Div figure(String label, String value) {
        Div d = new Div();
        Span l = new Span(label);
        l.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        d.add(l, v);
        d.getStyle().set("min-width", "0").set("flex", "1 1 10em");
        return d;
    }
}

package io.catalyst.plugins.scoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginContext;
import io.catalyst.plugins.scoring.model.Features;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.Chart;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * How good the scores are and which model gives them: conversion by score band, the model registry with each
 * version's evaluation and provenance, training (with its progress) and rollback.
 */
@Extension
public class ModelsScreen implements UiScreen {

    @Override
    public String route() {
        return "models";
    }

    @Override
    public String title() {
        return "Scoring models";
    }

    @Override
    public String navIcon() {
        return "vaadin:chart-3d";
    }

    @Override
    public String requiredPermission() {
        return ScoringExtensions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        Div screen = ScoringUi.screen("scoring-models");
        fill(ctx, screen);
        return screen;
    }

    static void fill(PluginContext ctx, Div screen) {
        screen.removeAll();
        JsonObject registry = Json.parse(Models.registryJson(ctx));
        screen.add(new H2("Scoring models"));
        Paragraph now = new Paragraph("Scoring now: " + registry.getString("scoring") + ". "
                + registry.getString("description"));
        now.setId("scoring-now");
        screen.add(now);

        JsonObject training = registry.getObject("training");
        Div state = new Div();
        state.setId("scoring-training");
        Span message = new Span(training.getString("message"));
        state.add(message);
        String status = training.getString("status");
        if (status.equals("running") || status.equals("queued")) {
            ProgressBar bar = new ProgressBar(0, 1, training.hasKey("progress") ? training.getNumber("progress") : 0);
            state.add(bar);
        }
        screen.add(state);
        if (ctx.isPermitted(ScoringExtensions.WRITE)) {
            Div actions = ScoringUi.row();
            Button train = new Button("Train a challenger now", e -> {
                Models.requestTraining(ctx); // a run under way shows its progress instead
                fill(ctx, screen);
            });
            train.setId("scoring-train");
            train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(train);
            if (Models.championVersion(ctx).isPresent()) {
                Button rollback = new Button("Roll back", e -> {
                    Models.rollback(ctx);
                    Scoring.requestRescore(ctx);
                    fill(ctx, screen);
                });
                rollback.setId("scoring-rollback");
                rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
                actions.add(rollback);
            }
            Button refresh = new Button("Refresh", e -> fill(ctx, screen));
            actions.add(refresh);
            screen.add(actions);
        }

        screen.add(new H3("Conversion by score"));
        List<Map<String, Object>> bands = Leads.bands(ctx);
        if (bands.isEmpty()) {
            screen.add(new Paragraph("No scored leads yet."));
        } else {
            Chart chart = new Chart(bandChart(bands));
            chart.setId("scoring-band-chart");
            chart.setHeight("260px");
            screen.add(chart);
        }

        screen.add(new H3("Score quality by month"));
        List<ScoreTrend.Month> months = ScoreTrend.aucByMonth(ctx, ScoringSettings.of(ctx).horizonDays(),
                java.time.Instant.now());
        if (months.stream().allMatch(m -> m.auc() == null)) {
            screen.add(new Paragraph("Not enough scored leads and conversions in any month yet."));
        } else {
            Paragraph about = new Paragraph("AUC of each month's new leads: 0.5 is a coin toss, 1 a perfect"
                    + " ranking. Grey points are months whose leads may still convert, so their figure can move.");
            about.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Chart auc = new Chart(aucChart(months));
            auc.setId("scoring-auc-chart");
            auc.setHeight("240px");
            screen.add(about, auc);
        }

        InputDrift.check(ctx, java.time.Instant.now()).ifPresent(check -> {
            screen.add(new H3("New leads against the training data"));
            Paragraph words = new Paragraph(check.report().words());
            words.setId("scoring-drift");
            screen.add(words);
            Div shifts = new Div();
            for (var shift : check.report().features().stream().limit(4).toList()) {
                Span s = new Span(String.format(Locale.ENGLISH, "%s: PSI %.3f, %s", shift.label(), shift.psi(),
                        shift.verdict()));
                s.getStyle().set("display", "block");
                shifts.add(s);
            }
            shifts.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size",
                    "var(--lumo-font-size-s)");
            screen.add(shifts);
        });

        screen.add(new H3("Model versions"));
        JsonArray models = registry.getArray("models");
        if (models.length() == 0) {
            screen.add(new Paragraph("No model has been trained yet."));
        }
        for (int i = 0; i < models.length(); i++) {
            JsonObject m = models.getObject(i);
            Div card = card(m, ctx.tenant().timezone());
            String segment = m.getString("segment");
            if (!Models.SEGMENT.equals(segment) && m.getString("status").equals("champion")
                    && ctx.isPermitted(ScoringExtensions.WRITE)) {
                Button back = new Button("Roll back this segment", e -> {
                    Models.rollback(ctx, segment);
                    Scoring.requestRescore(ctx);
                    fill(ctx, screen);
                });
                back.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                back.addClassName("scoring-segment-rollback");
                card.add(back);
            }
            screen.add(card);
        }
        // the points model matters most while it scores: open then, folded away behind a deployed model
        Details points = new Details("Points model (" + Models.rules(ctx).name() + ")",
                PointsEditor.of(ctx, () -> fill(ctx, screen)));
        points.setId("scoring-points-details");
        points.setOpened(Models.championVersion(ctx).isEmpty());
        screen.add(points);
    }

    private static JsonObject aucChart(List<ScoreTrend.Month> months) {
        JsonArray names = Json.createArray();
        JsonArray values = Json.createArray();
        for (ScoreTrend.Month m : months) {
            names.set(names.length(), m.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
                    Locale.ENGLISH) + " " + m.month().getYear());
            JsonObject point = Json.createObject();
            if (m.auc() == null) {
                point.put("value", Json.createNull());
            } else {
                point.put("value", Math.round(m.auc() * 1000) / 1000.0);
            }
            if (m.maturing()) {
                point.put("itemStyle", object("color", "#9e9e9e"));
            }
            values.set(values.length(), point);
        }
        JsonObject option = Json.createObject();
        option.put("tooltip", object("trigger", "axis"));
        JsonObject grid = Json.createObject();
        grid.put("left", 48);
        grid.put("right", 24);
        grid.put("bottom", 32);
        grid.put("top", 24);
        option.put("grid", grid);
        JsonObject x = object("type", "category");
        x.put("data", names);
        option.put("xAxis", x);
        JsonObject y = object("type", "value");
        y.put("min", 0.5);
        y.put("max", 1);
        y.put("name", "AUC");
        option.put("yAxis", y);
        JsonObject line = object("type", "line");
        line.put("name", "AUC");
        line.put("data", values);
        line.put("connectNulls", false);
        JsonArray series = Json.createArray();
        series.set(0, line);
        option.put("series", series);
        return option;
    }

    private static JsonObject bandChart(List<Map<String, Object>> bands) {
        JsonArray names = Json.createArray();
        JsonArray rates = Json.createArray();
        JsonArray counts = Json.createArray();
        for (Map<String, Object> row : bands) {
            int band = ((Number) row.get("band")).intValue();
            long leads = ((Number) row.get("leads")).longValue();
            long converted = ((Number) row.get("converted")).longValue();
            names.set(names.length(), band + "–" + (band == 90 ? 100 : band + 9));
            rates.set(rates.length(), leads == 0 ? 0 : Math.round(1000.0 * converted / leads) / 10.0);
            counts.set(counts.length(), leads);
        }
        JsonObject option = Json.createObject();
        option.put("tooltip", object("trigger", "axis"));
        JsonArray legend = Json.createArray();
        legend.set(0, CONVERTED);
        legend.set(1, "Leads");
        JsonObject legendBox = Json.createObject();
        legendBox.put("data", legend);
        option.put("legend", legendBox);
        JsonObject grid = Json.createObject();
        grid.put("left", 48);
        grid.put("right", 56);
        grid.put("bottom", 48);
        grid.put("top", 40);
        option.put("grid", grid);
        JsonObject x = object("type", "category");
        x.put("name", "Score");
        x.put("nameLocation", "middle"); // at the end it ran into the right axis's 0
        x.put("nameGap", 26);
        x.put("data", names);
        option.put("xAxis", x);
        JsonArray y = Json.createArray();
        JsonObject percent = object("type", "value");
        percent.put("name", "%");
        JsonObject count = object("type", "value");
        count.put("name", "Leads");
        y.set(0, percent);
        y.set(1, count);
        option.put("yAxis", y);
        JsonArray series = Json.createArray();
        JsonObject bars = object("type", "bar");
        bars.put("name", CONVERTED);
        bars.put("data", rates);
        JsonObject line = object("type", "line");
        line.put("name", "Leads");
        line.put("yAxisIndex", 1);
        line.put("data", counts);
        series.set(0, bars);
        series.set(1, line);
        option.put("series", series);
        return option;
    }

    private static final String CONVERTED = "Converted (%)";

    private static JsonObject object(String key, String value) {
        JsonObject o = Json.createObject();
        o.put(key, value);
        return o;
    }

    private static Div card(JsonObject m, java.time.ZoneId zone) {
        Div card = new Div();
        card.addClassName("scoring-model-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-m)")
                .set("overflow-wrap", "anywhere"); // a trainer's description is one long word on a phone
        JsonObject c = m.getObject("card");
        JsonObject e = c.getObject("evaluation");
        Div head = ScoringUi.row();
        Span status = new Span(m.getString("status"));
        status.getElement().getThemeList().add("badge " + switch (m.getString("status")) {
            case "champion" -> "success";
            case "retired" -> "contrast";
            default -> "";
        });
        head.add(new H3(m.getString("version")), status);
        String segment = m.getString("segment");
        if (!Models.SEGMENT.equals(segment)) {
            int eq = segment.indexOf('=');
            Span scope = new Span(eq < 0 ? segment : "For " + segment.substring(eq + 1) + " ("
                    + Features.label(segment.substring(0, eq)).toLowerCase(Locale.ROOT) + ")");
            scope.getElement().getThemeList().add("badge contrast");
            scope.addClassName("scoring-segment");
            head.add(scope);
        }
        card.add(head);
        Paragraph figures = new Paragraph(String.format(Locale.ROOT, "AUC %.3f · PR-AUC %.3f · Brier %.4f (guessing"
                        + " the average: %.4f) · held out: %,d leads, %,d converted · trained %s",
                number(e, "auc"), number(e, "averagePrecision"), number(e, "brier"), number(e, "baseRateBrier"),
                (long) number(e, "rows"), (long) number(e, "positives"), when(text(c, "trainedAt"), zone)));
        figures.addClassName("scoring-figures");
        card.add(figures);
        if (c.hasKey("choice")) {
            Paragraph choice = new Paragraph(c.getObject("choice").getString("words"));
            choice.addClassName("scoring-choice");
            card.add(choice);
        }
        if (c.hasKey("comparison")) {
            card.add(new Paragraph("Against " + text(c, "comparedWith") + ": " + text(c, "comparison")));
        }
        JsonArray top = c.getArray("topFactors");
        if (top != null && top.length() > 0) {
            Div factors = new Div(new Span("What matters most: "));
            for (int i = 0; i < Math.min(6, top.length()); i++) {
                factors.add(new Span((i == 0 ? "" : " · ") + top.getObject(i).getString("words")));
            }
            card.add(factors);
        }
        JsonArray lift = e.getArray("liftByDecile");
        if (lift != null && lift.length() > 0) {
            StringBuilder sb = new StringBuilder("Lift by tenth of leads, best scored first: ");
            for (int i = 0; i < lift.length(); i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f×", lift.getNumber(i)));
            }
            card.add(new Paragraph(sb.toString()));
        }
        Span provenance = new Span("Data fingerprint " + abbreviate(text(c, "dataFingerprint")) + " · "
                + text(c, "trainer"));
        provenance.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        card.add(provenance);
        return card;
    }

    private static String when(String instant, java.time.ZoneId zone) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
                    .format(java.time.Instant.parse(instant).atZone(zone));
        } catch (java.time.format.DateTimeParseException ex) {
            return instant;
        }
    }

    private static double number(JsonObject o, String key) {
        return o.hasKey(key) ? o.getNumber(key) : Double.NaN;
    }

    private static String text(JsonObject o, String key) {
        return !o.hasKey(key) ? "?" : o.get(key).getType() == elemental.json.JsonType.STRING ? o.getString(key)
                : o.get(key).toJson();
    }

    private static String abbreviate(String s) {
        return s.length() > 12 ? s.substring(0, 12) + "…" : s;
    }
}

package io.catalyst.plugins.scoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import io.catalyst.api.PluginContext;
import io.catalyst.plugins.scoring.model.Features;
import io.catalyst.plugins.scoring.model.RulesModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The points model on the models screen: each criterion with its points, the half-life and the bands; analysts
 * change them here (a new version, audited, then every lead is scored again), others read them.
 */
final class PointsEditor {

    /** Values a categorical feature takes, offered in the editor (industry and country are typed). */
    private static final Map<String, List<String>> VALUES = Map.of(
            "seniority", List.of("Executive", "VP", "Director", "Manager", "Individual", "Student"),
            "size", List.of("1-10", "11-50", "51-200", "201-1,000", "1,001-5,000", "5,001+"),
            "personalEmail", List.of("personal", "work"),
            "channel", List.of("Google Ads", "Meta Ads", "LinkedIn Ads", "TikTok Ads", "Web form"),
            "form", List.of("Demo request", "Pricing page", "Webinar sign-up", "E-book download",
                    "Newsletter sign-up"));

    private PointsEditor() {
    }

    static Div of(PluginContext ctx, Runnable saved) {
        Models.Rules rules = Models.rules(ctx);
        boolean fromSettings = Models.rulesFromSettings(ctx);
        boolean edit = ctx.isPermitted(ScoringExtensions.WRITE) && !fromSettings;
        Div box = new Div();
        box.setId("scoring-points");
        box.add(new Paragraph("Scores every lead from day one and whenever no trained model beats it. Points fade"
                + " by half every so many days after the lead came in."));
        if (fromSettings) {
            Paragraph managed = new Paragraph("Set in the company's scoring settings (the points-model setting,"
                    + " e.g. from its manifest): change it there.");
            managed.setId("scoring-points-managed");
            managed.getStyle().set("color", "var(--lumo-secondary-text-color)");
            box.add(managed);
        }
        List<RulesModel.Criterion> criteria = new ArrayList<>(rules.model().criteria());
        Div list = new Div();
        list.setId("scoring-criteria");
        Span error = new Span();
        error.setId("scoring-points-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Runnable[] draw = new Runnable[1];
        draw[0] = () -> {
            list.removeAll();
            for (int i = 0; i < criteria.size(); i++) {
                RulesModel.Criterion c = criteria.get(i);
                Div row = ScoringUi.row();
                row.addClassName("scoring-criterion");
                String what = Features.label(c.feature()) + (c.atLeast() != null ? " at least " + c.atLeast()
                        : " is " + c.value());
                Span label = new Span(what);
                label.getStyle().set("flex", "1 1 14em");
                row.add(label);
                if (edit) {
                    int at = i;
                    IntegerField points = points(c.points());
                    points.addValueChangeListener(e -> {
                        if (e.getValue() != null) {
                            criteria.set(at, new RulesModel.Criterion(c.feature(), c.value(), c.atLeast(),
                                    Math.max(-100, Math.min(100, e.getValue()))));
                        }
                    });
                    Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                        criteria.remove(at);
                        draw[0].run();
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    remove.setAriaLabel("Remove " + what);
                    row.add(points, remove);
                } else {
                    row.add(new Span((c.points() >= 0 ? "+" : "") + c.points()));
                }
                list.add(row);
            }
        };
        draw[0].run();
        box.add(list);
        int hot = rules.threshold("hot", 70);
        int warm = rules.threshold("warm", 40);
        if (!edit) {
            box.add(new Paragraph("Half-life " + Math.round(rules.model().halfLifeDays()) + " days · hot " + hot
                    + "+ · warm " + warm + "+"));
            return box;
        }
        box.add(adder(criteria, draw[0], error));
        IntegerField halfLife = new IntegerField("Half-life (days, 0: never fade)");
        halfLife.setValue((int) Math.round(rules.model().halfLifeDays()));
        halfLife.setMin(0);
        halfLife.setMax(3650);
        IntegerField hotAt = new IntegerField("Hot from");
        hotAt.setValue(hot);
        IntegerField warmAt = new IntegerField("Warm from");
        warmAt.setValue(warm);
        Button save = new Button("Save and score every lead again", e -> {
            try {
                Integer h = halfLife.getValue();
                Integer ho = hotAt.getValue();
                Integer wa = warmAt.getValue();
                if (h == null || ho == null || wa == null || wa > ho) {
                    throw new IllegalArgumentException("Give a half-life and the bands, warm no higher than hot.");
                }
                Models.saveRules(ctx, new RulesModel("new", criteria, h, List.of(new RulesModel.Threshold("hot", ho),
                        new RulesModel.Threshold("warm", wa))).toJson());
                Scoring.requestRescore(ctx);
                saved.run();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.setId("scoring-points-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div settings = ScoringUi.row();
        settings.add(halfLife, hotAt, warmAt);
        box.add(settings, save, error);
        return box;
    }

    /** A new criterion: a feature, its value (or a least count) and the points. */
    private static Div adder(List<RulesModel.Criterion> criteria, Runnable redraw, Span error) {
        Select<String> feature = new Select<>();
        feature.setLabel("Add: when");
        feature.setItems(Features.KEYS);
        feature.setItemLabelGenerator(Features::label);
        feature.setId("scoring-new-feature");
        ComboBox<String> value = new ComboBox<>("is");
        value.setAllowCustomValue(true);
        value.addCustomValueSetListener(e -> value.setValue(e.getDetail()));
        IntegerField atLeast = new IntegerField("at least");
        atLeast.setMin(0);
        atLeast.setVisible(false);
        feature.addValueChangeListener(e -> {
            boolean numeric = e.getValue() != null && Features.isNumeric(e.getValue());
            value.setVisible(!numeric);
            atLeast.setVisible(numeric);
            value.setItems(VALUES.getOrDefault(e.getValue(), List.of()));
        });
        IntegerField points = points(10);
        Button add = new Button("Add", VaadinIcon.PLUS.create(), e -> {
            try {
                if (feature.getValue() == null || points.getValue() == null) {
                    throw new IllegalArgumentException("Choose what earns points, and how many.");
                }
                criteria.add(new RulesModel.Criterion(feature.getValue(), Features.isNumeric(feature.getValue())
                        ? null : value.getValue(), Features.isNumeric(feature.getValue()) ? atLeast.getValue() : null,
                        points.getValue()));
                error.setText("");
                redraw.run();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        add.setId("scoring-new-add");
        Div row = ScoringUi.row();
        row.getStyle().set("align-items", "flex-end");
        row.add(feature, value, atLeast, points, add);
        return row;
    }

    private static IntegerField points(int value) {
        IntegerField points = new IntegerField();
        points.setValue(value);
        points.setMin(-100);
        points.setMax(100);
        points.setStepButtonsVisible(true);
        points.setWidth("8em");
        points.setAriaLabel("Points");
        return points;
    }
}

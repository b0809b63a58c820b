package io.catalyst.plugins.alerts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.api.PluginContext;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.plugins.alerts.engine.Backtest;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.Recipients;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pf4j.Extension;

/** The rules: each with what its back-test found, and a form to make or change one with a live preview. */
@Extension
public class RulesScreen implements UiScreen {

    @Override
    public String route() {
        return "rules";
    }

    @Override
    public String title() {
        return "Alert rules";
    }

    @Override
    public String navIcon() {
        return "vaadin:sliders";
    }

    @Override
    public String requiredPermission() {
        return AlertsExtensions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        Div screen = new Div();
        screen.setId("alert-rules");
        screen.getStyle().set("max-width", "960px");
        Div list = new Div();
        list.setId("alert-rules-list");
        Div form = new Div();
        form.setId("alert-rule-form");
        screen.add(new H2("Alert rules"));
        if (ctx.isPermitted(AlertsExtensions.WRITE)) {
            Button add = new Button("New rule", e -> edit(ctx, form, null, () -> fill(ctx, list, form)));
            add.setId("alert-rule-new");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            screen.add(add);
        }
        screen.add(form, list);
        fill(ctx, list, form);
        return screen;
    }

    static void fill(PluginContext ctx, Div list, Div form) {
        list.removeAll();
        List<AlertStore.StoredRule> rules = AlertStore.rules(ctx);
        if (rules.isEmpty()) {
            list.add(new EmptyState(VaadinIcon.SLIDERS, "No rules",
                    "Make one with New rule: a metric, how to judge it and whom to tell."));
            return;
        }
        for (AlertStore.StoredRule stored : rules) {
            Rule r = stored.rule();
            Div card = new Div();
            card.addClassName("alert-rule");
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "8px")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("margin-bottom", "var(--lumo-space-s)");
            Span name = new Span(r.name());
            name.getStyle().set("font-weight", "600");
            card.add(new Div(name, r.enabled() ? new Span("") : AlertCards.badge("off", "contrast")));
            card.add(new Div(new Span(AlertCards.describe(r))));
            card.add(new Div(new Span(stored.backtestFirings() == null ? "Back-test pending"
                    : "Would have fired " + stored.backtestFirings() + " times in the last " + Backtest.DAYS
                    + " days")));
            if (ctx.isPermitted(AlertsExtensions.WRITE)) {
                Button edit = new Button("Edit", e -> edit(ctx, form, r, () -> fill(ctx, list, form)));
                Button delete = new Button("Delete", e -> {
                    AlertStore.delete(ctx, r.id());
                    ctx.audit().record("alert-rule:deleted", "alert-rule/" + r.id(), RuleJson.write(r), null);
                    fill(ctx, list, form);
                });
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                        ButtonVariant.LUMO_ERROR);
                card.add(new Div(edit, delete));
            }
            list.add(card);
        }
    }

    /** The form for a new rule ({@code rule} null) or an existing one; the preview follows every change. */
    static void edit(PluginContext ctx, Div form, Rule rule, Runnable saved) {
        form.removeAll();
        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        TextField name = new TextField("Name");
        name.setMaxLength(Rule.MAX_NAME);
        name.setId("rule-name");
        Select<Kind> kind = select("Kind", List.of(Kind.values()), Kind::id);
        Select<String> metric = select("Metric", new ArrayList<>(Alerts.metricNames(ctx)), m -> m);
        Select<Level> level = select("For each", List.of(Level.values()), l -> l.id().replace('_', ' '));
        Select<Direction> direction = select("Direction", List.of(Direction.values()), Direction::id);
        Select<Severity> severity = select("Severity", List.of(Severity.values()), Severity::id);
        IntegerField forMinutes = new IntegerField("Pending for (minutes)");
        forMinutes.setMin(0);
        TextField role = new TextField("Notify role");
        Checkbox autoTask = new Checkbox("Create a task when it fires");
        Div params = new Div();
        Map<String, NumberField> paramFields = new LinkedHashMap<>();
        Paragraph preview = new Paragraph();
        preview.setId("rule-preview");
        fields.add(name, kind, metric, level, direction, severity, forMinutes, role, autoTask);

        Rule start = rule != null ? rule : new Rule(UUID.randomUUID(), "New rule", "spend", Level.CAMPAIGN, List.of(),
                Kind.ANOMALY, Map.of(), Direction.UP, Duration.ZERO, Duration.ZERO, Severity.WARNING,
                new Recipients(null, "analyst"), null, null, false, List.of(), true);
        name.setValue(start.name());
        kind.setValue(start.kind());
        metric.setValue(start.metric() == null ? "spend" : start.metric());
        level.setValue(start.level());
        direction.setValue(start.direction());
        severity.setValue(start.severity());
        forMinutes.setValue((int) start.forDuration().toMinutes());
        role.setValue(start.recipients().role() == null ? "" : start.recipients().role());
        autoTask.setValue(start.autoTask());

        Runnable[] refresh = new Runnable[1];
        Runnable buildParams = () -> {
            params.removeAll();
            paramFields.clear();
            Map<String, Double> values = kind.getValue() == start.kind() ? start.params() : kind.getValue().defaults();
            kind.getValue().defaults().keySet().stream().sorted().forEach(p -> {
                NumberField f = new NumberField(p);
                Double v = values.get(p);
                if (v != null && !v.isNaN()) {
                    f.setValue(v);
                }
                f.addValueChangeListener(e -> refresh[0].run());
                paramFields.put(p, f);
                params.add(f);
            });
        };
        refresh[0] = () -> {
            try {
                Rule draft = draft(start.id(), name, kind, metric, level, direction, severity, forMinutes, role,
                        autoTask, paramFields, start);
                Backtest.Result result = Backtest.run(ctx.metrics(), List.of(draft), ctx.metrics().today(),
                        Backtest.DAYS, ctx.tenant().timezone()).get(draft.id());
                preview.setText("Preview: would have fired " + result.firings() + " times in the last "
                        + Backtest.DAYS + " days");
            } catch (IllegalArgumentException | MetricsException e) {
                preview.setText("Preview: " + e.getMessage());
            }
        };
        buildParams.run();
        kind.addValueChangeListener(e -> {
            buildParams.run();
            refresh[0].run();
        });
        List.of(metric, level, direction).forEach(s -> s.addValueChangeListener(e -> refresh[0].run()));
        forMinutes.addValueChangeListener(e -> refresh[0].run());

        Paragraph error = new Paragraph();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(rule == null ? "Create rule" : "Save rule", e -> {
            try {
                Rule draft = draft(start.id(), name, kind, metric, level, direction, severity, forMinutes, role,
                        autoTask, paramFields, start);
                if (rule == null) {
                    AlertStore.insert(ctx, draft, false);
                    ctx.audit().record("alert-rule:created", "alert-rule/" + draft.id(), null, RuleJson.write(draft));
                } else {
                    AlertStore.update(ctx, draft);
                    ctx.audit().record("alert-rule:changed", "alert-rule/" + draft.id(), RuleJson.write(rule),
                            RuleJson.write(draft));
                }
                Alerts.backtest(ctx, List.of(draft));
                form.removeAll();
                saved.run();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.setId("rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> form.removeAll());
        form.add(new H3(rule == null ? "New rule" : "Edit rule"), fields, params, preview, error, new Div(save,
                cancel));
        refresh[0].run();
    }

    private static Rule draft(UUID id, TextField name, Select<Kind> kind, Select<String> metric, Select<Level> level,
                              Select<Direction> direction, Select<Severity> severity, IntegerField forMinutes,
                              TextField role, Checkbox autoTask, Map<String, NumberField> paramFields, Rule start) {
        Map<String, Double> params = new LinkedHashMap<>();
        paramFields.forEach((p, f) -> {
            if (f.getValue() != null) {
                params.put(p, f.getValue());
            }
        });
        int minutes = forMinutes.getValue() == null ? 0 : forMinutes.getValue();
        if (minutes < 0 || minutes > 43_200) {
            throw new IllegalArgumentException("pending is from 0 to 43200 minutes");
        }
        return new Rule(id, name.getValue(), metric.getValue(), level.getValue(), start.filters(), kind.getValue(),
                params, direction.getValue(), Duration.ofMinutes(minutes),
                start.recoverFor(), severity.getValue(), new Recipients(start.recipients().members(),
                role.getValue()), start.escalateAfter(), start.escalateTo(), autoTask.getValue(), start.mutes(),
                start.enabled());
    }

    private static <T> Select<T> select(String label, List<T> items, java.util.function.Function<T, String> text) {
        Select<T> s = new Select<>();
        s.setLabel(label);
        s.setItems(items);
        s.setItemLabelGenerator(text::apply);
        return s;
    }
}

package io.catalyst.plugins.calls;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.UserInfo;
import io.catalyst.api.ui.UiScreen;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The company's trackers: what each listens for, on which side and in which part of the call, and how often. */
@Extension
public class TrackersScreen implements UiScreen {

    @Override
    public String route() {
        return "trackers";
    }

    @Override
    public String title() {
        return "Call trackers";
    }

    @Override
    public String navIcon() {
        return "vaadin:headphones";
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
        Div screen = CallsUi.screen("calls-trackers");
        Div list = new Div();
        list.setId("calls-tracker-list");
        Runnable refresh = () -> fill(ctx, list);
        Paragraph about = new Paragraph("A tracker listens for phrases in every call's transcript. Words match in"
                + " any form (\"pricing\" hears \"price\" and \"prices\"). The scorecards' questions name the"
                + " trackers that answer them.");
        about.getStyle().set("color", "var(--lumo-secondary-text-color)");
        screen.add(CallsUi.link("plugins/calls/calls", "← All calls"), new H2("Call trackers"), about);
        if (ctx.isPermitted(Calls.MANAGE)) {
            Button add = new Button("New tracker", VaadinIcon.PLUS.create(), e -> editor(ctx, null, refresh).open());
            add.setId("calls-tracker-new");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            screen.add(add);
        }
        screen.add(list);
        refresh.run();
        return screen;
    }

    private static void fill(PluginContext ctx, Div list) {
        list.removeAll();
        Map<String, Long> heard = new java.util.HashMap<>();
        for (Map<String, Object> r : ctx.data().query("select h->>'tracker' as tracker, count(*) as n from sales_call,"
                + " jsonb_array_elements(hits) h where started_at > now() - interval '90 days' group by 1")) {
            heard.put((String) r.get("tracker"), ((Number) r.get("n")).longValue());
        }
        boolean may = ctx.isPermitted(Calls.MANAGE);
        for (Trackers.Stored t : Trackers.all(ctx)) {
            Div row = CallsUi.row();
            row.addClassName("calls-tracker");
            row.getElement().setAttribute("data-name", t.name());
            row.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            Div what = new Div(new Span(t.name()));
            what.getStyle().set("flex", "2 1 16em").set("font-weight", "600");
            Span phrases = new Span(String.join(", ", t.phrases()));
            phrases.getStyle().set("display", "block").set("font-weight", "normal")
                    .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            what.add(phrases);
            Span scope = new Span(CallsUi.side(t.side() == null ? null : t.side().name()) + ", "
                    + switch (t.segment()) {
                        case OPENING -> "opening (first fifth)";
                        case MIDDLE -> "middle";
                        case CLOSING -> "closing (last fifth)";
                        default -> "anywhere in the call";
                    });
            scope.getStyle().set("flex", "1 1 10em");
            Span count = new Span(heard.getOrDefault(t.name(), 0L) + " in 90 days");
            count.addClassName("calls-tracker-count");
            row.add(what, scope, count);
            if (may) {
                Button edit = new Button("Edit", e -> editor(ctx, t, () -> fill(ctx, list)).open());
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                Button delete = new Button("Delete", e -> {
                    ConfirmDialog sure = new ConfirmDialog("Delete " + t.name() + "?", "Calls stop showing it, and"
                            + " scorecard questions it answered wait for a person's answer.", "Delete", ok -> {
                                Trackers.delete(ctx, t.id());
                                ctx.scheduler().runLater(Calls.REANALYSE_JOB, Duration.ZERO);
                                fill(ctx, list);
                            });
                    sure.setCancelable(true);
                    sure.setConfirmButtonTheme("error primary");
                    sure.open();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL,
                        ButtonVariant.LUMO_ERROR);
                row.add(edit, delete);
            }
            list.add(row);
        }
    }

    private static Dialog editor(PluginContext ctx, Trackers.Stored t, Runnable refresh) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(t == null ? "New tracker" : "Edit " + t.name());
        dialog.setWidth("min(560px, 95vw)");
        TextField name = new TextField("Name");
        name.setId("calls-tracker-name");
        name.setWidthFull();
        TextArea phrases = new TextArea("Phrases, one per line");
        phrases.setId("calls-tracker-phrases");
        phrases.setWidthFull();
        Select<String> side = new Select<>();
        side.setLabel("Said by");
        side.setItems("EITHER", "REP", "CUSTOMER");
        side.setItemLabelGenerator(s -> CallsUi.side(s));
        Select<String> segment = new Select<>();
        segment.setLabel("Part of the call");
        segment.setItems("ANY", "OPENING", "MIDDLE", "CLOSING");
        segment.setItemLabelGenerator(s -> switch (s) {
            case "OPENING" -> "Opening (first fifth)";
            case "MIDDLE" -> "Middle";
            case "CLOSING" -> "Closing (last fifth)";
            default -> "Anywhere";
        });
        name.setValue(t == null ? "" : t.name());
        phrases.setValue(t == null ? "" : String.join("\n", t.phrases()));
        side.setValue(t == null || t.side() == null ? "EITHER" : t.side().name());
        segment.setValue(t == null ? "ANY" : t.segment().name());
        Paragraph error = new Paragraph();
        error.setId("calls-tracker-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Div scope = CallsUi.row();
        scope.add(side, segment);
        dialog.add(new Div(name, phrases, scope, error));
        Button save = new Button("Save", e -> {
            List<String> list = Arrays.stream(phrases.getValue().split("\\R")).toList();
            try {
                Trackers.save(ctx, t == null ? null : t.id(), name.getValue(), list, side.getValue(),
                        segment.getValue(), ctx.user().map(UserInfo::email).orElse("someone"));
            } catch (PluginProblem p) {
                error.setText(p.detail());
                return;
            }
            ctx.scheduler().runLater(Calls.REANALYSE_JOB, Duration.ZERO);
            dialog.close();
            refresh.run();
        });
        save.setId("calls-tracker-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }
}

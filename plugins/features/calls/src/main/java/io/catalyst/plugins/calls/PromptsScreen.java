package io.catalyst.plugins.calls;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.UserInfo;
import io.catalyst.api.ui.UiScreen;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Sales prompts: each kind's versions with the live one marked; a new version from the live one's text; two versions
 * compared on the call test suite (pass rate and tokens, side by side); a version made live.
 */
@Extension
public class PromptsScreen implements UiScreen {

    @Override
    public String route() {
        return "prompts";
    }

    @Override
    public String title() {
        return "Sales prompts";
    }

    @Override
    public String navIcon() {
        return "vaadin:comment-ellipsis-o";
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
        Div screen = CallsUi.screen("calls-prompts");
        Select<String> kind = new Select<>();
        kind.setId("calls-prompt-kind");
        kind.setLabel("Prompt");
        kind.setItems(Prompts.KINDS);
        kind.setItemLabelGenerator(Prompts::label);
        kind.setValue(Prompts.KINDS.get(0));
        Div body = new Div();
        kind.addValueChangeListener(e -> fill(ctx, body, e.getValue()));
        Paragraph about = new Paragraph("Prompts run on a call from its page, through your company's model and"
                + " credits. Every change is a new version; compare two on the call test suite before making one live."
                + " Variables: " + String.join(", ", Prompts.VARIABLES.entrySet().stream()
                .map(v -> "{{" + v.getKey() + "}} (" + v.getValue() + ")").toList()) + ".");
        about.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div links = CallsUi.row();
        links.add(CallsUi.link("plugins/calls/calls", "← All calls"), CallsUi.link("plugins/calls/tests",
                "Call tests"));
        screen.add(links, new H2("Sales prompts"), about, kind, body);
        fill(ctx, body, kind.getValue());
        return screen;
    }

    private static void fill(PluginContext ctx, Div body, String kind) {
        body.removeAll();
        List<Prompts.Version> versions = Prompts.versions(ctx, kind);
        boolean may = ctx.isPermitted(Calls.MANAGE);
        Div compare = new Div();
        compare.setId("calls-prompt-compare");
        if (may && versions.size() > 1) {
            Select<Prompts.Version> a = versionSelect("Version A", versions, versions.stream()
                    .filter(Prompts.Version::live).findFirst().orElse(versions.get(0)));
            Select<Prompts.Version> b = versionSelect("Version B", versions, versions.get(0));
            a.setId("calls-prompt-a");
            b.setId("calls-prompt-b");
            Div results = new Div();
            results.setId("calls-prompt-comparison");
            Button go = new Button("Compare on the test suite", e -> {
                String by = ctx.user().map(UserInfo::email).orElse("someone");
                var first = CallTests.queue(ctx, Map.of(kind, a.getValue().id()), by);
                var second = CallTests.queue(ctx, Map.of(kind, b.getValue().id()), by);
                results.removeAll();
                results.add(new Paragraph("Queued: the two runs appear on Call tests as they finish."),
                        CallsUi.link("plugins/calls/tests", "Open Call tests"));
                results.getElement().setAttribute("data-runs", first + "," + second);
            });
            go.setId("calls-prompt-compare-go");
            Div row = CallsUi.row();
            row.add(a, b, go);
            compare.add(new H3("Compare two versions"), row, results, comparison(ctx, kind, versions));
        }
        body.add(compare);
        if (may) {
            body.add(editor(ctx, body, kind, versions.stream().filter(Prompts.Version::live).findFirst()
                    .orElse(versions.get(0))));
        }
        body.add(new H3("Versions"));
        for (Prompts.Version v : versions) {
            Div card = new Div();
            card.addClassName("calls-prompt-version");
            card.getElement().setAttribute("data-version", String.valueOf(v.version()));
            card.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                    .set("padding", "var(--lumo-space-s) 0");
            Div head = CallsUi.row();
            Span name = new Span("Version " + v.version() + (v.live() ? " (live)" : ""));
            name.getStyle().set("font-weight", "600");
            Span meta = new Span((v.note() == null ? "" : v.note() + " · ") + (v.createdBy() == null ? ""
                    : v.createdBy()) + ", " + CallsUi.when(v.createdAt(), ctx.tenant().timezone()));
            meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            head.add(name, meta);
            if (may && !v.live()) {
                Button live = new Button("Make live", e -> {
                    String was = Prompts.live(ctx, kind).id().toString();
                    Prompts.promote(ctx, v.id());
                    ctx.audit().record("calls.prompt.live", kind, was, v.id().toString());
                    fill(ctx, body, kind);
                });
                live.addClassName("calls-prompt-live");
                live.addThemeVariants(ButtonVariant.LUMO_SMALL);
                head.add(live);
            }
            Pre text = new Pre(v.body());
            text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)")
                    .set("margin", "var(--lumo-space-xs) 0");
            card.add(head, text);
            body.add(card);
        }
    }

    /** The latest finished run of each version of this kind: pass rate and tokens side by side. */
    private static Component comparison(PluginContext ctx, String kind, List<Prompts.Version> versions) {
        Div out = new Div();
        out.setId("calls-prompt-scores");
        List<CallTests.Run> runs = CallTests.runs(ctx, 50);
        for (Prompts.Version v : versions) {
            runs.stream().filter(r -> r.status().equals("done") && v.id().equals(r.prompts().get(kind))).findFirst()
                    .ifPresent(r -> {
                        int decided = r.passed() + r.failed();
                        Div line = new Div(new Span("Version " + v.version() + ": " + (decided == 0 ? "nothing decided"
                                : Math.round(100.0 * r.passed() / decided) + "% passed (" + r.passed() + " of "
                                + decided + ")") + (r.regressions() == 0 ? "" : ", " + r.regressions()
                                + (r.regressions() == 1 ? " regression" : " regressions")) + ", " + (r.inputTokens() + r.outputTokens()) + " tokens"));
                        line.addClassName("calls-prompt-score");
                        line.getElement().setAttribute("data-version", String.valueOf(v.version()));
                        out.add(line);
                    });
        }
        return out;
    }

    private static Select<Prompts.Version> versionSelect(String label, List<Prompts.Version> versions,
                                                          Prompts.Version value) {
        Select<Prompts.Version> s = new Select<>();
        s.setLabel(label);
        s.setItems(versions);
        s.setItemLabelGenerator(v -> "Version " + v.version() + (v.live() ? " (live)" : ""));
        s.setValue(value);
        return s;
    }

    private static Component editor(PluginContext ctx, Div body, String kind, Prompts.Version from) {
        Div box = new Div();
        box.setId("calls-prompt-editor");
        TextArea text = new TextArea("New version");
        text.setId("calls-prompt-body");
        text.setWidthFull();
        text.setValue(from.body());
        text.setMaxLength(20_000);
        TextField note = new TextField("What changed");
        note.setId("calls-prompt-note");
        note.setWidthFull();
        Paragraph error = new Paragraph();
        error.setId("calls-prompt-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Save as a new version", e -> {
            try {
                Prompts.create(ctx, kind, text.getValue(), note.getValue(), ctx.user().map(UserInfo::email)
                        .orElse("someone"));
                fill(ctx, body, kind);
            } catch (PluginProblem p) {
                error.setText(p.detail());
            }
        });
        save.setId("calls-prompt-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(new H3("Write a new version"), text, note, error, save);
        return box;
    }
}

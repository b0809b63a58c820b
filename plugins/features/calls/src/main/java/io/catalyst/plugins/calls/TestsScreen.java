package io.catalyst.plugins.calls;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import io.catalyst.api.PluginContext;
import io.catalyst.api.UserInfo;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The call test suite: its cases with what each expects, a button that runs them against the trackers, scorecards and
 * live prompts as they are now, and the runs, with every failure and regression.
 */
@Extension
public class TestsScreen implements UiScreen {

    @Override
    public String route() {
        return "tests";
    }

    @Override
    public String title() {
        return "Call tests";
    }

    @Override
    public String navIcon() {
        return "vaadin:check-square-o";
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
        return new Screen(ctx);
    }

    /** The screen; it polls while a run is queued or running. */
    static final class Screen extends Div {
        private final transient PluginContext ctx;
        private final Div cases = new Div();
        private final Div runs = new Div();
        private Registration polling;
        private Button run;

        Screen(PluginContext ctx) {
            this.ctx = ctx;
            setId("calls-tests");
            getStyle().set("max-width", "1100px");
            Paragraph about = new Paragraph("A test case is a transcript and what should come of it: trackers heard or"
                    + " not, scorecard answers, words a prompt's output has. Running the suite checks every case"
                    + " against the trackers, scorecards and live prompts as they are now; an expectation that passed in"
                    + " the run before and fails now is a regression. Save a call as a case from its page.");
            about.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Div links = CallsUi.row();
            links.add(CallsUi.link("plugins/calls/calls", "← All calls"), CallsUi.link("plugins/calls/prompts",
                    "Sales prompts"));
            add(links, new H2("Call tests"), about);
            if (ctx.isPermitted(Calls.MANAGE)) {
                run = new Button("Run the suite", VaadinIcon.PLAY.create(), e -> {
                    CallTests.queue(ctx, Map.of(), ctx.user().map(UserInfo::email).orElse("someone"));
                    refresh();
                });
                run.setId("calls-tests-run");
                run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(run);
            }
            cases.setId("calls-test-cases");
            runs.setId("calls-test-runs");
            add(new H3("Runs"), runs, new H3("Cases"), cases);
        }

        void refresh() {
            List<CallTests.TestCase> all = CallTests.cases(ctx);
            if (run != null) {
                run.setEnabled(!all.isEmpty()); // nothing to run yet
            }
            cases.removeAll();
            if (all.isEmpty()) {
                cases.add(new EmptyState(VaadinIcon.CHECK_SQUARE_O, "No test cases yet", "Open a call and choose"
                        + " \"Save as a test case\", or POST /api/plugins/calls/test-cases."));
            }
            boolean may = ctx.isPermitted(Calls.MANAGE);
            for (CallTests.TestCase c : all) {
                Div row = CallsUi.row();
                row.addClassName("calls-test-case");
                row.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
                Div what = new Div(new Span(c.name()));
                what.getStyle().set("flex", "1 1 20em").set("font-weight", "600");
                Span says = new Span(String.join("; ", c.expectations().stream().map(CallTests.Expectation::words)
                        .toList()));
                says.getStyle().set("display", "block").set("font-weight", "normal")
                        .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
                what.add(says);
                row.add(what);
                if (may) {
                    Button delete = new Button("Delete", e -> {
                        CallTests.delete(ctx, c.id());
                        refresh();
                    });
                    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL,
                            ButtonVariant.LUMO_ERROR);
                    row.add(delete);
                }
                cases.add(row);
            }
            runs.removeAll();
            List<CallTests.Run> list = CallTests.runs(ctx, 10);
            if (list.isEmpty()) {
                runs.add(new Paragraph("No run yet."));
            }
            ZoneId zone = ctx.tenant().timezone();
            for (CallTests.Run r : list) {
                runs.add(run(r, zone));
            }
            boolean pending = list.stream().anyMatch(r -> r.status().equals("queued") || r.status().equals("running"));
            getUI().ifPresent(ui -> poll(ui, pending));
        }

        private void poll(UI ui, boolean on) {
            if (on && polling == null) {
                ui.setPollInterval(2000);
                polling = ui.addPollListener(e -> refresh());
            } else if (!on && polling != null) {
                polling.remove();
                polling = null;
                ui.setPollInterval(-1);
            }
        }

        @Override
        protected void onAttach(AttachEvent attach) {
            refresh();
        }

        @Override
        protected void onDetach(DetachEvent detach) {
            if (polling != null) {
                polling.remove();
                polling = null;
                detach.getUI().setPollInterval(-1);
            }
        }
    }

    static Component run(CallTests.Run r, ZoneId zone) {
        String when = CallsUi.when(r.queuedAt(), zone);
        String summary = switch (r.status()) {
            case "queued" -> "queued";
            case "running" -> "running…";
            case "failed" -> "failed: " + r.error();
            default -> r.passed() + " passed, " + r.failed() + " failed" + (r.skipped() == 0 ? "" : ", " + r.skipped()
                    + " not run") + (r.regressions() == 0 ? "" : ", " + r.regressions() + (r.regressions() == 1
                    ? " regression" : " regressions"))
                    + (r.inputTokens() + r.outputTokens() == 0 ? "" : " · " + (r.inputTokens() + r.outputTokens())
                    + " tokens");
        };
        Span head = new Span(when + " · " + r.label() + " · " + summary);
        head.addClassName("calls-test-run-summary");
        if (r.regressions() > 0 || r.failed() > 0) {
            head.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        Div outcomes = new Div();
        r.results().stream().sorted(Comparator.comparing((CallTests.Outcome o) -> !o.regression())
                .thenComparing(o -> !Boolean.FALSE.equals(o.passed()))).forEach(o -> {
                    Span verdict = new Span(o.passed() == null ? "not run" : o.regression() ? "regression"
                            : o.passed() ? "pass" : "fail");
                    verdict.getElement().getThemeList().add("badge " + (o.passed() == null ? "contrast"
                            : o.passed() ? "success" : "error" + (o.regression() ? " primary" : "")));
                    Div line = new Div(verdict, new Span(" " + o.caseName() + ": " + o.expectation() + " — " + o.actual()));
                    line.addClassName("calls-test-outcome");
                    line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "2px 0");
                    outcomes.add(line);
                });
        Details details = new Details(head, outcomes);
        details.addClassName("calls-test-run");
        details.getElement().setAttribute("data-status", r.status());
        return details;
    }
}

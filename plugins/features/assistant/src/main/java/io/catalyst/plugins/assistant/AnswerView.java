package io.catalyst.plugins.assistant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Consumer;

/**
 * One answer as it arrives: the model's text streaming, the tools it uses, a confirmation when one would change data,
 * then the checked answer with its figures linked (or marked when the check could not find them).
 */
final class AnswerView extends Div {

    private static final long serialVersionUID = 1L;

    private final Span live = new Span();
    private final Div steps = new Div();
    private final Div body = new Div();

    AnswerView(int number) {
        setId("assistant-answer-" + number);
        addClassName("assistant-answer");
        getStyle().set("max-width", "100%").set("border-left", "3px solid var(--lumo-primary-color)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("overflow-wrap", "anywhere");
        steps.addClassName("assistant-steps");
        steps.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        live.addClassName("assistant-live");
        live.getStyle().set("white-space", "pre-wrap");
        body.getStyle().set("white-space", "pre-wrap");
        Span thinking = new Span("Thinking…");
        thinking.addClassName("assistant-thinking");
        thinking.getStyle().set("color", "var(--lumo-secondary-text-color)");
        live.add(thinking);
        add(steps, live, body);
    }

    void stream(String token) {
        live.getChildren().filter(c -> c.hasClassName("assistant-thinking")).toList().forEach(live::remove);
        live.add(new Span(token));
    }

    void step(String description) {
        Div line = new Div();
        line.setText(description);
        steps.add(line);
    }

    void confirm(String question, Consumer<Boolean> reply) {
        Div card = new Div();
        card.addClassName("assistant-confirmation");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius",
                "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-s)").set("margin",
                "var(--lumo-space-xs) 0");
        Span text = new Span(question);
        text.addClassName("assistant-confirmation-question");
        Button yes = new Button("Yes, do it");
        yes.setId("assistant-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button no = new Button("No");
        no.setId("assistant-decline");
        no.addThemeVariants(ButtonVariant.LUMO_SMALL);
        yes.addClickListener(e -> decide(card, yes, no, true, reply));
        no.addClickListener(e -> decide(card, yes, no, false, reply));
        Div buttons = new Div(yes, no);
        buttons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("margin-top",
                "var(--lumo-space-xs)");
        card.add(text, buttons);
        steps.add(card);
    }

    private static void decide(Div card, Button yes, Button no, boolean choice, Consumer<Boolean> reply) {
        yes.setEnabled(false);
        no.setEnabled(false);
        // ids are for the open question only: a later one gets them
        yes.getElement().removeAttribute("id");
        no.getElement().removeAttribute("id");
        card.add(new Span(choice ? " Confirmed." : " Declined."));
        reply.accept(choice);
    }

    // an address inside the application only: a tool's link is a plugin's text, never a script or another site
    private static final java.util.regex.Pattern ROUTE = java.util.regex.Pattern.compile(
            "[a-z0-9][a-z0-9/_-]*(\\?[^\\s<>\"'`]*)?");

    static String safe(String link) {
        return link != null && link.length() <= 2_000 && ROUTE.matcher(link).matches() ? link : null;
    }

    void show(List<FigureCheck.Part> parts, List<String> offered, long unverified) {
        List<String> links = offered.stream().map(AnswerView::safe).filter(java.util.Objects::nonNull).toList();
        live.setVisible(false);
        body.removeAll();
        body.addClassName("assistant-reply");
        for (FigureCheck.Part p : parts) {
            if (!p.number()) {
                body.add(new Span(p.text()));
            } else if (p.figure() != null) {
                String link = p.figure().link() != null ? safe(p.figure().link())
                        : links.isEmpty() ? null : links.get(0);
                if (link == null) {
                    Span figure = new Span(p.text());
                    figure.addClassName("assistant-figure");
                    figure.setTitle(p.figure().label());
                    body.add(figure);
                } else {
                    Anchor figure = new Anchor(link, p.text());
                    figure.getElement().setAttribute("router-link", true);
                    figure.addClassName("assistant-figure");
                    figure.setTitle(p.figure().label() + " — open the dashboard");
                    body.add(figure);
                }
            } else {
                Span doubtful = new Span(p.text() + " ⚠");
                doubtful.addClassName("assistant-unverified");
                doubtful.setTitle("This number is not among the figures the tools returned");
                doubtful.getStyle().set("background", "var(--lumo-error-color-10pct)").set("border-radius", "3px")
                        .set("padding", "0 2px");
                body.add(doubtful);
            }
        }
        if (unverified > 0) {
            Div warning = new Div();
            warning.addClassName("assistant-check-warning");
            warning.setText(unverified == 1 ? "1 number in this answer is not in your data as the tools returned it:"
                    + " check it before you rely on it."
                    : unverified + " numbers in this answer are not in your data as the tools returned it: check"
                    + " them before you rely on them.");
            warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size",
                    "var(--lumo-font-size-s)").set("margin-top", "var(--lumo-space-xs)");
            add(warning);
        }
        if (!links.isEmpty()) {
            Div sources = new Div();
            sources.addClassName("assistant-sources");
            sources.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin-top", "var(--lumo-space-xs)")
                    .set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
            int n = 0;
            for (String link : links.stream().limit(5).toList()) {
                Anchor a = new Anchor(link, VaadinIcon.CHART.create(), new Span(" " + describe(link)));
                a.getElement().setAttribute("router-link", true);
                a.addClassName("assistant-source");
                a.setId(getId().orElse("assistant-answer") + "-source-" + (++n));
                sources.add(a);
            }
            add(sources);
        }
    }

    void failed(String message) {
        live.setVisible(false);
        body.removeAll();
        body.addClassName("assistant-error");
        body.setText(message);
        body.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    // "plugins/dashboards/overview?period=last_month..." reads "Overview, last month"
    private static String describe(String link) {
        String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
        String screen = path.substring(path.lastIndexOf('/') + 1);
        return "Open " + Character.toUpperCase(screen.charAt(0)) + screen.substring(1).replace('-', ' ');
    }
}

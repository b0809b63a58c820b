package io.catalyst.plugins.scoring;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.catalyst.plugins.scoring.model.Reason;
import java.util.UUID;

/** Pieces the scoring screens share: the score badge, a reason line, links, rows that wrap on phones. */
final class ScoringUi {

    private ScoringUi() {
    }

    /** A lead source for people: the CRM's name, the intake and imports in words. */
    static String sourceName(String source) {
        return switch (source) {
            case "hubspot" -> "HubSpot";
            case "sandbox" -> "the sandbox CRM";
            case "intake" -> "the web form intake";
            case "import" -> "an import";
            default -> source;
        };
    }

    /** A scoring screen's outer box: its id, and the width the screens share. */
    static Div screen(String id) {
        Div screen = new Div();
        screen.setId(id);
        screen.getStyle().set("max-width", "960px");
        return screen;
    }

    static String leadRoute(UUID id) {
        return "plugins/scoring/lead?id=" + id;
    }

    /** A link the router follows without reloading the page. */
    static Anchor link(String route, String text) {
        Anchor a = new Anchor(route, text);
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    /** The score in a badge coloured by band: hot green, warm plain, cold grey. */
    static Span score(Integer points, String band) {
        Span s = new Span(points == null ? "–" : String.valueOf(points));
        s.getElement().getThemeList().add("badge pill " + switch (band == null ? "" : band) {
            case "hot" -> "success primary";
            case "warm" -> "success";
            default -> "contrast";
        });
        s.getElement().setAttribute("title", band == null ? "Not scored yet" : band + " lead");
        s.getStyle().set("min-width", "2.5em").set("justify-content", "center");
        return s;
    }

    /** "Job level is VP (+12)", green when it raised the score, red when it lowered it. */
    static Span reason(Reason r) {
        Span s = new Span((r.effect() >= 0 ? "▲ " : "▼ ") + r.words());
        s.getStyle().set("color", r.effect() >= 0 ? "var(--lumo-success-text-color)"
                : "var(--lumo-error-text-color)");
        return s;
    }

    /** A flex row that wraps on narrow screens. */
    static Div row() {
        Div d = new Div();
        d.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "center");
        return d;
    }
}

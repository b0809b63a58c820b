package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.html.Div;

/** Grey skeleton boxes shown while figures load: a row of tile-sized boxes and one chart-sized box. */
public class LoadingPlaceholder extends Div {

    private static final long serialVersionUID = 1L;

    public LoadingPlaceholder() {
        this(4, true);
    }

    /** @param tiles how many tile-sized boxes; {@code chart} whether a chart-sized box follows */
    public LoadingPlaceholder(int tiles, boolean chart) {
        addClassName("catalyst-loading");
        getElement().setAttribute("aria-busy", "true");
        getElement().setAttribute("aria-label", "Loading");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m, 1rem)")
                .set("width", "100%");
        for (int i = 0; i < tiles; i++) {
            add(box("1 1 160px", "96px"));
        }
        if (chart) {
            add(box("1 1 100%", "280px"));
        }
    }

    private static Div box(String flex, String height) {
        Div box = new Div();
        box.addClassName("catalyst-skeleton");
        box.getStyle().set("flex", flex).set("height", height).set("min-width", "150px")
                .set("border-radius", "var(--lumo-border-radius-l, 12px)")
                .set("background", "linear-gradient(90deg, var(--lumo-contrast-5pct, #f3f4f6) 25%,"
                        + " var(--lumo-contrast-10pct, #e6e8eb) 50%, var(--lumo-contrast-5pct, #f3f4f6) 75%)")
                .set("background-size", "200% 100%");
        return box;
    }
}

package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A plugin's panel docked at the right of the page (the whole width on a phone). It belongs to the UI, not to a
 * screen, so it stays open with its state while the user moves between screens.
 */
public class PanelDock extends Div {

    private static final long serialVersionUID = 1L;

    PanelDock(PanelSource.Panel found) {
        setId(found.elementId() + "-dock");
        addClassName("shell-panel-dock");
        getElement().setAttribute("role", "complementary");
        getElement().setAttribute("aria-label", found.label());
        H2 title = new H2(found.label());
        title.addClassName("shell-panel-title");
        Button close = new Button(VaadinIcon.CLOSE.create(), e -> close());
        close.setId(found.elementId() + "-close");
        close.setAriaLabel("Close " + found.label());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        close.addClickShortcut(Key.ESCAPE);
        Div header = new Div(icon(found.icon()), title, close);
        header.addClassName("shell-panel-header");
        Div body = new Div(found.content().get());
        body.addClassName("shell-panel-body");
        add(header, body);
    }

    void close() {
        getParent().ifPresent(p -> getElement().removeFromParent());
    }

    static Component icon(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? new Icon(VaadinIcon.PUZZLE_PIECE) : new Icon(name.substring(0, colon),
                name.substring(colon + 1));
    }
}

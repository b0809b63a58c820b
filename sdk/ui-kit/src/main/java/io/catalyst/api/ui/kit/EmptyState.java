package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What a screen shows instead of figures: an icon, a title and a sentence saying what to do, maybe a button. */
public class EmptyState extends Div {

    private static final long serialVersionUID = 1L;

    private final H3 title;
    private final Paragraph text;
    private Button action;

    public EmptyState(VaadinIcon icon, String title, String text) {
        addClassName("catalyst-empty-state");
        getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("text-align", "center").set("padding", "var(--lumo-space-xl, 2.5rem) var(--lumo-space-m, 1rem)")
                .set("color", "var(--lumo-secondary-text-color, #6b7785)").set("box-sizing", "border-box")
                .set("width", "100%");
        Icon i = icon.create();
        i.setSize("48px");
        i.getStyle().set("color", "var(--lumo-contrast-30pct, #b6bcc4)");
        this.title = new H3(title);
        this.title.getStyle().set("margin", "var(--lumo-space-s, .5rem) 0 0");
        this.text = new Paragraph(text);
        this.text.getStyle().set("max-width", "32rem");
        add(i, this.title, this.text);
    }

    /** Adds a button, e.g. "Open Integrations". */
    public EmptyState withAction(String label, ComponentEventListener<ClickEvent<Button>> listener) {
        if (action != null) {
            remove(action);
        }
        action = new Button(label, listener);
        action.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(action);
        return this;
    }

    public String getTitleText() {
        return title.getText();
    }

    public String getText() {
        return text.getText();
    }

    public Button getAction() {
        return action;
    }
}

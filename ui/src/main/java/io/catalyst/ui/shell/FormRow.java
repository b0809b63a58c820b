package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

/** Fields and their button side by side, wrapping onto more lines on a narrow screen. */
public class FormRow extends FlexLayout {

    private static final long serialVersionUID = 1L;

    public FormRow(Component... components) {
        super(components);
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-m)");
    }
}

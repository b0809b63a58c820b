package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableSupplier;
import java.util.List;

/**
 * Panels docked beside every screen (a plugin's chat), worked out for the signed-in user and where they work, as the
 * top bar is built. Found through {@code META-INF/services/io.catalyst.ui.shell.PanelSource}.
 */
public interface PanelSource {

    /**
     * A panel: its button and what it shows.
     *
     * @param elementId the button's element id; its dock's is this with {@code -dock}
     * @param label     the button's label and the dock's title
     * @param icon      a Vaadin icon name such as {@code vaadin:comments-o}
     * @param content   builds the panel when it is opened; says itself what went wrong if it cannot
     */
    record Panel(String elementId, String label, String icon, SerializableSupplier<Component> content) {
    }

    /** The panels the signed-in user may open now; already filtered by permission. */
    List<Panel> panels();
}

package io.catalyst.api.ui;

import com.vaadin.flow.component.Component;
import io.catalyst.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * A panel reachable from every screen, such as the assistant's chat: the host puts a button for it in the top bar of
 * tenants that enabled the plugin, for users holding {@link #requiredPermission()}, and opens it beside the screen.
 * Since API 0.8.0.
 */
public interface UiPanel extends ExtensionPoint {

    /** A short id, unique within the plugin: lower case letters, digits and dashes. */
    String id();

    /** The button's label and tooltip. */
    String label();

    /** Vaadin icon name for the button, e.g. {@code vaadin:comments}. */
    String icon();

    /** Tenant-relative permission needed to see the button; null for every member. */
    String requiredPermission();

    /**
     * Builds the panel's content when the user first opens it in a page; it stays open (and keeps its state) while the
     * user moves between screens, until they close it. As with {@link UiScreen#create}, the context serves the
     * panel's listeners for as long as it is open. What the user looks at now (the screen's path, and its period and
     * filters as parameters) is the UI kit's {@code ScreenState.current(UI)}.
     */
    Component create(PluginContext ctx);
}

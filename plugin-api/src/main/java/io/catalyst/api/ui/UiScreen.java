package io.catalyst.api.ui;

import com.vaadin.flow.component.Component;
import io.catalyst.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * A screen in the Catalyst UI. The host registers it at {@code plugins/{pluginId}/{route}}, adds it to the side
 * navigation of tenants that enabled the plugin, and shows it only to users holding {@link #requiredPermission()}.
 */
public interface UiScreen extends ExtensionPoint {

    /** Route segment under the plugin's prefix, e.g. {@code report}; lower case letters, digits and dashes. */
    String route();

    /** Page title. */
    String title();

    /** Side-navigation label; the title by default. */
    default String navLabel() {
        return title();
    }

    /** Vaadin icon name for the side navigation, e.g. {@code vaadin:chart}, or null for none. */
    String navIcon();

    /** Tenant-relative permission needed to see the screen, e.g. {@code leads:read}; null for every member. */
    String requiredPermission();

    /**
     * Builds the screen's content. Called once per navigation through the guarded call path, on a plugin-call thread
     * while the navigation waits ({@code UI.getCurrent()} works) and under the call time limit: keep it fast and load
     * data lazily. The screen's listeners may keep using {@code ctx} while the screen is open (to query again when
     * the user changes a period or a filter); they run on the UI's request thread, outside the call time limit, so
     * keep them as quick as {@code create}.
     */
    Component create(PluginContext ctx);
}

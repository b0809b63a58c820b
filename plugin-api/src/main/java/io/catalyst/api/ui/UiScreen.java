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

    /**
     * Whether the side navigation lists the screen. A detail screen opened from another one (a task, an alert, by
     * its address with {@code ?id=}) answers false: it still works at its address. Since API 0.5.0.
     */
    default boolean inNavigation() {
        return true;
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

    /**
     * Builds the screen for an address with query parameters, such as a detail screen's
     * {@code plugins/tasks/task?id=...}: the host calls this one, with the parameters of the address being opened
     * (inside {@link #create(PluginContext)} the UI's location may still be the previous page's). By default the
     * parameters are ignored. Since API 0.5.0.
     *
     * @param parameters the query parameters by name; empty when the address has none
     */
    default Component create(PluginContext ctx, java.util.Map<String, java.util.List<String>> parameters) {
        return create(ctx);
    }
}

package io.catalyst.ui.plugins;

import io.catalyst.api.ui.UiScreen;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.runtime.Contribution;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.runtime.PluginRuntime;
import io.catalyst.core.plugins.TenantPlugins;
import io.catalyst.ui.shell.NavEntry;
import io.catalyst.ui.shell.UserSession;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The screens plugins contribute to the signed-in user's tenant: only those of plugins enabled there, and only those
 * whose permission the user holds. Each lives at {@code /plugins/<plugin-id>/<route>} in the shell.
 */
public final class PluginScreens {

    /** Plugin screens sit between the core's working screens and its settings. */
    private static final int ORDER = 500;

    private PluginScreens() {
    }

    /** A plugin screen found for the current tenant. */
    public record Found(Contribution<UiScreen> screen, String route, String title, String icon, String permission) {
        NavEntry navEntry() {
            return new NavEntry("plugins/" + screen.pluginId() + "/" + route, title, icon, ORDER,
                    screen.pluginId(), permission);
        }
    }

    /** The side-navigation entries of the plugin screens the user may open here. */
    public static List<NavEntry> navEntries() {
        return visible().stream().map(Found::navEntry).toList();
    }

    /** One screen, if its plugin is enabled here and the user may open it. */
    public static Optional<Found> find(String pluginId, String route) {
        return visible().stream().filter(f -> f.screen().pluginId().equals(pluginId) && f.route().equals(route))
                .findFirst();
    }

    private static List<Found> visible() {
        Optional<SignedIn.TenantAccess> tenant = UserSession.tenant();
        PluginHost host;
        TenantPlugins tenantPlugins;
        try {
            host = CDI.current().select(PluginHost.class).get();
            tenantPlugins = CDI.current().select(TenantPlugins.class).get();
        } catch (IllegalStateException e) {
            return List.of(); // no container (UI unit tests): no plugins
        }
        if (tenant.isEmpty() || !host.ready()) {
            return List.of();
        }
        PluginRuntime runtime = host.runtime();
        Set<String> enabled = tenantPlugins.enabledIds(tenant.get().tenantId());
        List<Found> found = new ArrayList<>();
        for (Contribution<UiScreen> screen : runtime.extensions(UiScreen.class)) {
            if (!enabled.contains(screen.pluginId())) {
                continue;
            }
            try {
                Found candidate = runtime.call(screen, "screen description", s -> new Found(screen, s.route(),
                        s.navLabel(), s.navIcon() == null ? "vaadin:puzzle-piece" : s.navIcon(),
                        s.requiredPermission()));
                if (candidate.permission() == null || UserSession.permits(candidate.permission())) {
                    found.add(candidate);
                }
            } catch (RuntimeException e) {
                // a failing plugin loses its entries; the shell and other plugins stay
            }
        }
        return found;
    }
}

package io.catalyst.ui.plugins;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.core.plugins.PluginDispatch;
import io.catalyst.runtime.Contribution;
import io.catalyst.ui.shell.NavEntry;
import io.catalyst.ui.shell.UserSession;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public record Found(Contribution<UiScreen> screen, String route, String title, String icon, String permission,
                        boolean inNavigation) {
        NavEntry navEntry() {
            return new NavEntry("plugins/" + screen.pluginId() + "/" + route, title, icon, ORDER,
                    screen.pluginId(), permission);
        }
    }

    /** The side-navigation entries of the plugin screens the user may open here. */
    public static List<NavEntry> navEntries() {
        return visible().stream().filter(Found::inNavigation).map(Found::navEntry).toList();
    }

    /**
     * Builds a screen's component through the guarded call path, with the current UI set on the plugin's thread
     * (components may look it up while they are built).
     *
     * @throws io.catalyst.runtime.PluginFailure if the plugin throws or hangs
     */
    public static Component build(Contribution<UiScreen> screen, PluginDispatch.On on, String operation,
                                  Map<String, List<String>> parameters) {
        UI ui = UI.getCurrent();
        return CDI.current().select(PluginDispatch.class).get().call(screen, on, operation, (s, context) -> {
            Map<Class<?>, CurrentInstance> saved = CurrentInstance.setCurrent(ui);
            try {
                return s.create(context, parameters);
            } finally {
                CurrentInstance.restoreInstances(saved);
            }
        });
    }

    /** One screen, if its plugin is enabled here and the user may open it. */
    public static Optional<Found> find(String pluginId, String route) {
        return visible().stream().filter(f -> f.screen().pluginId().equals(pluginId) && f.route().equals(route))
                .findFirst();
    }

    private static List<Found> visible() {
        Optional<SignedIn.TenantAccess> tenant = UserSession.tenant();
        PluginDispatch dispatch;
        try {
            dispatch = CDI.current().select(PluginDispatch.class).get();
        } catch (IllegalStateException e) {
            return List.of(); // no container (UI unit tests): no plugins
        }
        if (tenant.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        for (Contribution<UiScreen> screen : dispatch.extensions(tenant.get().tenantId(), UiScreen.class)) {
            try {
                Found candidate = dispatch.describe(screen, "screen description", s -> new Found(screen, s.route(),
                        s.navLabel(), s.navIcon() == null ? "vaadin:puzzle-piece" : s.navIcon(),
                        s.requiredPermission(), s.inNavigation()));
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

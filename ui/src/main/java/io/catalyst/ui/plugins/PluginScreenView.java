package io.catalyst.ui.plugins;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.core.plugins.PluginDispatch;
import io.catalyst.core.sharing.DashboardShares;
import io.catalyst.runtime.PluginFailure;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import io.catalyst.ui.sharing.ShareDialog;

/**
 * Shows a plugin's screen inside the shell. A plugin not enabled for the user's tenant, or a screen they may not
 * open, is not found (said inside the shell, the same for every reason). The plugin builds its component through the guarded call path: if it throws or hangs, this
 * screen says so and the rest of the application goes on.
 */
@Route(value = "plugins/:pluginId/:screen", layout = MainLayout.class)
public class PluginScreenView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private String title = "Plugin";

    public PluginScreenView() {
        addClassName("screen");
        setId("plugin-screen");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String pluginId = event.getRouteParameters().get("pluginId").orElse("");
        String route = event.getRouteParameters().get("screen").orElse("");
        java.util.Optional<PluginScreens.Found> lookup = PluginScreens.find(pluginId, route);
        if (lookup.isEmpty()) {
            // the same answer whether the plugin is missing, not enabled here, or not permitted: nothing to learn
            title = "Not found · Catalyst";
            Paragraph missing = new Paragraph("There is no such screen. The plugin may not be enabled for your"
                    + " company, or your role may not include it.");
            missing.setId("plugin-not-found");
            add(new H2("Not found"), missing);
            return;
        }
        PluginScreens.Found found = lookup.get();
        title = found.title() + " · Catalyst";
        SignedIn.TenantAccess tenant = UserSession.tenant().orElseThrow();
        SignedIn user = UserSession.user().orElseThrow();
        var on = new PluginDispatch.On(tenant.tenantId(), user.userId(), UserSession.permissions());
        try {
            Component screen = PluginScreens.build(found.screen(), on, "screen " + route,
                    event.getLocation().getQueryParameters().getParameters());
            // a dashboard (a screen that only reads figures) can be shared read-only
            if (DashboardShares.READ.equals(found.permission()) && UserSession.permits("dashboards:share")) {
                Button share = new Button("Share", VaadinIcon.SHARE.create(), e -> new ShareDialog(tenant.tenantId(),
                        pluginId, route, found.title()).open());
                share.setId("share-screen");
                share.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                share.getStyle().set("float", "right");
                add(share);
            }
            add(screen);
        } catch (PluginFailure | IllegalStateException failure) {
            H2 heading = new H2(found.title());
            Paragraph message = new Paragraph("This screen of the " + pluginId + " plugin failed to open. The rest of"
                    + " Catalyst works as usual; a platform administrator can see why on the Plugins screen.");
            message.setId("plugin-failed");
            add(heading, message);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

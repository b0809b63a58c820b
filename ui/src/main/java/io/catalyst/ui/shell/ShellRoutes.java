package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.catalyst.ui.system.SystemView;
import java.util.logging.Logger;

/**
 * Registers the shell's screens when Vaadin starts. Screens without {@code @Route}, such as plugin screens, are
 * registered here at runtime; {@link SystemView} is the core's own such screen, which keeps this path exercised.
 * Found through {@code META-INF/services}, so it runs on Liberty and in UI unit tests alike.
 */
public class ShellRoutes implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ShellRoutes.class.getName());

    public static final NavEntry HOME = new NavEntry("", "Home", "vaadin:home", 0, "core");
    public static final NavEntry SYSTEM = new NavEntry("system", "System", "vaadin:server", 900, "core");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinContext context = event.getSource().getContext();
        NavigationRegistry navigation = NavigationRegistry.of(context);
        RouteConfiguration routes = RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(context));

        navigation.register(HOME); // HomeView carries its own @Route
        register(routes, navigation, SYSTEM, SystemView.class);
    }

    /** Makes a screen reachable at its path inside the shell's layout, and lists it in the side navigation. */
    public static void register(RouteConfiguration routes, NavigationRegistry navigation, NavEntry entry,
                                Class<? extends Component> view) {
        // isPathAvailable is true when a route IS registered at the path, despite its name
        if (!routes.isPathAvailable(entry.path())) {
            routes.setRoute(entry.path(), view, MainLayout.class);
            LOG.fine(() -> "Registered route '" + entry.path() + "' -> " + view.getName());
        }
        navigation.register(entry);
    }
}

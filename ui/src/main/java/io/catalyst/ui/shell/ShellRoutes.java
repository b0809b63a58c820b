package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.catalyst.core.identity.Permissions;
import io.catalyst.ui.system.SystemView;
import java.util.List;
import java.util.logging.Logger;

/**
 * Registers the shell's screens when Vaadin starts: the core's side-navigation entries, and {@link SystemView} as a
 * route added at runtime (it has no {@code @Route}), which keeps that path exercised. Plugin screens are not
 * registered here: they share one route, {@code PluginScreenView}, and their entries are added per tenant by
 * {@code MainLayout}. Found through {@code META-INF/services}, so it runs on Liberty and in UI unit tests alike.
 */
public class ShellRoutes implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ShellRoutes.class.getName());

    public static final NavEntry HOME = new NavEntry("", "Home", "vaadin:home", 0, "core");
    public static final NavEntry SETTINGS = new NavEntry("settings", "Company settings", "vaadin:cog", 690, "core",
            Permissions.TENANT_MANAGE);
    public static final NavEntry MEMBERS = new NavEntry("members", "Members", "vaadin:users", 700, "core",
            Permissions.USERS_READ);
    public static final NavEntry TOKENS = new NavEntry("api-tokens", "API tokens", "vaadin:key", 710, "core",
            Permissions.TOKENS_MANAGE);
    public static final NavEntry AUDIT = new NavEntry("audit", "Audit log", "vaadin:list", 720, "core",
            Permissions.AUDIT_READ);
    public static final NavEntry TENANTS = new NavEntry("admin/tenants", "Tenants", "vaadin:building", 800, "core",
            Permissions.PLATFORM_TENANTS + ":manage");
    public static final NavEntry INTEGRATIONS = new NavEntry("integrations", "Integrations", "vaadin:connect", 100,
            "core", Permissions.CONNECTIONS_READ);
    public static final NavEntry COMPANY_PLUGINS = new NavEntry("settings/plugins", "Plugins", "vaadin:plug", 695,
            "core", Permissions.PLUGINS_MANAGE);
    public static final NavEntry PLATFORM_PLUGINS = new NavEntry("admin/plugins", "Plugin catalogue", "vaadin:plug",
            810, "core", Permissions.PLATFORM_PLUGINS + ":manage");
    public static final NavEntry SYSTEM = new NavEntry("system", "System", "vaadin:server", 900, "core",
            Permissions.PLATFORM_SYSTEM + ":read");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinContext context = event.getSource().getContext();
        NavigationRegistry navigation = NavigationRegistry.of(context);

        // screens with their own @Route
        for (NavEntry entry : List.of(HOME, INTEGRATIONS, SETTINGS, COMPANY_PLUGINS, MEMBERS, TOKENS, AUDIT, TENANTS,
                PLATFORM_PLUGINS)) {
            navigation.register(entry);
        }
        register(context, SYSTEM, SystemView.class);

        Guard guard = Guard.of(context);
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(guard::check));
    }

    /**
     * Makes a screen reachable at its path inside the shell's layout, lists it in the side navigation, and guards it
     * with the entry's permission.
     */
    public static void register(VaadinContext context, NavEntry entry, Class<? extends Component> view) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(context));
        // isPathAvailable is true when a route IS registered at the path, despite its name
        if (!routes.isPathAvailable(entry.path())) {
            routes.setRoute(entry.path(), view, MainLayout.class);
            LOG.fine(() -> "Registered route '" + entry.path() + "' -> " + view.getName());
        }
        NavigationRegistry.of(context).register(entry);
        Guard.of(context).require(view, entry.permission());
    }
}

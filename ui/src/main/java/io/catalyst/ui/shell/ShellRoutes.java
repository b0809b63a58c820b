package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteBaseData;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Builds the shell's navigation when Vaadin starts, from what the screens declare, without naming any of them: the
 * entries that {@code @Route} screens declare with {@link Navigation}, the screens without {@code @Route} that
 * features contribute ({@link ScreenContribution}; the system screen is one, which keeps that path exercised), and
 * the {@link NavigationSource}s asked on each page load (the plugin screens of the user's tenant, which share one
 * route, {@code PluginScreenView}). Found through {@code META-INF/services}, so it runs on Liberty and in UI unit
 * tests alike.
 */
public class ShellRoutes implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ShellRoutes.class.getName());

    /** Who contributed the entries that screens declare: the UI itself. */
    static final String CORE = "core";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinContext context = event.getSource().getContext();
        NavigationRegistry navigation = NavigationRegistry.of(context);

        // screens with their own @Route: those registered already, and any registered later
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(context);
        routes.addRoutesChangeListener(change -> {
            change.getRemovedRoutes().forEach(route -> declaredEntry(route).map(NavEntry::path)
                    .ifPresent(navigation::unregister));
            change.getAddedRoutes().forEach(route -> declaredEntry(route).ifPresent(navigation::register));
        });
        for (RouteData route : routes.getRegisteredRoutes()) {
            declaredEntry(route).ifPresent(navigation::register);
        }
        // screens without
        ClassLoader loader = ShellRoutes.class.getClassLoader();
        for (ScreenContribution screen : ServiceLoader.load(ScreenContribution.class, loader)) {
            register(context, screen.entry(), screen.view());
        }
        for (PanelSource source : ServiceLoader.load(PanelSource.class, loader)) {
            navigation.addPanelSource(source);
        }
        for (NavigationSource source : ServiceLoader.load(NavigationSource.class, loader)) {
            navigation.addSource(source);
        }

        Guard guard = Guard.of(context);
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(guard::check));
    }

    /** The entry a {@code @Route} screen declares with {@link Navigation}, at the route's path. */
    static Optional<NavEntry> declaredEntry(RouteBaseData<?> route) {
        Class<? extends Component> screen = route.getNavigationTarget();
        Navigation declared = screen.getAnnotation(Navigation.class);
        if (declared == null) {
            return Optional.empty();
        }
        if (route.getTemplate().contains(":")) {
            throw new IllegalStateException(screen.getName() + " declares @Navigation but its route '"
                    + route.getTemplate() + "' has parameters, so no link can lead to it");
        }
        RequiresPermission permission = screen.getAnnotation(RequiresPermission.class);
        return Optional.of(new NavEntry(route.getTemplate(), declared.title(), declared.icon(), declared.order(), CORE,
                permission == null ? null : permission.value()));
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

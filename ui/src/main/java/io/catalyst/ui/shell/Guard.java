package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checked before every navigation: a user must be signed in, and hold the screen's permission. The user's
 * memberships are reloaded first, so a role taken away closes its screens at the next click.
 */
final class Guard implements Serializable {

    private static final long serialVersionUID = 1L;

    // Permissions of screens registered at runtime, which carry no annotation.
    private final Map<Class<?>, String> registered = new ConcurrentHashMap<>();

    // The screen with @PublicScreen(role = SIGN_IN), found among the routes at the first navigation.
    private volatile Class<? extends Component> signIn;

    static Guard of(VaadinContext context) {
        return context.getAttribute(Guard.class, Guard::new);
    }

    void require(Class<?> screen, String permission) {
        if (permission != null) {
            registered.put(screen, permission);
        }
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(PublicScreen.class) || target == ForbiddenView.class) {
            return;
        }
        UserSession.refresh();
        if (UserSession.user().isEmpty()) {
            UserSession.returnAfterSignIn(event.getLocation().getPathWithQueryParameters());
            event.forwardTo(signIn());
            return;
        }
        permissionOf(target).filter(permission -> !UserSession.permits(permission))
                .ifPresent(permission -> event.rerouteToError(new ForbiddenException(permission), permission));
    }

    /** Where people who are not signed in are sent: the one route whose screen has the sign-in role. */
    Class<? extends Component> signIn() {
        if (signIn == null) {
            List<Class<? extends Component>> found = RouteConfiguration.forApplicationScope().getAvailableRoutes()
                    .stream().map(RouteData::getNavigationTarget)
                    .filter(screen -> screen.isAnnotationPresent(PublicScreen.class)
                            && screen.getAnnotation(PublicScreen.class).role() == PublicScreen.Role.SIGN_IN)
                    .distinct().toList();
            if (found.size() != 1) {
                throw new IllegalStateException("Exactly one route must be @PublicScreen(role = SIGN_IN); found "
                        + found);
            }
            signIn = found.get(0);
        }
        return signIn;
    }

    Optional<String> permissionOf(Class<?> screen) {
        RequiresPermission declared = screen.getAnnotation(RequiresPermission.class);
        return Optional.ofNullable(declared != null ? declared.value() : registered.get(screen));
    }
}

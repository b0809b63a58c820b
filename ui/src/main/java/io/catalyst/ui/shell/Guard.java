package io.catalyst.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.VaadinContext;
import io.catalyst.ui.signin.SignInView;
import java.io.Serializable;
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
            event.forwardTo(SignInView.class);
            return;
        }
        permissionOf(target).filter(permission -> !UserSession.permits(permission))
                .ifPresent(permission -> event.rerouteToError(new ForbiddenException(permission), permission));
    }

    Optional<String> permissionOf(Class<?> screen) {
        RequiresPermission declared = screen.getAnnotation(RequiresPermission.class);
        return Optional.ofNullable(declared != null ? declared.value() : registered.get(screen));
    }
}

package io.catalyst.ui.shell;

import com.vaadin.flow.server.VaadinSession;

/**
 * Who the shell shows in its header: the person and the tenant they are working in. Sign-in (the identity work)
 * stores one in the session; until someone signs in, the shell shows a guest without a tenant.
 *
 * @param displayName the person's name
 * @param tenantName  the client company they are working in, or null when none is chosen
 * @param signedIn    whether this is an authenticated user
 */
public record ShellUser(String displayName, String tenantName, boolean signedIn) {

    public static final ShellUser GUEST = new ShellUser("Guest", null, false);

    public static ShellUser current() {
        VaadinSession session = VaadinSession.getCurrent();
        ShellUser user = session != null ? session.getAttribute(ShellUser.class) : null;
        return user != null ? user : GUEST;
    }
}

package io.catalyst.ui.shell;

/**
 * Who the shell shows in its header: the person and the tenant they are working in.
 *
 * @param displayName the person's name
 * @param tenantName  the client company they are working in, or null when none is chosen
 * @param signedIn    whether this is an authenticated user
 */
public record ShellUser(String displayName, String tenantName, boolean signedIn) {

    public static final ShellUser GUEST = new ShellUser("Guest", null, false);

    public static ShellUser current() {
        return UserSession.user()
                .map(user -> new ShellUser(user.name(), UserSession.tenant().map(t -> t.name()).orElse(null), true))
                .orElse(GUEST);
    }
}

package io.catalyst.ui.shell;

import java.util.List;

/**
 * Side-navigation entries that depend on who is signed in and where, such as the screens of the plugins enabled for
 * the user's tenant: asked each time a layout is built, in the request's session. Found through
 * {@code META-INF/services/io.catalyst.ui.shell.NavigationSource}.
 */
public interface NavigationSource {

    /** The entries the signed-in user may open now; already filtered by permission. */
    List<NavEntry> entries();
}

package io.catalyst.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * Page-wide settings: the theme, and server push for live progress of long work.
 * <p>
 * Push goes by long polling, not WebSocket. When a page is left, Vaadin closes the old page's push connection at the
 * end of the next request, holding the session's lock; Liberty writes a WebSocket's close frame synchronously, and
 * that write could wait on a socket the browser no longer reads for a minute or more. Every request of the session
 * waited behind the lock, and the new page stayed blank (a thread dump in CallsBrowserIT showed it:
 * {@code WsocConnLink.outgoingCloseConnection} under {@code VaadinService.removeClosedUIs}). Ending a long poll is
 * an ordinary response.
 */
@Push(transport = Transport.LONG_POLLING)
@Theme("catalyst")
public class AppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}

package io.catalyst.core.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie is {@code Secure} whenever Catalyst is served over HTTPS (its public URL says so), without anyone
 * having to remember {@code CATALYST_COOKIE_SECURE}; it stays usable over plain HTTP on a developer's machine.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String publicUrl = ConfigProvider.getConfig().getOptionalValue("catalyst.public.url", String.class).orElse("");
        if (secure(publicUrl)) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
            LOG.info("Session cookies are Secure: the public URL is HTTPS");
        }
    }

    static boolean secure(String publicUrl) {
        return publicUrl != null && publicUrl.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
    }
}

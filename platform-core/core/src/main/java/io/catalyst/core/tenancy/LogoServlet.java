package io.catalyst.core.tenancy;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves companies' logos at {@code /branding/logo/{tenantId}}, without signing in: the sign-in page, share links and
 * mails show them. An address with the current version ({@code ?v=}) never changes, so browsers keep it for a year;
 * any other answer is kept briefly. Unknown companies and companies without a logo answer 404 alike.
 */
@WebServlet(name = "logos", urlPatterns = "/branding/logo/*")
public class LogoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Logos logos;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Logos.Logo> logo = tenantId(request.getPathInfo()).flatMap(logos::read);
        if (logo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String version = logo.get().version();
        String etag = "\"" + version + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", version.equals(request.getParameter("v"))
                ? "public, max-age=31536000, immutable" : "public, max-age=300");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("image/png");
        response.setContentLength(logo.get().png().length);
        response.getOutputStream().write(logo.get().png());
    }

    private static Optional<UUID> tenantId(String pathInfo) {
        if (pathInfo == null || pathInfo.length() != 37) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(pathInfo.substring(1)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

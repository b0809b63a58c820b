package io.catalyst.core.connect;

import io.catalyst.core.api.Public;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.commons.text.StringEscapeUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where browsers come back from a provider's consent screen, and where share links open. Public: the state (or the
 * link's token) is the proof, bound to the tenant and the person who started the flow.
 */
@Path("connect")
@Public
@RequestScoped
@Tag(name = "Connections")
public class ConnectCallbackResource {

    @Inject
    ConnectionAuthorization authorization;

    @Inject
    ShareLinks shareLinks;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @Inject
    @ConfigProperty(name = "catalyst.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    @GET
    @Path("oauth/callback")
    @Operation(summary = "The OAuth redirect URI: exchanges the code and returns the browser to Catalyst")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
                             @QueryParam("error") String error,
                             @QueryParam("error_description") String description) {
        ConnectionAuthorization.Completed done = authorization.complete(state, code,
                error == null ? null : error + (description == null ? "" : ": " + description));
        if ("/connected".equals(done.returnTo()) || done.returnTo() == null) {
            // someone without a Catalyst account (a share link), or a flow we cannot place: a plain page
            return page(done.error() == null ? "Connected. You can close this window; the agency sees the data"
                    + " from now on." : done.error(), done.error() == null ? 200 : 400);
        }
        String target = publicUrl.replaceAll("/+$", "") + done.returnTo()
                + (done.returnTo().contains("?") ? "&" : "?") + "connection=" + done.connectionId()
                + (done.error() == null ? "" : "&error=" + URLEncoder.encode(done.error(), StandardCharsets.UTF_8));
        return Response.seeOther(URI.create(target)).build();
    }

    @GET
    @Path("link")
    @Operation(summary = "Opens a share link (?token=...): sends the browser to the provider's consent screen")
    public Response link(@QueryParam("token") String token) {
        try {
            return shareLinks.open(token).map(uri -> Response.seeOther(uri).build())
                    .orElseGet(() -> page("This link was already used or has expired. Ask the agency for a new one.",
                            404));
        } catch (ProblemException notReady) { // e.g. no OAuth app yet: say so, and the link keeps working
            return page(notReady.getMessage() + " This link keeps working until it is used or expires.",
                    notReady.type().status());
        }
    }

    /**
     * A browser gets a page (these URLs are opened from mails and consent screens); any other client, a problem like
     * the rest of the API.
     */
    private Response page(String message, int status) {
        boolean browser = headers != null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
        if (!browser && status >= 400) {
            ProblemType type = status == 404 ? ProblemType.NOT_FOUND : status == 409 ? ProblemType.NOT_CONFIGURED
                    : ProblemType.VALIDATION_FAILED;
            throw new ProblemException(type, message);
        }
        return htmlPage(message, status);
    }

    private static Response htmlPage(String message, int status) {
        String safe = StringEscapeUtils.escapeHtml4(message);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Catalyst</title></head>"
                        + "<body style=\"font-family:sans-serif;max-width:40em;margin:4em auto\"><h1>Catalyst</h1><p>"
                        + safe + "</p></body></html>").build();
    }
}

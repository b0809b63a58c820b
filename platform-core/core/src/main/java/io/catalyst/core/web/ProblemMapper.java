package io.catalyst.core.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure in the REST API leaves as {@code application/problem+json}. The stack trace goes to the server log
 * under the request id and never to the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    /** The RFC 9457 media type. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        Response runtimeResponse = failure instanceof WebApplicationException web ? web.getResponse() : null;
        int runtimeStatus = runtimeResponse != null ? runtimeResponse.getStatus() : 0;
        String requestId = requestId();
        Problem problem = Problems.of(failure, runtimeStatus, request.getRequestURI(), requestId);

        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, failure, () -> "Request " + requestId + " " + request.getMethod() + " "
                    + request.getRequestURI() + " failed: " + problem.type());
        } else {
            LOG.log(Level.FINE, failure, () -> "Request " + requestId + " answered " + problem.status());
        }

        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
        if (runtimeResponse != null && runtimeResponse.getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, runtimeResponse.getHeaderString(HttpHeaders.ALLOW));
        }
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"catalyst\"");
        }
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.build();
    }

    private String requestId() {
        Object id = request.getAttribute(RequestIds.ATTRIBUTE);
        return id != null ? id.toString() : RequestIds.accept(null);
    }
}

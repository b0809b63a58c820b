package io.catalyst.core.api;

import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Tokens;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Authenticates and authorises every REST call: a bearer token only (cookies are never read, so the API needs no
 * CSRF defence), then the operation's declared permission. Fails closed: an operation that declares no permission
 * is refused.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiSecurityFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Context
    ResourceInfo resource;

    @Inject
    Tokens tokens;

    @Inject
    CallerContext callers;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || method.isAnnotationPresent(Public.class)
                || (type.isAnnotationPresent(Public.class) && !method.isAnnotationPresent(Requires.class))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Send an API token as 'Authorization: Bearer …'.");
        }
        Caller caller = tokens.verify(header.substring(BEARER.length()).trim());
        callers.set(caller);

        Requires requires = method.isAnnotationPresent(Requires.class)
                ? method.getAnnotation(Requires.class) : type.getAnnotation(Requires.class);
        if (requires == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This operation declares no permission, so no one may"
                    + " call it.");
        }
        if (!tokens.permits(caller, requires.value())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This needs the permission " + requires.value() + ".");
        }
    }
}

package io.catalyst.core.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the current action came from: the client's address and the request id. Read from the request the current
 * thread serves (REST or UI); empty for background work.
 */
@ApplicationScoped
public class RequestOrigin {

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    /** Called by the request-id filter around each request. */
    public static void enter(HttpServletRequest request) {
        CURRENT.set(request);
    }

    public static void leave() {
        CURRENT.remove();
    }

    public String sourceAddress() {
        HttpServletRequest request = CURRENT.get();
        return request != null ? request.getRemoteAddr() : null;
    }

    public String requestId() {
        HttpServletRequest request = CURRENT.get();
        Object id = request != null ? request.getAttribute(RequestIds.ATTRIBUTE) : null;
        return id != null ? id.toString() : null;
    }
}

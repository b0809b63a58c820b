package io.catalyst.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request an id. It is echoed in the {@code X-Request-Id} response header, written to the access log
 * (see server.xml) and put into every error response, so a user's report can be matched to the server's logs.
 */
@WebFilter(filterName = "requestId", urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        RequestOrigin.enter(request);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestOrigin.leave();
        }
    }
}

package io.catalyst.api.rest;

import java.util.Objects;

/**
 * A {@link RestEndpoint} that states its method, path and permission once, in its constructor, so that a plugin's
 * routes read as a list: {@code super(HttpMethod.GET, "tasks/{id}", "tasks:read")}. Since API 0.5.0.
 */
public abstract class RestRoute implements RestEndpoint {

    private final HttpMethod method;
    private final String path;
    private final String requiredPermission;

    /**
     * @param requiredPermission tenant-relative permission the caller needs, or null for {@code tenant:read} only
     */
    protected RestRoute(HttpMethod method, String path, String requiredPermission) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.requiredPermission = requiredPermission;
    }

    @Override
    public final HttpMethod method() {
        return method;
    }

    @Override
    public final String path() {
        return path;
    }

    @Override
    public final String requiredPermission() {
        return requiredPermission;
    }
}

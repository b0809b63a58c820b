package io.catalyst.api.rest;

import io.catalyst.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * One REST operation. The host serves it at {@code /api/plugins/{pluginId}/{path}} to callers with a bearer API token
 * (the API never reads the browser session), checks {@code tenant:read} and then {@link #requiredPermission()} in the
 * token's tenant, and maps a thrown {@link io.catalyst.api.PluginProblem} to an {@code application/problem+json}
 * response. Any other exception is a plugin failure: 502 {@code plugin-failed}, and the plugin is marked FAILED.
 */
public interface RestEndpoint extends ExtensionPoint {

    /** The HTTP method served. */
    HttpMethod method();

    /**
     * Path template relative to the plugin's prefix, with {@code {name}} segments bound to
     * {@link PluginRequest#pathParams()}, e.g. {@code leads/{id}/score}.
     */
    String path();

    /** Tenant-relative permission the caller needs, e.g. {@code leads:write}; null for {@code tenant:read} only. */
    String requiredPermission();

    /** Handles one request. */
    PluginResponse handle(PluginRequest request, PluginContext ctx);
}

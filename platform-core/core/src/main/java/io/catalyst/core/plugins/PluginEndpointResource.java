package io.catalyst.core.plugins;

import io.catalyst.api.PluginProblem;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestEndpoint;
import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Tokens;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves plugins' REST endpoints under {@code /api/plugins/{pluginId}/...}, with the host's authentication, the
 * endpoint's declared permission, problem+json errors, and the guarded call path. A plugin that is not enabled for
 * the caller's tenant has no endpoints there (404).
 */
@Path("plugins/{pluginId}/{path: .*}")
@RequestScoped
@Tag(name = "Plugins", description = "Endpoints contributed by the plugins enabled for the caller's company")
@SecurityRequirement(name = "bearer")
public class PluginEndpointResource {

    private static final List<String> FORWARDED_HEADERS = List.of("accept", "content-type", "accept-language",
            "idempotency-key");

    @Inject
    CallerContext callers;

    @Inject
    Tokens tokens;

    @Inject
    PluginDispatch dispatch;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    // every caller of a plugin endpoint can at least read their company; the endpoint's own permission is checked below
    @GET
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "Call a GET endpoint of a plugin enabled for the company")
    public Response get(@PathParam("pluginId") String pluginId, @PathParam("path") String path) {
        return dispatch(HttpMethod.GET, pluginId, path, null);
    }

    @POST
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "Call a POST endpoint of a plugin enabled for the company")
    public Response post(@PathParam("pluginId") String pluginId, @PathParam("path") String path, String body) {
        return dispatch(HttpMethod.POST, pluginId, path, body);
    }

    @PUT
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "Call a PUT endpoint of a plugin enabled for the company")
    public Response put(@PathParam("pluginId") String pluginId, @PathParam("path") String path, String body) {
        return dispatch(HttpMethod.PUT, pluginId, path, body);
    }

    @DELETE
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "Call a DELETE endpoint of a plugin enabled for the company")
    public Response delete(@PathParam("pluginId") String pluginId, @PathParam("path") String path) {
        return dispatch(HttpMethod.DELETE, pluginId, path, null);
    }

    private Response dispatch(HttpMethod method, String pluginId, String path, String body) {
        Caller caller = callers.caller();
        String requested = "/" + path;
        Contribution<RestEndpoint> endpoint = null;
        Map<String, String> pathParams = null;
        try {
            for (Contribution<RestEndpoint> candidate : dispatch.extensions(caller.tenantId(), pluginId,
                    RestEndpoint.class)) {
                String template = dispatch.declared(candidate, "path", RestEndpoint::path);
                Optional<Map<String, String>> match = PathTemplates.match(template, requested);
                if (match.isPresent() && dispatch.declared(candidate, "method", RestEndpoint::method) == method) {
                    endpoint = candidate;
                    pathParams = match.get();
                    break;
                }
            }
        } catch (PluginFailure failure) { // it would not say what its endpoints are: the plugin's fault, not ours
            throw new ProblemException(ProblemType.PLUGIN_FAILED, "The plugin " + pluginId + " could not say which"
                    + " endpoint answers this request; try again shortly.");
        }
        if (endpoint == null) {
            if (dispatch.outOfService(caller.tenantId(), pluginId)) {
                throw new ProblemException(ProblemType.PLUGIN_FAILED, "The plugin " + pluginId + " is out of service"
                        + " for now; a platform administrator can see why on the Plugins screen.");
            }
            throw notFound(pluginId, requested);
        }
        String permission;
        try {
            permission = dispatch.declared(endpoint, "permission", RestEndpoint::requiredPermission);
        } catch (PluginFailure failure) {
            throw new ProblemException(ProblemType.PLUGIN_FAILED, "The plugin " + pluginId + " could not say which"
                    + " permission this request needs; try again shortly.");
        }
        if (permission != null && !tokens.permits(caller, permission)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This needs the permission " + permission + ".");
        }
        Map<String, String> forwarded = new HashMap<>();
        FORWARDED_HEADERS.forEach(h -> Optional.ofNullable(headers.getHeaderString(h)).ifPresent(v -> forwarded.put(h, v)));
        PluginRequest request = new PluginRequest(method, requested, pathParams, uri.getQueryParameters(), forwarded,
                body);
        var on = new PluginDispatch.On(caller.tenantId(), caller.userId(), p -> tokens.permits(caller, p));
        try {
            PluginResponse response = dispatch.call(endpoint, on, method + " " + requested,
                    (e, context) -> e.handle(request, context));
            return Response.status(response.status()).type(response.contentType()).entity(response.body()).build();
        } catch (PluginProblem problem) {
            throw new ProblemException(ProblemType.forStatus(problem.status()), problem.detail());
        } catch (PluginFailure failure) {
            throw new ProblemException(ProblemType.PLUGIN_FAILED, "The plugin " + pluginId + " could not answer this"
                    + " request: the fault is the plugin's. The server's log names the error under this request's id.");
        }
    }

    private static ProblemException notFound(String pluginId, String path) {
        return new ProblemException(ProblemType.NOT_FOUND, "No endpoint " + path + " of a plugin " + pluginId
                + " is enabled for your company.");
    }
}

package io.catalyst.core.connect;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.settings.SettingField;
import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Permissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The company's data-source connections: connect, configure, and disconnect. Never returns a credential. Their syncs
 * are {@code io.catalyst.core.sync.SyncResource}, under the same paths.
 */
@Path("tenant")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "Data sources of the caller's company and their syncs")
@SecurityRequirement(name = "bearer")
public class ConnectionResource {

    /**
     * A connector as tenants choose it, with the settings a connection may choose (label, default, help), such as
     * what counts as a conversion; set them with {@code settings} when creating or changing a connection.
     */
    public record ConnectorView(String id, String name, String category, AuthKind auth, List<String> streams,
                                List<SettingField> settings) {
    }

    /** Where to send the browser to authorise. */
    public record Authorization(URI authorizeUrl) {
    }

    /** A link for the client's staff. */
    public record ShareLink(URI url) {
    }

    @Inject
    CallerContext callers;

    @Inject
    Connections connections;

    @Inject
    ConnectionAuthorization authorization;

    @Inject
    ShareLinks shareLinks;

    @Inject
    ConnectionSessions sessions;

    @Inject
    ConnectorRegistry registry;

    @GET
    @Path("connectors")
    @Requires(Permissions.CONNECTIONS_READ)
    @Operation(summary = "The connectors the platform offers")
    public List<ConnectorView> connectors() {
        return registry.all().stream().map(a -> new ConnectorView(a.connector().id(), a.connector().displayName(),
                a.connector().category(), a.connector().auth().kind(),
                a.connector().streams().stream().map(s -> s.name()).toList(),
                a.connector().connectionSettings())).toList();
    }

    @GET
    @Path("connections")
    @Requires(Permissions.CONNECTIONS_READ)
    @Operation(summary = "The company's connections with their last sync")
    public List<Connections.View> list() {
        return connections.list(callers.caller().tenantId());
    }

    @POST
    @Path("connections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.CONNECTIONS_MANAGE)
    @Operation(summary = "Create a connection; an API-key connector takes its key here, an OAuth one is authorised next")
    public Response create(Connections.Draft draft) {
        var caller = callers.caller();
        Connections.View created = connections.create(caller.tenantId(), caller.userId(), caller.actor(), draft);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("connections/{connectionId}")
    @Requires(Permissions.CONNECTIONS_READ)
    @Operation(summary = "One connection")
    public Connections.View get(@PathParam("connectionId") UUID id) {
        return connections.get(callers.caller().tenantId(), id);
    }

    @PATCH
    @Path("connections/{connectionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.CONNECTIONS_MANAGE)
    @Operation(summary = "Change name, picked accounts, schedule, lookback, settings, pause, or replace the API key")
    public Connections.View update(@PathParam("connectionId") UUID id, Connections.Change change) {
        var caller = callers.caller();
        return connections.update(caller.tenantId(), caller.userId(), caller.actor(), id, change);
    }

    @DELETE
    @Path("connections/{connectionId}")
    @Requires(Permissions.CONNECTIONS_MANAGE)
    @Operation(summary = "Disconnect; keepData=false also deletes the source's warehouse rows")
    public Response delete(@PathParam("connectionId") UUID id, @QueryParam("keepData") @DefaultValue("true") boolean keepData) {
        var caller = callers.caller();
        connections.delete(caller.tenantId(), caller.userId(), caller.actor(), id, keepData);
        return Response.noContent().build();
    }

    @POST
    @Path("connections/{connectionId}/authorize")
    @Requires(Permissions.CONNECTIONS_MANAGE)
    @Operation(summary = "Start OAuth: answers the provider's consent URL; the provider returns to the platform")
    public Authorization authorize(@PathParam("connectionId") UUID id, @QueryParam("returnTo") String returnTo) {
        var caller = callers.caller();
        return new Authorization(authorization.authorize(caller.tenantId(), caller.userId(), null, id, returnTo));
    }

    @POST
    @Path("connections/{connectionId}/share-link")
    @Requires(Permissions.CONNECTIONS_MANAGE)
    @Operation(summary = "A one-time link (7 days) that lets the client's staff authorise without a Catalyst account")
    public ShareLink share(@PathParam("connectionId") UUID id) {
        var caller = callers.caller();
        return new ShareLink(shareLinks.create(caller.tenantId(), caller.userId(), caller.actor(), id));
    }

    @GET
    @Path("connections/{connectionId}/accounts")
    @Requires(Permissions.CONNECTIONS_MANAGE)
    @Operation(summary = "The provider accounts the connection's authorisation reaches, to pick from")
    public List<io.catalyst.api.connect.ProviderAccount> accounts(@PathParam("connectionId") UUID id) {
        return sessions.providerAccounts(callers.caller().tenantId(), id);
    }
}

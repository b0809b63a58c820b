package io.catalyst.core.sharing;

import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read-only links to a dashboard: the same operations as the Share button on a dashboard. */
@Path("tenant/shares")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sharing", description = "Read-only links to a dashboard for people without an account; audited")
@SecurityRequirement(name = "bearer")
public class ShareResource {

    @Inject
    CallerContext callers;

    @Inject
    DashboardShares shares;

    /** A new link: the plugin and its screen's route, a title, and how many days it lives (1 to 90). */
    public record NewShare(String pluginId, String route, String title, Integer expiresInDays) {
    }

    @GET
    @Requires(Permissions.DASHBOARDS_SHARE)
    @Operation(summary = "The company's read-only links, live and ended")
    public List<DashboardShares.Share> list() {
        return shares.list(callers.caller().tenantId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.DASHBOARDS_SHARE)
    @Operation(summary = "Create a read-only link to a dashboard screen; the answer holds its URL, shown only once")
    public Response create(NewShare body) {
        Caller caller = callers.caller();
        NewShare b = body == null ? new NewShare(null, null, null, null) : body;
        return Response.status(Response.Status.CREATED).entity(shares.create(caller.tenantId(), caller.userId(),
                caller.actor(), b.pluginId(), b.route(), b.title(), b.expiresInDays() == null ? 30
                        : b.expiresInDays())).build();
    }

    @DELETE
    @Path("{shareId}")
    @Requires(Permissions.DASHBOARDS_SHARE)
    @Operation(summary = "Revoke a link: it stops working at once")
    public DashboardShares.Share revoke(@PathParam("shareId") UUID id) {
        Caller caller = callers.caller();
        return shares.revoke(caller.tenantId(), caller.userId(), caller.actor(), id);
    }
}

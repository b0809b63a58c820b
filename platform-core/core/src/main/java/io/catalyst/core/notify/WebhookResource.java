package io.catalyst.core.notify;

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

/** The company's webhooks: notifications posted, signed, to Slack or any receiver. */
@Path("tenant/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Your inbox and how each kind of notification reaches you")
@SecurityRequirement(name = "bearer")
public class WebhookResource {

    @Inject
    CallerContext callers;

    @Inject
    Webhooks webhooks;

    /** A new webhook: a name, an https address and the kinds it takes ({@code alerts}, {@code tasks/task.*}). */
    public record NewWebhook(String name, String url, List<String> kinds) {
    }

    @GET
    @Requires(Permissions.WEBHOOKS_MANAGE)
    @Operation(summary = "The company's webhooks")
    public List<Webhooks.Webhook> list() {
        return webhooks.list(callers.caller().tenantId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.WEBHOOKS_MANAGE)
    @Operation(summary = "Add a webhook; the answer holds its signing secret, shown only once")
    public Response create(NewWebhook body) {
        Caller caller = callers.caller();
        NewWebhook b = body == null ? new NewWebhook(null, null, null) : body;
        return Response.status(Response.Status.CREATED).entity(webhooks.create(caller.tenantId(), caller.userId(),
                caller.actor(), b.name(), b.url(), b.kinds())).build();
    }

    @DELETE
    @Path("{id}")
    @Requires(Permissions.WEBHOOKS_MANAGE)
    @Operation(summary = "Remove a webhook: calls waiting for it are dropped")
    public Response delete(@PathParam("id") UUID id) {
        Caller caller = callers.caller();
        webhooks.delete(caller.tenantId(), caller.userId(), caller.actor(), id);
        return Response.noContent().build();
    }
}

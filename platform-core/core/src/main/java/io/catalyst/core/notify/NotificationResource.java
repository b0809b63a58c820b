package io.catalyst.core.notify;

import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.ApiToken;
import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own inbox in the token's company, and their choice of channel per kind of notification. */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Your inbox and how each kind of notification reaches you")
@SecurityRequirement(name = "bearer")
public class NotificationResource {

    @Inject
    CallerContext callers;

    @Inject
    Inbox inbox;

    @GET
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "Your newest notifications (at most 200) and how many are unread")
    public Inbox.Page list(@QueryParam("unread") @DefaultValue("false") boolean unread,
                          @QueryParam("limit") @DefaultValue("50") int limit) {
        Caller me = person();
        return inbox.page(me.tenantId(), me.userId(), unread, limit);
    }

    @POST
    @Path("{id}/read")
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "Mark one notification read")
    public Map<String, Integer> read(@PathParam("id") UUID id) {
        Caller me = person();
        inbox.markRead(me.tenantId(), me.userId(), id);
        return Map.of("unread", inbox.unread(me.tenantId(), me.userId()));
    }

    @POST
    @Path("read-all")
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "Mark every notification read")
    public Map<String, Integer> readAll() {
        Caller me = person();
        return Map.of("marked", inbox.markAllRead(me.tenantId(), me.userId()), "unread", 0);
    }

    @GET
    @Path("preferences")
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "How each kind of notification reaches you: every kind you chose for or have received")
    public List<Inbox.Preference> preferences() {
        Caller me = person();
        return inbox.preferences(me.tenantId(), me.userId());
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "Choose for one kind: in the app or not, and email IMMEDIATE, DIGEST (daily) or OFF")
    public Inbox.Preference choose(Inbox.Preference choice) {
        Caller me = person();
        return inbox.choose(me.tenantId(), me.userId(), choice == null
                ? new Inbox.Preference(null, null, true, null) : choice);
    }

    // an inbox is a person's: a service token acts for the company, not for whoever created it
    private Caller person() {
        Caller caller = callers.caller();
        if (caller.kind() != ApiToken.Kind.PERSONAL || caller.userId() == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An inbox belongs to a person: use a personal token.");
        }
        return caller;
    }
}

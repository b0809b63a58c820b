package io.catalyst.core.api;

import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Invitations;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Tokens;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
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

@Path("invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "People with access to the company, and their roles")
@SecurityRequirement(name = "bearer")
public class InvitationResource {

    @Inject
    CallerContext callers;

    @Inject
    Invitations invitations;

    @Inject
    Tokens tokens;

    /** Whom to invite, with which roles. */
    public record NewInvitation(String email, List<String> roles) {
    }

    @GET
    @Requires(Permissions.USERS_READ)
    @Operation(summary = "Invitations not accepted yet, newest first: live ones, and those expired within 30 days")
    public List<Invitations.Invitation> list() {
        return invitations.open(callers.caller().tenantId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.USERS_MANAGE)
    @Operation(summary = "Invite someone by email, with roles whose permissions the caller holds; the link is mailed")
    public Response invite(NewInvitation request) {
        if (request == null || request.email() == null || request.roles() == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The invitation is not valid.",
                    List.of(new Problem.FieldError(request == null || request.email() == null ? "email" : "roles",
                            "required")), null);
        }
        Caller caller = callers.caller();
        invitations.invite(caller.userId(), caller.actor(), p -> tokens.permits(caller, p), caller.tenantId(),
                request.email(), request.roles());
        return Response.status(Response.Status.CREATED).entity(invitations.open(caller.tenantId()).get(0)).build();
    }

    @POST
    @Path("{id}/resend")
    @Requires(Permissions.USERS_MANAGE)
    @Operation(summary = "Send an invitation again with a new link, valid for 7 days; the old link stops working")
    public Invitations.Invitation resend(@PathParam("id") UUID id) {
        Caller caller = callers.caller();
        return invitations.resend(caller.userId(), caller.actor(), p -> tokens.permits(caller, p), caller.tenantId(),
                id);
    }

    @DELETE
    @Path("{id}")
    @Requires(Permissions.USERS_MANAGE)
    @Operation(summary = "Take an invitation back; its link stops working at once")
    public Response revoke(@PathParam("id") UUID id) {
        Caller caller = callers.caller();
        invitations.revoke(caller.userId(), caller.actor(), p -> tokens.permits(caller, p), caller.tenantId(), id);
        return Response.noContent().build();
    }
}

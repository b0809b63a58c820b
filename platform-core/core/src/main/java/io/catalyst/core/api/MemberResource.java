package io.catalyst.core.api;

import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Tokens;
import io.catalyst.core.identity.Users;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

@Path("members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "People with access to the company, and their roles")
@SecurityRequirement(name = "bearer")
public class MemberResource {

    @Inject
    CallerContext callers;

    @Inject
    Users users;

    @Inject
    Tokens tokens;

    /** The roles to give. */
    public record RolesChange(List<String> roles) {
    }

    @GET
    @Requires(Permissions.USERS_READ)
    @Operation(summary = "Everyone with access to the company")
    public List<Member> list() {
        return users.members(callers.caller().tenantId());
    }

    @GET
    @Path("{userId}")
    @Requires(Permissions.USERS_READ)
    @Operation(summary = "One member; 404 for anyone who is not a member of the caller's company")
    public Member get(@PathParam("userId") UUID userId) {
        return users.member(callers.caller().tenantId(), userId);
    }

    @PUT
    @Path("{userId}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.USERS_MANAGE)
    @Operation(summary = "Replace a member's roles")
    public Member changeRoles(@PathParam("userId") UUID userId, RolesChange change) {
        Caller caller = callers.caller();
        return users.changeRoles(caller.userId(), caller.actor(), p -> tokens.permits(caller, p), caller.tenantId(),
                userId,
                change == null || change.roles() == null ? List.of() : change.roles());
    }

    @DELETE
    @Path("{userId}")
    @Requires(Permissions.USERS_MANAGE)
    @Operation(summary = "Remove someone from the company: their membership and personal tokens here; 409 for the"
            + " last admin, 403 for someone holding a role whose permissions the caller lacks")
    public Response remove(@PathParam("userId") UUID userId) {
        Caller caller = callers.caller();
        users.remove(caller.userId(), caller.actor(), p -> tokens.permits(caller, p), caller.tenantId(), userId);
        return Response.noContent().build();
    }
}

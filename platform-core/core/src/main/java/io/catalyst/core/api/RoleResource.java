package io.catalyst.core.api;

import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permission;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Roles;
import io.catalyst.core.identity.Tokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles", description = "Built-in and custom roles, and the permissions they grant")
@SecurityRequirement(name = "bearer")
public class RoleResource {

    @Inject
    CallerContext callers;

    @Inject
    Roles roles;

    @Inject
    Tokens tokens;

    /** A new custom role. */
    public record NewRole(String name, String description, List<String> permissions) {
    }

    @GET
    @Requires(Permissions.USERS_READ)
    @Operation(summary = "The roles members can have in the company")
    public List<Roles.RoleView> list() {
        return roles.list(callers.caller().tenantId());
    }

    @GET
    @Path("permissions")
    @Requires(Permissions.USERS_READ)
    @Operation(summary = "The permission registry: what a custom role can grant")
    public List<Permission> permissions() {
        return Permissions.registry().tenantRelative();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.ROLES_MANAGE)
    @Operation(summary = "Create a custom role from permissions in the registry")
    public Response create(NewRole role) {
        Caller caller = callers.caller();
        NewRole wanted = role != null ? role : new NewRole(null, null, null);
        return Response.status(Response.Status.CREATED).entity(roles.create(caller.userId(), caller.actor(),
                p -> tokens.permits(caller, p), caller.tenantId(), wanted.name(), wanted.description(), wanted.permissions())).build();
    }
}

package io.catalyst.core.manifest;

import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Permissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenant-as-code over REST, for platform tokens: what {@code ./catalyst tenants apply|export} calls. */
@Path("platform/manifests")
@RequestScoped
@Tag(name = "Platform: tenant manifests", description = "Apply and export tenants as YAML (docs/tenants.md)")
@SecurityRequirement(name = "bearer")
public class ManifestResource {

    static final String YAML = "application/yaml";

    @Inject
    CallerContext callers;

    @Inject
    TenantManifests manifests;

    @POST
    @Consumes({YAML, "text/yaml"}) // not JSON or plain text: YAML's rules would read them, unlike what was meant
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permissions.PLATFORM_TENANTS + ":manage")
    @Operation(summary = "Create or update a tenant from a manifest; idempotent, all or nothing")
    public Response apply(String yaml) {
        var caller = callers.caller();
        TenantManifests.Applied applied = manifests.apply(caller.userId(), caller.actor(), Manifests.read(yaml));
        return Response.status(applied.created() ? Response.Status.CREATED : Response.Status.OK).entity(applied)
                .build();
    }

    @GET
    @Path("{slug}")
    @Produces(YAML)
    @Requires(Permissions.PLATFORM_TENANTS + ":manage")
    @Operation(summary = "A tenant's current state as a manifest")
    public String export(@PathParam("slug") String slug) {
        return Manifests.write(manifests.export(slug));
    }
}

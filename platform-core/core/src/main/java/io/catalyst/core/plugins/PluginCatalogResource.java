package io.catalyst.core.plugins;

import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.runtime.PluginStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plugin marketplace, for platform tokens. */
@Path("platform/catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: plugin marketplace", description = "Browse the plugin catalog and install from it")
@SecurityRequirement(name = "bearer")
public class PluginCatalogResource {

    @Inject
    CallerContext callers;

    @Inject
    PluginCatalog catalog;

    @Inject
    PluginHost host;

    @Inject
    TenantPlugins tenantPlugins;

    @GET
    @Requires(PluginAdminResource.MANAGE)
    @Operation(summary = "Every release in the catalog: version, API range, whether this platform runs it, what is installed")
    public List<PluginCatalog.Release> releases() {
        return catalog.releases();
    }

    @POST
    @Path("{pluginId}/{version}")
    @Requires(PluginAdminResource.MANAGE)
    @Operation(summary = "Install (or upgrade to) a release from the catalog; its checksum and signature are checked first")
    public PluginAdminResource.PluginView install(@PathParam("pluginId") String pluginId,
                                                  @PathParam("version") String version) {
        var caller = callers.caller();
        PluginStatus status = catalog.install(caller.userId(), caller.actor(), pluginId, version);
        return PluginAdminResource.views(host, tenantPlugins).stream()
                .filter(v -> v.pluginId().equals(status.pluginId())).findFirst().orElseThrow();
    }
}

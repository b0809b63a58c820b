package io.catalyst.core.plugins;

import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Permissions;
import io.catalyst.runtime.PluginStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Installing and removing plugins, for platform tokens: what {@code ./catalyst plugins install} calls. */
@Path("platform/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: plugins", description = "Install, upgrade, restart and remove plugins")
@SecurityRequirement(name = "bearer")
public class PluginAdminResource {

    static final String JAR = "application/java-archive";
    static final String MANAGE = Permissions.PLATFORM_PLUGINS + ":manage";

    @Inject
    CallerContext callers;

    @Inject
    PluginHost host;

    @Inject
    TenantPlugins tenantPlugins;

    /** A plugin as platform admins see it. */
    public record PluginView(String pluginId, String version, String provider, String description, String state,
                             String reason, String warning, String signature, List<String> egressHosts,
                             List<String> permissions, List<String> tenants) {
    }

    @GET
    @Requires(MANAGE)
    @Operation(summary = "Every plugin: version, state and reason, signature, egress hosts, permissions, tenants")
    public List<PluginView> list() {
        return views(host, tenantPlugins);
    }

    @POST
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    @Requires(MANAGE)
    @Operation(summary = "Install a plugin jar, or upgrade the installed one of the same id; the detached Ed25519"
            + " signature goes in the X-Plugin-Signature header")
    public PluginView install(byte[] jar, @HeaderParam("X-Plugin-Signature") String signature) {
        var caller = callers.caller();
        PluginStatus status = host.install(caller.userId(), caller.actor(), jar, signature);
        return views(host, tenantPlugins).stream().filter(v -> v.pluginId().equals(status.pluginId())).findFirst()
                .orElseThrow();
    }

    @POST
    @Path("{pluginId}/restart")
    @Requires(MANAGE)
    @Operation(summary = "Start a FAILED or disabled plugin again")
    public PluginView restart(@PathParam("pluginId") String pluginId) {
        var caller = callers.caller();
        host.restart(caller.userId(), caller.actor(), pluginId);
        return views(host, tenantPlugins).stream().filter(v -> v.pluginId().equals(pluginId)).findFirst()
                .orElseThrow();
    }

    @DELETE
    @Path("{pluginId}")
    @Requires(MANAGE)
    @Operation(summary = "Uninstall a plugin everywhere; tenants' settings are kept for a reinstall")
    public void uninstall(@PathParam("pluginId") String pluginId) {
        var caller = callers.caller();
        host.uninstall(caller.userId(), caller.actor(), pluginId);
    }

    /** The platform's view of every plugin; the admin screen shows the same. */
    public static List<PluginView> views(PluginHost host, TenantPlugins tenantPlugins) {
        Map<String, List<PermissionDeclaration>> permissions = host.declaredPermissions();
        Map<String, List<String>> tenants = tenantPlugins.tenantsByPlugin();
        return host.list().stream().map(s -> new PluginView(s.pluginId(), s.version(), s.provider(),
                s.description(), s.state().name(), s.reason(), s.warning().orElse(null),
                s.signature() == null ? null : s.signature().verdict().name()
                        + (s.signature().keyId() == null ? "" : " (key " + s.signature().keyId() + ")"),
                s.egressHosts().stream().sorted().toList(),
                permissions.getOrDefault(s.pluginId(), List.of()).stream().map(PermissionDeclaration::name).toList(),
                tenants.getOrDefault(s.pluginId(), List.of()))).toList();
    }
}

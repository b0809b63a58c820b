package io.catalyst.core.plugins;

import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The company's plugins: which are enabled, and their settings. */
@Path("tenant/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant plugins", description = "Enable, disable and configure plugins for the caller's company")
@SecurityRequirement(name = "bearer")
public class TenantPluginResource {

    @Inject
    CallerContext callers;

    @Inject
    TenantPlugins plugins;

    /** Whether to enable a plugin. */
    public record Enablement(boolean enabled) {

        /**
         * Exactly {@code {"enabled": true}} or {@code {"enabled": false}}: a missing, null, extra or non-boolean field
         * is refused rather than read as "disable" (JSON-B would turn {@code "yes"} into false).
         */
        static Enablement from(jakarta.json.JsonValue body) {
            if (body instanceof jakarta.json.JsonObject object && object.size() == 1 && object.containsKey("enabled")) {
                jakarta.json.JsonValue.ValueType type = object.get("enabled").getValueType();
                if (type == jakarta.json.JsonValue.ValueType.TRUE || type == jakarta.json.JsonValue.ValueType.FALSE) {
                    return new Enablement(type == jakarta.json.JsonValue.ValueType.TRUE);
                }
            }
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Send {\"enabled\": true} or {\"enabled\":"
                    + " false}.", List.of(new Problem.FieldError("enabled", "true or false, and nothing else")), null);
        }
    }

    @GET
    @Requires(Permissions.PLUGINS_MANAGE)
    @Operation(summary = "The installed plugins, whether each is enabled here, and its settings (secrets only as set)")
    public List<TenantPlugins.View> list() {
        return plugins.list(callers.caller().tenantId());
    }

    @PUT
    @Path("{pluginId}/enablement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.PLUGINS_MANAGE)
    @Operation(summary = "Enable or disable a plugin for the company: {\"enabled\": true}")
    public TenantPlugins.View enablement(@PathParam("pluginId") String pluginId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Enablement.class)))
            jakarta.json.JsonValue body) {
        var caller = callers.caller();
        return plugins.setEnabled(caller.userId(), caller.actor(), caller.tenantId(), pluginId,
                Enablement.from(body).enabled());
    }

    @PUT
    @Path("{pluginId}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.PLUGINS_MANAGE)
    @Operation(summary = "Save the plugin's settings for the company, checked against its schema")
    public TenantPlugins.View settings(@PathParam("pluginId") String pluginId, Map<String, String> settings) {
        var caller = callers.caller();
        return plugins.saveSettings(caller.userId(), caller.actor(), caller.tenantId(), pluginId,
                settings == null ? Map.of() : settings);
    }
}

package io.catalyst.core.system;

import io.catalyst.api.PluginApi;
import io.catalyst.core.api.Public;
import io.catalyst.core.database.Database;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("system")
@Public
@ApplicationScoped
@Tag(name = "System", description = "The running platform")
public class SystemResource {

    @Inject
    Database database;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Version of the platform, its plugin API and its database schema")
    @APIResponse(responseCode = "200", description = "The platform's versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SystemInfo.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON,
                    schema = @Schema(implementation = Problem.class)))
    public SystemInfo info() {
        return new SystemInfo("Catalyst", CatalystVersion.current(), PluginApi.VERSION,
                database.schemaVersion().orElse(null));
    }
}

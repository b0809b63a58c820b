package io.catalyst.core.api;

import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.audit.AuditRecord;
import io.catalyst.core.identity.Permissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit")
@RequestScoped
@Tag(name = "Audit log", description = "Security and administrative actions in the company")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    CallerContext callers;

    @Inject
    AuditLog audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permissions.AUDIT_READ)
    @Operation(summary = "The newest entries of the company's audit log (at most 500)")
    public List<AuditRecord> recent(@QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.recent(callers.caller().tenantId(), limit);
    }
}

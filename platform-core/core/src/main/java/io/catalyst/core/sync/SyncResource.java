package io.catalyst.core.sync;

import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The syncs of the company's connections: sync now, backfill, recent runs, quarantine. Under the connection's own
 * paths ({@code /api/tenant/connections/{connectionId}/…}); the connection itself is {@code ConnectionResource}'s.
 */
@Path("tenant")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "Data sources of the caller's company and their syncs")
@SecurityRequirement(name = "bearer")
public class SyncResource {

    /** A queued sync. */
    public record Queued(UUID jobId) {
    }

    /** A date range to backfill. */
    public record Backfill(String from, String to) {
    }

    @Inject
    CallerContext callers;

    @Inject
    Connections connections;

    @Inject
    SyncScheduler scheduler;

    @Inject
    SyncRuns runs;

    @POST
    @Path("connections/{connectionId}/sync")
    @Requires(Permissions.CONNECTIONS_MANAGE)
    @Operation(summary = "Sync now (or answer the sync already waiting or running)")
    public Queued sync(@PathParam("connectionId") UUID id) {
        UUID tenantId = callers.caller().tenantId();
        connections.get(tenantId, id);
        return new Queued(scheduler.runNow(tenantId, id));
    }

    @POST
    @Path("connections/{connectionId}/backfill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.CONNECTIONS_MANAGE)
    @Operation(summary = "Re-read a date range of daily data, after the regular syncs: {\"from\": \"2026-01-01\", \"to\": \"2026-03-31\"}")
    public Queued backfill(@PathParam("connectionId") UUID id, Backfill range) {
        UUID tenantId = callers.caller().tenantId();
        connections.get(tenantId, id);
        LocalDate from = date("from", range == null ? null : range.from());
        LocalDate to = date("to", range == null ? null : range.to());
        if (to.isBefore(from) || from.plusYears(3).isBefore(to)) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "to must be on or after from, within 3 years",
                    List.of(new Problem.FieldError("to", "on or after from, within 3 years")), null);
        }
        return new Queued(scheduler.backfill(tenantId, id, from, to));
    }

    @GET
    @Path("connections/{connectionId}/runs")
    @Requires(Permissions.CONNECTIONS_READ)
    @Operation(summary = "Recent syncs: status, records, pages, duration, errors")
    public List<SyncRuns.Run> runs(@PathParam("connectionId") UUID id, @QueryParam("limit") @DefaultValue("20") int limit) {
        UUID tenantId = callers.caller().tenantId();
        connections.get(tenantId, id);
        return runs.recent(tenantId, id, Math.max(1, Math.min(limit, 200)));
    }

    @GET
    @Path("connections/{connectionId}/quarantine")
    @Requires(Permissions.CONNECTIONS_READ)
    @Operation(summary = "Records the connection sent that could not be used, with the reason")
    public List<SyncRuns.QuarantinedRecord> quarantine(@PathParam("connectionId") UUID id) {
        UUID tenantId = callers.caller().tenantId();
        connections.get(tenantId, id);
        return runs.quarantined(tenantId, id, 100);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeException e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, field + ": a date like 2026-01-31",
                    List.of(new Problem.FieldError(field, "a date like 2026-01-31")), null);
        }
    }
}

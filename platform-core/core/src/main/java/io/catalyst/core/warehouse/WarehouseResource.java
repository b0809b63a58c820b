package io.catalyst.core.warehouse;

import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The company's performance from the warehouse, for dashboards and API clients. */
@Path("warehouse/insights")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Warehouse", description = "Daily performance of the company's ad accounts, campaigns, ad sets and ads")
@SecurityRequirement(name = "bearer")
public class WarehouseResource {

    /** Most days one question may cover. */
    static final int MAX_DAYS = 731;

    @Inject
    CallerContext callers;

    @Inject
    Warehouse warehouse;

    /** One group's figures and the ratios derived from them (null where the divisor is zero). */
    public record Row(String key, String currency, BigDecimal spend, long impressions, long clicks,
                      BigDecimal conversions, BigDecimal conversionValue, long leads, BigDecimal ctr, BigDecimal cpa,
                      BigDecimal roas) {
    }

    @GET
    @Requires(Permissions.DASHBOARDS_READ)
    @Operation(summary = "Summed daily figures of one level over a date range, by day, entity, source or in total;"
            + " figures in different currencies are never added together")
    public List<Row> insights(@QueryParam("level") @DefaultValue("campaign") String level,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("source") List<String> sources, @QueryParam("entity") List<String> entities,
                              @QueryParam("groupBy") @DefaultValue("total") String groupBy) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        Warehouse.GroupBy grouping;
        try {
            grouping = Warehouse.GroupBy.valueOf(groupBy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("groupBy", "day, entity, source or total");
        }
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw invalid("to", "on or after from, at most " + MAX_DAYS + " days later");
        }
        Warehouse.InsightQuery query;
        try {
            query = new Warehouse.InsightQuery(level, start, end, new HashSet<>(sources), new HashSet<>(entities),
                    grouping);
        } catch (IllegalArgumentException e) {
            throw invalid("level", e.getMessage());
        }
        return warehouse.insights(callers.caller().tenantId(), query).stream()
                .map(t -> new Row(t.key(), t.currency(), t.spend(), t.impressions(), t.clicks(), t.conversions(),
                        t.conversionValue(), t.leads(), t.ctr(), t.cpa(), t.roas())).toList();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "a date like 2026-01-31");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The question is not valid.",
                List.of(new Problem.FieldError(field, message)), null);
    }
}

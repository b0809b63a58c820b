package io.catalyst.core.metrics;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.Grain;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The metrics layer over REST: the same code path plugins use through {@code ctx.metrics()}. */
@Path("tenant/metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics", description = "Named metrics over any dimensions and periods, with compare periods and"
        + " currency conversion; CRM records changed since a cursor")
@SecurityRequirement(name = "bearer")
public class MetricsResource {

    @Inject
    CallerContext callers;

    @Inject
    MetricsService metrics;

    /** What can be asked. */
    public record Catalogue(String currency, String timezone, LocalDate today, List<MetricDefinition> metrics,
                            List<String> dimensions, List<String> grains, List<String> periods,
                            List<String> comparisons) {
    }

    /**
     * A question. The period is a preset ({@code period}, e.g. {@code last_30_days}) or {@code from} and {@code to};
     * {@code compare} is none, previous_period, previous_year or custom (with {@code compareFrom} and
     * {@code compareTo}).
     */
    public record QueryBody(List<String> metrics, List<String> dimensions, String grain, String period, String from,
                            String to, String compare, String compareFrom, String compareTo, List<FilterBody> filters,
                            String sort, Integer limit) {
    }

    /** A filter: {@code op} is equals, in, not_in or contains. */
    public record FilterBody(String dimension, String op, List<String> values) {
    }

    public record PeriodView(LocalDate from, LocalDate to) {
    }

    /** One group's figures; {@code change} is relative (0.12 is +12 %), per metric. */
    public record RowView(List<String> keys, List<String> labels, String currency, Map<String, BigDecimal> values,
                          Map<String, BigDecimal> compare, Map<String, BigDecimal> change) {
    }

    public record Answer(List<String> metrics, List<String> dimensions, String currency, PeriodView period,
                         PeriodView comparePeriod, List<RowView> rows, List<RowView> totals, int rowCount,
                         List<String> notes) {
    }

    /** A custom metric as sent and shown; {@code format} is money, integer, decimal, percent or ratio. */
    public record CustomBody(String label, String description, String formula, String format,
                             Boolean higherIsBetter) {
    }

    @GET
    @Requires(Permissions.DASHBOARDS_READ)
    @Operation(summary = "The metric catalogue (base, derived and the company's custom metrics), dimensions and"
            + " period presets")
    public Catalogue catalogue() {
        Caller caller = callers.caller();
        return new Catalogue(metrics.currency(caller.tenantId()), metrics.zone(caller.tenantId()).getId(),
                metrics.today(caller.tenantId()), metrics.catalogue(caller.tenantId()),
                Arrays.stream(Dimension.values()).map(Dimension::id).toList(),
                Arrays.stream(Grain.values()).map(g -> g.name().toLowerCase(Locale.ROOT)).toList(),
                Period.PRESETS,
                Arrays.stream(Comparison.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    @POST
    @Path("query")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.DASHBOARDS_READ)
    @Operation(summary = "Answer a metrics query: rows per dimension values, totals, and a compare period")
    public Answer query(QueryBody body) {
        Caller caller = callers.caller();
        MetricsQuery query = guarded(() -> toQuery(body, metrics.today(caller.tenantId())));
        return view(guarded(() -> metrics.query(caller.tenantId(), query)));
    }

    @GET
    @Path("records/{kind}")
    @Requires(Permissions.DASHBOARDS_READ)
    @Operation(summary = "Leads, contacts, deals, orders or calls changed since a cursor, oldest change first")
    public RecordPage records(@PathParam("kind") String kind, @QueryParam("since") String since,
                              @QueryParam("source") String source, @QueryParam("limit") @DefaultValue("0") int limit) {
        Caller caller = callers.caller();
        RecordQuery.Kind which;
        try {
            which = RecordQuery.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("kind", "leads, contacts, deals, orders or calls");
        }
        RecordQuery query = guarded(() -> new RecordQuery(which, source, since, limit));
        return guarded(() -> metrics.forTenant(caller.tenantId(), null).records(query));
    }

    @GET
    @Path("custom/{name}")
    @Requires(Permissions.DASHBOARDS_READ)
    @Operation(summary = "One of the company's custom metrics")
    public MetricDefinition custom(@PathParam("name") String name) {
        return metrics.custom(callers.caller().tenantId(), name).map(CustomMetric::definition)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "The company has no metric " + name
                        + "."));
    }

    @PUT
    @Path("custom/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.METRICS_MANAGE)
    @Operation(summary = "Create or replace a custom metric: a formula over the platform's metrics")
    public Response saveCustom(@PathParam("name") String name, CustomBody body) {
        Caller caller = callers.caller();
        CustomBody b = body == null ? new CustomBody(null, null, null, null, null) : body;
        CustomMetric metric = guarded(() -> new CustomMetric(name, b.label(), b.description(), b.formula(),
                CustomMetric.format(b.format()), b.higherIsBetter() == null || b.higherIsBetter()));
        boolean created = metrics.saveCustom(caller.tenantId(), caller.userId(), caller.actor(), metric);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(metric.definition())
                .build();
    }

    @DELETE
    @Path("custom/{name}")
    @Requires(Permissions.METRICS_MANAGE)
    @Operation(summary = "Remove a custom metric")
    public Response deleteCustom(@PathParam("name") String name) {
        Caller caller = callers.caller();
        if (!metrics.deleteCustom(caller.tenantId(), caller.userId(), caller.actor(), name)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The company has no metric " + name + ".");
        }
        return Response.noContent().build();
    }

    static MetricsQuery toQuery(QueryBody body, LocalDate today) {
        if (body == null) {
            throw new MetricsException("send a query: at least metrics and a period");
        }
        Period period = body.period() != null ? Period.preset(body.period(), today)
                : new Period(date("from", body.from()), date("to", body.to()));
        Comparison comparison = body.compare() == null ? Comparison.NONE : enumOf(Comparison.class, "compare",
                body.compare());
        Period compareWith = comparison == Comparison.CUSTOM ? new Period(date("compareFrom", body.compareFrom()),
                date("compareTo", body.compareTo())) : null;
        List<Filter> filters = new ArrayList<>();
        for (FilterBody f : body.filters() == null ? List.<FilterBody>of() : body.filters()) {
            if (f == null || f.dimension() == null || f.op() == null) {
                throw new MetricsException("a filter names a dimension, an op and values");
            }
            filters.add(new Filter(Dimension.of(f.dimension()), enumOf(Filter.Op.class, "op", f.op()), f.values()));
        }
        List<Dimension> dimensions = body.dimensions() == null ? List.of()
                : body.dimensions().stream().map(d -> Dimension.of(d == null ? "" : d)).toList();
        Grain grain = body.grain() == null ? Grain.DAY : enumOf(Grain.class, "grain", body.grain());
        return new MetricsQuery(body.metrics(), dimensions, grain, period, comparison, compareWith, filters,
                body.sort(), body.limit() == null ? 0 : body.limit());
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new MetricsException(field + " is a date like 2026-01-31");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MetricsException(field + " is one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
        }
    }

    static Answer view(MetricsResult r) {
        return new Answer(r.metrics(), r.dimensions().stream().map(Dimension::id).toList(), r.currency(),
                new PeriodView(r.period().from(), r.period().to()), r.comparePeriod() == null ? null
                : new PeriodView(r.comparePeriod().from(), r.comparePeriod().to()),
                r.rows().stream().map(row -> row(r, row)).toList(), r.totals().stream().map(row -> row(r, row)).toList(),
                r.rowCount(), r.notes());
    }

    private static RowView row(MetricsResult r, MetricsResult.Row row) {
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        if (r.comparePeriod() != null) {
            r.metrics().forEach(m -> change.put(m, row.change(m)));
        }
        return new RowView(row.keys(), row.labels(), row.currency(), row.values(), row.compare(), change);
    }

    private static <T> T guarded(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (MetricsException e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, e.getMessage() + ".");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The question is not valid.",
                List.of(new Problem.FieldError(field, message)), null);
    }
}

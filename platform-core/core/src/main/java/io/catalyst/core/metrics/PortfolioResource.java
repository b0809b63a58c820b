package io.catalyst.core.metrics;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.TenantStatus;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.metrics.MetricCatalogue;
import io.catalyst.metrics.Sums;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agency's roll-up: each active company's KPIs and their sum, in the agency's currency (each company's figures
 * converted at each day's rate, never summed across currencies). It crosses tenants, so only platform admins holding
 * {@code platform:portfolio:read} may ask, and every look is audited.
 */
@Path("platform/portfolio")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Portfolio", description = "KPIs across all client companies, for platform admins; audited")
@SecurityRequirement(name = "bearer")
public class PortfolioResource {

    static final List<String> METRICS = List.of("spend", "revenue", "roas", "conversions", "cpa", "leads", "cpl");

    @Inject
    CallerContext callers;

    @Inject
    MetricsService metrics;

    @Inject
    Tenants tenants;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "catalyst.agency.currency", defaultValue = "EUR")
    String agencyCurrency;

    /** One company's KPIs; {@code notes} says when its figures could not all be converted. */
    public record Company(String slug, String name, Map<String, BigDecimal> values, Map<String, BigDecimal> compare,
                          List<String> notes) {
    }

    public record Portfolio(String currency, LocalDate from, LocalDate to, LocalDate compareFrom,
                            LocalDate compareTo, List<Company> companies, Map<String, BigDecimal> total,
                            Map<String, BigDecimal> compareTotal) {
    }

    @GET
    @Requires(Permissions.PLATFORM_PORTFOLIO + ":read")
    @Operation(summary = "Each active company's KPIs and their total, in the agency's currency, against the previous"
            + " period; audited")
    public Portfolio portfolio(@QueryParam("period") @DefaultValue("last_30_days") String preset) {
        Caller caller = callers.caller();
        Period period;
        try {
            period = Period.preset(preset, LocalDate.now(ZoneOffset.UTC));
        } catch (MetricsException e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, e.getMessage() + ".");
        }
        MetricsQuery query = MetricsQuery.of(period, METRICS.toArray(String[]::new))
                .compare(Comparison.PREVIOUS_PERIOD).build();
        List<Company> companies = new ArrayList<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, BigDecimal> compareSums = new LinkedHashMap<>();
        for (Tenant tenant : tenants.all()) {
            if (tenant.status() != TenantStatus.ACTIVE) {
                continue;
            }
            MetricsResult answer = metrics.query(tenant.id(), query, agencyCurrency);
            MetricsResult.Row total = answer.total().orElseThrow();
            boolean converted = agencyCurrency.equals(answer.currency());
            companies.add(new Company(tenant.slug(), tenant.name(), converted ? total.values() : Map.of(),
                    converted ? total.compare() : Map.of(), converted ? answer.notes()
                    : List.of("Some figures have no exchange rate to " + agencyCurrency + "; left out of the total.")));
            if (converted) {
                add(sums, total.values());
                add(compareSums, total.compare());
            }
        }
        audit.record(new AuditEntry(null, caller.userId(), caller.actor(), "platform.portfolio.viewed", "portfolio",
                preset.toLowerCase(Locale.ROOT), null, Map.of("companies", companies.size(), "from",
                period.from().toString(), "to", period.to().toString())));
        Period compare = query.effectiveComparePeriod();
        return new Portfolio(agencyCurrency, period.from(), period.to(), compare.from(), compare.to(), companies,
                derived(sums), derived(compareSums));
    }

    private static void add(Map<String, BigDecimal> into, Map<String, BigDecimal> values) {
        for (String base : List.of("spend", "revenue", "conversions", "leads")) {
            BigDecimal v = values.get(base);
            if (v != null) {
                into.merge(base, v, BigDecimal::add);
            }
        }
    }

    // the ratios of the total come from the summed bases, as everywhere else
    private static Map<String, BigDecimal> derived(Map<String, BigDecimal> bases) {
        Map<String, BigDecimal> all = new LinkedHashMap<>(Sums.zeros());
        all.putAll(bases);
        Map<String, BigDecimal> withRatios = MetricCatalogue.withDerived(all);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String m : METRICS) {
            BigDecimal v = withRatios.get(m);
            out.put(m, v == null || MetricCatalogue.isBase(m) ? v
                    : v.setScale(6, RoundingMode.HALF_UP));
        }
        return out;
    }
}

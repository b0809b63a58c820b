package io.catalyst.core.ai;

import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For platform admins: every company's AI credits, and which model each company uses. */
@Path("platform/ai")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: AI", description = "Every company's AI credits, and the model each company uses")
@SecurityRequirement(name = "bearer")
public class PlatformAiResource {

    static final String PLATFORM_READ = Permissions.PLATFORM_PORTFOLIO + ":read";
    static final String PLATFORM_MANAGE = Permissions.PLATFORM_TENANTS + ":manage";

    @Inject
    CallerContext callers;

    @Inject
    AiCredits credits;

    @Inject
    ModelSettings settings;

    @Inject
    Tenants tenants;

    @Inject
    AuditLog audit;

    /** What the company's model is, for platform admins. */
    public record ModelRequest(String baseUrl, String model, String apiKey) {
    }

    @GET
    @Path("usage")
    @Requires(PLATFORM_READ)
    @Operation(summary = "Every company's AI credits in a month (default this month, as YYYY-MM); audited")
    public List<CompanyView> companies(@QueryParam("month") String month) {
        YearMonth asked;
        try {
            asked = month == null || month.isBlank() ? YearMonth.now(ZoneOffset.UTC) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "month is written as YYYY-MM, e.g. 2026-12.");
        }
        Caller caller = callers.caller();
        List<AiCredits.CompanyMonth> all = credits.companies(asked);
        audit.record(new AuditEntry(null, caller.userId(), caller.actor(), "platform.ai.usage.viewed", "ai-usage",
                asked.toString(), null, Map.of("companies", all.size())));
        return all.stream().map(c -> new CompanyView(c.slug(), c.name(), c.calls(), c.tokens(), c.credits(), c.quota(),
                c.failures())).toList();
    }

    /** One company's month. */
    public record CompanyView(String slug, String name, int calls, long tokens, long credits, long quota,
                              int failures) {
    }

    @GET
    @Path("tenants/{slug}")
    @Requires(PLATFORM_MANAGE)
    @Operation(summary = "The model a company uses: the platform's or its own (never the key)")
    public ModelSettings.View model(@PathParam("slug") String slug) {
        return settings.view(tenant(slug).id());
    }

    @PUT
    @Path("tenants/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(PLATFORM_MANAGE)
    @Operation(summary = "Gives a company its own OpenAI-compatible model (an allowed HTTPS host); audited")
    public ModelSettings.View setModel(@PathParam("slug") String slug, ModelRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Send baseUrl, model and apiKey.");
        }
        Caller caller = callers.caller();
        return settings.set(tenant(slug).id(), request.baseUrl(), request.model(), request.apiKey(),
                caller.userId(), caller.actor());
    }

    @DELETE
    @Path("tenants/{slug}")
    @Requires(PLATFORM_MANAGE)
    @Operation(summary = "Puts a company back on the platform's model; audited")
    public ModelSettings.View clearModel(@PathParam("slug") String slug) {
        Caller caller = callers.caller();
        return settings.clear(tenant(slug).id(), caller.userId(), caller.actor());
    }

    private Tenant tenant(String slug) {
        return tenants.bySlug(slug).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "There is no company " + slug + "."));
    }
}

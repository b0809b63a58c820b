package io.catalyst.core.api;

import io.catalyst.core.identity.Permissions;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Onboarding;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenant")
@RequestScoped
@Tag(name = "Tenant", description = "The caller's own company")
@SecurityRequirement(name = "bearer")
public class TenantResource {

    @Inject
    CallerContext callers;

    @Inject
    Scopes scopes;

    /** The company the caller's token belongs to. */
    public record TenantView(String id, String slug, String name, String timezone, String currency, String plan,
                             int quotaUsers, int quotaConnections, int quotaAiCredits, String logo,
                             String primaryColor, String status, BigDecimal targetCpa, BigDecimal targetRoas,
                             BigDecimal monthlyBudget, int onboardingStep, boolean onboarded) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id().toString(), t.slug(), t.name(), t.timezone(), t.currency(), t.plan(),
                    t.quotaUsers(), t.quotaConnections(), t.quotaAiCredits(), Logos.path(t.id(), t.logoSha()), t.primaryColor(),
                    t.status().name(), t.targetCpa(), t.targetRoas(), t.monthlyBudget(), t.onboardingStep(),
                    t.onboarded());
        }
    }

    @Inject
    Onboarding onboarding;

    @Inject
    Logos logos;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permissions.TENANT_READ)
    @Operation(summary = "The caller's company: profile, plan and quotas, branding, status")
    public TenantView get() {
        var caller = callers.caller();
        return scopes.tenant(caller.tenantId(), em -> TenantView.of(em.find(Tenant.class, caller.tenantId())));
    }

    @PUT
    @Path("profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permissions.TENANT_MANAGE)
    @Operation(summary = "Change the company's name and primary colour")
    public TenantView profile(Onboarding.Profile profile) {
        var caller = callers.caller();
        return TenantView.of(onboarding.saveProfile(caller.userId(), caller.actor(), caller.tenantId(), profile));
    }

    @PUT
    @Path("logo")
    @Consumes({"image/png", "image/jpeg", "image/gif"})
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permissions.TENANT_MANAGE)
    @Operation(summary = "Upload the company's logo: a PNG, JPEG or GIF of at most 1 MiB, stored redrawn as a PNG"
            + " of at most 512x128 pixels")
    public TenantView logo(InputStream image) throws IOException {
        var caller = callers.caller();
        byte[] upload = image == null ? new byte[0] : image.readNBytes(Logos.MAX_BYTES + 1);
        return TenantView.of(logos.save(caller.userId(), caller.actor(), caller.tenantId(), upload));
    }

    @DELETE
    @Path("logo")
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permissions.TENANT_MANAGE)
    @Operation(summary = "Remove the company's logo")
    public TenantView removeLogo() {
        var caller = callers.caller();
        return TenantView.of(logos.remove(caller.userId(), caller.actor(), caller.tenantId()));
    }

    @PUT
    @Path("locale")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permissions.TENANT_MANAGE)
    @Operation(summary = "Change the company's timezone and currency")
    public TenantView locale(Onboarding.Locale locale) {
        var caller = callers.caller();
        return TenantView.of(onboarding.saveLocale(caller.userId(), caller.actor(), caller.tenantId(), locale));
    }

    @PUT
    @Path("goals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permissions.TENANT_MANAGE)
    @Operation(summary = "Change the company's business goals: target CPA, target ROAS, monthly budget")
    public TenantView goals(Onboarding.Goals goals) {
        var caller = callers.caller();
        return TenantView.of(onboarding.saveGoals(caller.userId(), caller.actor(), caller.tenantId(), goals));
    }
}

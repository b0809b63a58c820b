package io.catalyst.core.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.catalyst.core.tenancy.Onboarding;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One client company as code: what {@code tenants/*.yaml} holds, what {@code ./catalyst tenants apply} makes true and
 * {@code ./catalyst tenants export} writes back. The schema is {@code tenant-manifest.schema.json} beside this class;
 * {@code docs/tenants.md} explains it.
 */
@JsonPropertyOrder({"apiVersion", "kind", "slug", "profile", "locale", "plan", "goals", "roles", "users", "plugins"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TenantManifest(String apiVersion, String kind, String slug, Onboarding.Profile profile,
                             Onboarding.Locale locale, Plan plan, Goals goals, List<Role> roles, List<User> users,
                             List<Plugin> plugins) {

    public static final String API_VERSION = "catalyst/v1";
    public static final String KIND = "Tenant";

    public TenantManifest {
        roles = roles == null ? List.of() : List.copyOf(roles);
        users = users == null ? List.of() : List.copyOf(users);
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    /** The plan and its quotas; a quota left out keeps its current value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plan(String name, Quotas quotas) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quotas(Integer users, Integer connections, Integer aiCredits) {
    }

    /** Business goals; one left out is cleared, as in the settings screen. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Goals(BigDecimal targetCpa, BigDecimal targetRoas, BigDecimal monthlyBudget) {
        Onboarding.Goals toSettings() {
            return new Onboarding.Goals(targetCpa, targetRoas, monthlyBudget);
        }
    }

    /** A custom role, from the permission registry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Role(String name, String description, List<String> permissions) {
    }

    /** A member: an existing account joins with these roles; a new address is invited by email. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(String email, String name, List<String> roles) {
    }

    /** A plugin enabled (or not) for the company, with its settings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plugin(String id, Boolean enabled, Map<String, Object> settings) {
    }
}

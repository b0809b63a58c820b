package io.catalyst.api;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * The tenant a plugin call runs for.
 *
 * @param id       stable tenant id
 * @param slug     short url-safe name, e.g. {@code acme}
 * @param name     display name
 * @param timezone the tenant's reporting time zone
 * @param currency ISO 4217 code of the tenant's reporting currency, e.g. {@code EUR}
 * @param goals    the company's marketing goals, each possibly unset; since API 0.8.0
 */
public record TenantInfo(UUID id, String slug, String name, ZoneId timezone, String currency, Goals goals) {

    /** Rejects missing values: every tenant has all of them. */
    public TenantInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(currency, "currency");
        goals = goals == null ? Goals.NONE : goals;
    }

    /** A tenant without goals, as plugins built before API 0.8.0 make one. */
    public TenantInfo(UUID id, String slug, String name, ZoneId timezone, String currency) {
        this(id, slug, name, timezone, currency, Goals.NONE);
    }

    /**
     * What the company aims for, as its admins set it (in the reporting currency). Since API 0.8.0.
     *
     * @param targetCpa     the cost per acquisition to stay under, or null
     * @param targetRoas    the return on ad spend to reach, or null
     * @param monthlyBudget the ad spend planned per month across channels, or null
     */
    public record Goals(BigDecimal targetCpa, BigDecimal targetRoas, BigDecimal monthlyBudget) {

        public static final Goals NONE = new Goals(null, null, null);
    }
}

package io.catalyst.api;

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
 */
public record TenantInfo(UUID id, String slug, String name, ZoneId timezone, String currency) {

    /** Rejects missing values: every tenant has all of them. */
    public TenantInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(currency, "currency");
    }
}

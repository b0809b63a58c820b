package io.catalyst.api.connect;

import java.util.Objects;

/**
 * An account a credential reaches: an ad account, a CRM portal, an analytics property.
 *
 * @param id       the provider's id, as the connector uses it in requests
 * @param name     name shown to the tenant
 * @param currency ISO 4217 currency of its figures, or null
 * @param timezone IANA time zone its days are counted in, or null
 */
public record ProviderAccount(String id, String name, String currency, String timezone) {

    public ProviderAccount {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }
}

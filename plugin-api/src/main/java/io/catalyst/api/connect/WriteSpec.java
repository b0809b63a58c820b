package io.catalyst.api.connect;

import java.util.Objects;
import java.util.Set;

/**
 * What a connector may write back to its provider: some fields of one kind of record, e.g. the contact properties
 * {@code catalyst_score} and {@code catalyst_score_band} of HubSpot contacts. The host writes nothing a connector
 * has not declared here: a plugin asking for another object or field is refused before any request leaves. Since
 * API 0.7.0.
 *
 * @param object      the kind of record, as the connector names it, e.g. {@code contacts}
 * @param fields      the fields a write may set; nothing else
 * @param maxBatch    the most records one {@link Connector#write} call takes (the provider's batch size)
 * @param description what the write does in the provider, in words for the company, e.g. "Sets the Catalyst
 *                    score properties of HubSpot contacts"
 */
public record WriteSpec(String object, Set<String> fields, int maxBatch, String description) {

    public WriteSpec {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(description, "description");
        fields = Set.copyOf(fields);
        if (fields.isEmpty() || maxBatch < 1) {
            throw new IllegalArgumentException("a write declares at least one field and a batch of at least 1");
        }
    }
}

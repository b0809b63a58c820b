package io.catalyst.api.connect;

import java.util.Map;
import java.util.Objects;

/**
 * Values to set on one of the provider's records. Since API 0.7.0.
 *
 * @param id     the provider's id of the record, as the connector read it ({@link Contact#id()})
 * @param values field to value, text as the provider takes it; an empty text clears a field
 */
public record WriteRecord(String id, Map<String, String> values) {

    public WriteRecord {
        Objects.requireNonNull(id, "id");
        values = Map.copyOf(values);
    }
}

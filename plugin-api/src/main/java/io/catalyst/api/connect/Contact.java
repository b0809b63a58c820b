package io.catalyst.api.connect;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A CRM contact, with the provider's record as it came in {@code rawJson}. */
public record Contact(String id, String email, String name, String company, String lifecycleStage,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt, String rawJson) {

    public Contact {
        Objects.requireNonNull(id, "id");
    }
}

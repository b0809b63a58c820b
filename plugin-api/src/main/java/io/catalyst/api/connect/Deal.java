package io.catalyst.api.connect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A CRM deal, with the provider's record as it came in {@code rawJson}. */
public record Deal(String id, String contactId, String name, String stage, BigDecimal amount, String currency,
                   LocalDate closeDate, OffsetDateTime createdAt, OffsetDateTime updatedAt, String rawJson) {

    public Deal {
        Objects.requireNonNull(id, "id");
    }
}

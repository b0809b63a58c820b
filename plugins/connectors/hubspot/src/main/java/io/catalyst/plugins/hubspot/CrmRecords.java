package io.catalyst.plugins.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Maps HubSpot CRM records ({@code {"id", "properties": {...}, "createdAt", "updatedAt", "archived"}}) onto canonical
 * contacts and deals. Property values all come as strings; a value that cannot be read throws
 * {@link Unmappable}, so the record is quarantined instead of loaded half right.
 */
final class CrmRecords {

    /** A record that cannot be mapped, with a reason a non-engineer can act on. */
    static final class Unmappable extends Exception {
        Unmappable(String reason) {
            super(reason);
        }
    }

    private CrmRecords() {
    }

    static Contact contact(JsonNode record) throws Unmappable {
        JsonNode p = record.path("properties");
        return new Contact(id(record), text(p, "email"), name(text(p, "firstname"), text(p, "lastname")),
                text(p, "company"), text(p, "lifecyclestage"), dateTime(p, "createdate"),
                required(p, "lastmodifieddate"), record.toString());
    }

    static Deal deal(JsonNode record) throws Unmappable {
        JsonNode p = record.path("properties");
        OffsetDateTime close = dateTime(p, "closedate"); // in UTC, so its date is the UTC date
        // The search API does not return associations, so the deal's contact is not known here
        return new Deal(id(record), null, text(p, "dealname"), text(p, "dealstage"), amount(p),
                text(p, "deal_currency_code"), close == null ? null : close.toLocalDate(), dateTime(p, "createdate"),
                required(p, "hs_lastmodifieddate"), record.toString());
    }

    /** The record's modification time, which the cursor follows. */
    static OffsetDateTime modifiedAt(JsonNode record, CrmObject object) throws Unmappable {
        return required(record.path("properties"), object.modifiedProperty);
    }

    private static String id(JsonNode record) throws Unmappable {
        String id = text(record, "id");
        if (id == null) {
            throw new Unmappable("The record has no id");
        }
        return id;
    }

    private static OffsetDateTime required(JsonNode properties, String name) throws Unmappable {
        OffsetDateTime value = dateTime(properties, name);
        if (value == null) {
            throw new Unmappable("The record has no " + name);
        }
        return value;
    }

    /**
     * Datetime properties come as ISO 8601 (e.g. {@code 2019-12-07T16:50:06.678Z}); date properties may come as
     * epoch milliseconds (e.g. {@code 1572480000000}). Both are read, in UTC.
     */
    private static OffsetDateTime dateTime(JsonNode properties, String name) throws Unmappable {
        String value = text(properties, name);
        if (value == null) {
            return null;
        }
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(value)).atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new Unmappable(name + " is not a date: " + value);
        }
    }

    private static BigDecimal amount(JsonNode properties) throws Unmappable {
        String value = text(properties, "amount");
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new Unmappable("amount is not a number: " + value);
        }
    }

    private static String name(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? null : name;
    }

    /** A property's text; null when absent, JSON null or blank (HubSpot sends cleared properties as ""). */
    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }
}

package io.catalyst.plugins.metaads;

import io.catalyst.api.connect.Insight;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Maps one row of {@code /insights} (time_increment=1, so one day) to an {@link Insight}. Meta sends its metrics as
 * numeric strings ({@code "spend": "5339.5"}, {@code "impressions": "361324"}) and leaves out a metric it has nothing
 * for, so a missing metric is zero but a present, unreadable one makes the row unmappable.
 */
final class InsightRows {

    /**
     * What counts as a conversion unless a connection chooses otherwise: {@code omni_purchase}, Meta's purchases
     * deduplicated across website, app and offline. {@code offsite_conversion.fb_pixel_purchase} (the pixel alone) is
     * part of it, so counting both would count purchases twice.
     */
    static final String DEFAULT_CONVERSIONS = "omni_purchase";
    static final String LEAD_ACTION = "lead";
    /** The attribution asked for with {@code action_attribution_windows=["7d_click","1d_view"]}. */
    static final String ATTRIBUTION = "7d_click_1d_view";

    /** A row that could not be mapped, with the reason in words an admin can act on. */
    static final class Unmappable extends Exception {
        Unmappable(String reason) {
            super(reason, null, false, false);
        }
    }

    private InsightRows() {
    }

    /** A connection's {@code conversions} setting, action types separated by commas, as a set. */
    static Set<String> conversionTypes(String setting) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : (setting == null || setting.isBlank() ? DEFAULT_CONVERSIONS : setting).split(",")) {
            if (!type.isBlank()) {
                types.add(type.trim());
            }
        }
        return types;
    }

    /**
     * @param level           Meta's level: {@code campaign}, {@code adset} or {@code ad}
     * @param accountId       the account read, {@code act_<id>}
     * @param accountCurrency the account's currency, for a row without {@code account_currency}; may be null
     * @param conversions     the action types counted as conversions; their {@code action_values} are the revenue
     */
    static Insight map(JsonObject row, String level, String accountId, String accountCurrency,
                       Set<String> conversions) throws Unmappable {
        String day = text(row, "date_start");
        if (day == null) {
            throw new Unmappable("The row has no date_start, so its day is unknown");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new Unmappable("date_start is not a date: " + day);
        }
        String idField = switch (level) {
            case "campaign" -> "campaign_id";
            case "adset" -> "adset_id";
            case "ad" -> "ad_id";
            default -> throw new IllegalArgumentException("level " + level);
        };
        String entityId = text(row, idField);
        if (entityId == null) {
            throw new Unmappable("The row has no " + idField);
        }
        String currency = text(row, "account_currency");
        currency = currency != null ? currency : accountCurrency;
        if (currency == null) {
            throw new Unmappable("Neither the row nor its ad account names a currency");
        }
        String canonicalLevel = level.equals("adset") ? "ad_set" : level;
        return new Insight(canonicalLevel, entityId, accountId, date, ATTRIBUTION,
                decimal(row, "spend"), whole(row, "impressions"), whole(row, "clicks"),
                actions(row, "actions", conversions), actions(row, "action_values", conversions),
                actions(row, "actions", Set.of(LEAD_ACTION)).longValue(), currency, row.toString());
    }

    /**
     * Sums the entries of an action list ({@code [{"action_type": "purchase", "value": "3", "7d_click": "2",
     * "1d_view": "1"}]}) whose type is one of {@code types}. {@code value} is the figure under the windows asked
     * for; when Meta leaves it out, the two windows are added up instead.
     */
    private static BigDecimal actions(JsonObject row, String field, Set<String> types) throws Unmappable {
        JsonValue list = row.get(field);
        if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
            return BigDecimal.ZERO;
        }
        if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new Unmappable(field + " is not a list");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonValue entry : (JsonArray) list) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Unmappable(field + " has an entry that is not an object");
            }
            JsonObject action = entry.asJsonObject();
            if (!types.contains(text(action, "action_type"))) {
                continue;
            }
            if (action.containsKey("value")) {
                sum = sum.add(decimal(action, "value"));
            } else {
                sum = sum.add(decimal(action, "7d_click")).add(decimal(action, "1d_view"));
            }
        }
        return sum;
    }

    private static BigDecimal decimal(JsonObject object, String field) throws Unmappable {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return BigDecimal.ZERO;
        }
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? object.getString(field).trim() : "";
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Unmappable(field + " is not a number: " + value);
        }
    }

    private static long whole(JsonObject object, String field) throws Unmappable {
        BigDecimal value = decimal(object, field);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new Unmappable(field + " is not a whole number: " + value);
        }
    }

    static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> object.getString(field).isBlank() ? null : object.getString(field);
            case NUMBER -> value.toString();
            default -> null;
        };
    }
}

package io.catalyst.plugins.googleads;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Maps GoogleAdsRows, as REST returns them (camelCase; int64 values such as ids and {@code costMicros} as strings),
 * onto canonical records. A row that cannot be read throws {@link Unmappable} so it is quarantined.
 */
final class AdsRows {

    /** A row that cannot be mapped, with a reason a non-engineer can act on. */
    static final class Unmappable extends Exception {
        Unmappable(String reason) {
            super(reason);
        }
    }

    private static final int MICROS_DIGITS = 6;

    private AdsRows() {
    }

    /** A row of {@code SELECT customer.id, campaign.id, campaign.name, campaign.status, …channel_type FROM campaign}. */
    static Entity campaign(JsonNode row) throws Unmappable {
        JsonNode campaign = row.path("campaign");
        Map<String, String> attributes = new HashMap<>();
        String channel = text(campaign, "advertisingChannelType");
        if (channel != null) {
            attributes.put("advertising_channel_type", channel);
        }
        return new Entity("campaign", required(campaign, "campaign.id", "id"), required(row.path("customer"),
                "customer.id", "id"), text(campaign, "name"), text(campaign, "status"), attributes, row.toString());
    }

    /** Which of Google's conversion metrics a connection counts, and the value metric that goes with it. */
    enum Conversions {
        PRIMARY("conversions", "metrics.conversions, metrics.conversions_value", "conversions", "conversionsValue"),
        ALL("all_conversions", "metrics.all_conversions, metrics.all_conversions_value", "allConversions",
                "allConversionsValue");

        final String setting;
        private final String select;
        private final String count;
        private final String value;

        Conversions(String setting, String select, String count, String value) {
            this.setting = setting;
            this.select = select;
            this.count = count;
            this.value = value;
        }

        /** The GAQL fields to select. */
        String select() {
            return select;
        }

        static Conversions of(String setting) {
            return ALL.setting.equals(setting) ? ALL : PRIMARY;
        }
    }

    /**
     * A row of the daily campaign performance query, for the customer it was read from.
     *
     * @param accountCurrency the customer's own currency, for a row without {@code customer.currency_code}
     */
    static Insight insight(JsonNode row, String customerId, Conversions conversions,
                           Supplier<String> accountCurrency) throws Unmappable {
        JsonNode metrics = row.path("metrics");
        String day = required(row.path("segments"), "segments.date", "date");
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new Unmappable("segments.date is not a date: " + day);
        }
        BigDecimal spend = number(metrics, "costMicros").movePointLeft(MICROS_DIGITS);
        String currency = text(row.path("customer"), "currencyCode");
        currency = currency != null ? currency : accountCurrency.get();
        if (currency == null) {
            throw new Unmappable("Neither the row nor its customer names a currency (customer.currency_code)");
        }
        return new Insight("campaign", required(row.path("campaign"), "campaign.id", "id"), customerId, date, null,
                spend, number(metrics, "impressions").longValueExact(), number(metrics, "clicks").longValueExact(),
                number(metrics, conversions.count), number(metrics, conversions.value), 0, currency, row.toString());
    }

    /**
     * A metric; absent means zero, because the JSON mapping of proto3 leaves out fields at their default value.
     */
    private static BigDecimal number(JsonNode metrics, String name) throws Unmappable {
        JsonNode value = metrics.get(name);
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new Unmappable("metrics." + name + " is not a number: " + value.asText());
        }
    }

    private static String required(JsonNode node, String field, String name) throws Unmappable {
        String value = text(node, name);
        if (value == null) {
            throw new Unmappable("The row has no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}

package io.catalyst.api.connect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of one entity's performance, in the canonical model.
 *
 * @param level             {@code account}, {@code campaign}, {@code ad_set} or {@code ad}
 * @param entityId          the provider's id of the entity at that level
 * @param accountId         the provider account it belongs to
 * @param day               the day, in the account's time zone
 * @param attributionWindow how conversions were attributed, e.g. {@code 7d_click_1d_view}; null for the default
 * @param spend             spend in {@code currency}
 * @param conversionValue   revenue attributed to the conversions, in {@code currency}
 * @param currency          ISO 4217 code
 * @param rawJson           the provider's record as it came: unknown fields are kept here
 */
public record Insight(String level, String entityId, String accountId, LocalDate day, String attributionWindow,
                      BigDecimal spend, long impressions, long clicks, BigDecimal conversions,
                      BigDecimal conversionValue, long leads, String currency, String rawJson) {

    public Insight {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(currency, "currency");
    }
}

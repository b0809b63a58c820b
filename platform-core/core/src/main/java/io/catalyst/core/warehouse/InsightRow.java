package io.catalyst.core.warehouse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * One day of one entity's performance from one source, in the canonical model. Its key is (level, entity, day,
 * attribution window) within the tenant and source; loading the same key again replaces the figures, because ad
 * platforms restate recent days.
 *
 * @param level             {@code account}, {@code campaign}, {@code ad_set} or {@code ad}
 * @param entityId          the provider's id of the entity at that level
 * @param accountId         the provider's ad account the entity belongs to
 * @param attributionWindow how the provider attributed conversions, e.g. {@code 7d_click_1d_view}
 * @param reportedAt        when the provider reported these figures
 * @param rawJson           the provider's record as it came, kept for re-mapping
 */
public record InsightRow(String level, String entityId, String accountId, LocalDate day, String attributionWindow,
                         BigDecimal spend, long impressions, long clicks, BigDecimal conversions,
                         BigDecimal conversionValue, long leads, String currency, OffsetDateTime reportedAt,
                         String rawJson) {

    /** The levels daily figures are kept at. */
    public static final Set<String> LEVELS = Set.of("account", "campaign", "ad_set", "ad");

    public InsightRow {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(reportedAt, "reportedAt");
        attributionWindow = attributionWindow == null ? "default" : attributionWindow;
        spend = spend == null ? BigDecimal.ZERO : spend;
        conversions = conversions == null ? BigDecimal.ZERO : conversions;
        conversionValue = conversionValue == null ? BigDecimal.ZERO : conversionValue;
    }
}

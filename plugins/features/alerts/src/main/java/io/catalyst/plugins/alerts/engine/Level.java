package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.Dimension;
import java.util.List;
import java.util.Locale;

/** What one alert instance is about: the company's total, or each channel, account, campaign, ad set or ad. */
public enum Level {
    TENANT(null), CHANNEL(Dimension.CHANNEL), ACCOUNT(Dimension.ACCOUNT), CAMPAIGN(Dimension.CAMPAIGN),
    AD_SET(Dimension.AD_SET), AD(Dimension.AD);

    /** The entity key of the tenant level's one instance. */
    public static final String TOTAL = "total";

    private final Dimension dimension;

    Level(Dimension dimension) {
        this.dimension = dimension;
    }

    /** The dimensions a query groups by for this level: none for the tenant total. */
    public List<Dimension> dimensions() {
        return dimension == null ? List.of() : List.of(dimension);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level of(String id) {
        for (Level l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown level '" + id + "'; known: tenant, channel, account, campaign,"
                + " ad_set, ad");
    }
}

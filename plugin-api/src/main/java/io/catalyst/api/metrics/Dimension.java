package io.catalyst.api.metrics;

/**
 * What figures can be grouped and filtered by. Entity dimensions (account to creative) have keys of the form
 * {@code <source>:<provider id>} (ids are only unique within a source) and the entity's name as label.
 */
public enum Dimension {
    /** The day, week (from Monday), month or quarter, as {@link MetricsQuery#grain()} says; keys are ISO dates of the first day. */
    DATE,
    /** The ad platform, e.g. {@code meta-ads}: the account's channel where a source names one, else the source. */
    CHANNEL,
    ACCOUNT,
    CAMPAIGN,
    AD_SET,
    AD,
    CREATIVE,
    /** The provider's status of the campaign (or of the ad set or ad when the query goes that deep). */
    STATUS;

    /** The lower-case name used in REST, e.g. {@code ad_set}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The dimension of a REST name, e.g. {@code ad_set}. */
    public static Dimension of(String id) {
        for (Dimension d : values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new MetricsException("unknown dimension '" + id + "'; known: date, channel, account, campaign, ad_set,"
                + " ad, creative, status");
    }
}

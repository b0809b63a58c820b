package io.catalyst.demodata;

import java.time.LocalDate;

/**
 * An anomaly planted in the demo data, for alerting to find.
 *
 * @param kind        what happened
 * @param channel     the channel it happened on
 * @param campaignId  the campaign affected, or null when the whole channel is
 * @param from        first day affected
 * @param to          last day affected (inclusive)
 * @param description what a person would see, in words
 */
public record Incident(Kind kind, String channel, String campaignId, LocalDate from, LocalDate to,
                       String description) {

    /** The kinds of planted anomalies. */
    public enum Kind {
        /** Conversions, conversion value and leads are zero for a whole channel, spend carries on. */
        TRACKING_OUTAGE,
        /** One campaign spends about {@link Incidents#SPEND_SPIKE_FACTOR} times its normal budget. */
        SPEND_SPIKE
    }
}

package io.catalyst.demodata;

import java.time.LocalDate;
import java.util.List;

/**
 * The anomalies planted in every demo tenant, at fixed distances from "today", so the alerting feature (and its
 * tests) have something real to find:
 * <ul>
 *   <li>a tracking outage: {@value #TRACKING_OUTAGE_CHANNEL} reports no conversions, conversion value or leads for
 *   one day, {@value #TRACKING_OUTAGE_DAYS_AGO} days before today, while spend, impressions and clicks carry on;</li>
 *   <li>a spend spike: a campaign of {@value #SPEND_SPIKE_CHANNEL} (the first that runs through those days) spends
 *   {@value #SPEND_SPIKE_FACTOR} times its normal budget for {@value #SPEND_SPIKE_DAYS} days, starting
 *   {@value #SPEND_SPIKE_DAYS_AGO} days before today;</li>
 *   <li>a recent tracking outage: {@value #RECENT_OUTAGE_CHANNEL} reports no conversions, conversion value or leads
 *   yesterday ({@value #RECENT_OUTAGE_DAYS_AGO} day before today), so a demo company opens with an alert firing
 *   now, not only with history.</li>
 * </ul>
 */
public final class Incidents {

    public static final String TRACKING_OUTAGE_CHANNEL = "meta-ads";
    public static final int TRACKING_OUTAGE_DAYS_AGO = 40;

    public static final String SPEND_SPIKE_CHANNEL = "google-ads";
    public static final int SPEND_SPIKE_DAYS_AGO = 12;
    public static final int SPEND_SPIKE_DAYS = 2;
    public static final double SPEND_SPIKE_FACTOR = 4.0;

    public static final String RECENT_OUTAGE_CHANNEL = "google-ads";
    public static final int RECENT_OUTAGE_DAYS_AGO = 1;

    private final LocalDate outage;
    private final LocalDate recentOutage;
    private final LocalDate spikeFrom;
    private final LocalDate spikeTo;
    private final String spikeCampaignId;

    Incidents(LocalDate today, String spikeCampaignId) {
        this.outage = today.minusDays(TRACKING_OUTAGE_DAYS_AGO);
        this.recentOutage = today.minusDays(RECENT_OUTAGE_DAYS_AGO);
        this.spikeFrom = today.minusDays(SPEND_SPIKE_DAYS_AGO);
        this.spikeTo = spikeFrom.plusDays(SPEND_SPIKE_DAYS - 1);
        this.spikeCampaignId = spikeCampaignId;
    }

    /** The incidents: the old outage, the spike, then the recent outage. */
    List<Incident> all() {
        return List.of(
                new Incident(Incident.Kind.TRACKING_OUTAGE, TRACKING_OUTAGE_CHANNEL, null, outage, outage,
                        "Conversion tracking stopped for a day: no conversions, revenue or leads on "
                                + Planner.label(TRACKING_OUTAGE_CHANNEL) + " while spend went on"),
                new Incident(Incident.Kind.SPEND_SPIKE, SPEND_SPIKE_CHANNEL, spikeCampaignId, spikeFrom, spikeTo,
                        "A campaign spent about " + (int) SPEND_SPIKE_FACTOR + "x its normal budget for "
                                + SPEND_SPIKE_DAYS + " days"),
                new Incident(Incident.Kind.TRACKING_OUTAGE, RECENT_OUTAGE_CHANNEL, null, recentOutage, recentOutage,
                        "Conversion tracking stopped yesterday: no conversions, revenue or leads on "
                                + Planner.label(RECENT_OUTAGE_CHANNEL) + " while spend went on"));
    }

    boolean trackingOutage(String channel, LocalDate day) {
        return channel.equals(TRACKING_OUTAGE_CHANNEL) && day.equals(outage)
                || channel.equals(RECENT_OUTAGE_CHANNEL) && day.equals(recentOutage);
    }

    double spendFactor(String campaignId, LocalDate day) {
        return campaignId.equals(spikeCampaignId) && !day.isBefore(spikeFrom) && !day.isAfter(spikeTo)
                ? SPEND_SPIKE_FACTOR : 1.0;
    }
}

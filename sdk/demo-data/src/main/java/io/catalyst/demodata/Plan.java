package io.catalyst.demodata;

import java.time.LocalDate;
import java.util.List;

/** The ads hierarchy of one channel's account as a plan the daily model runs on: small, built once, kept. */
final class Plan {

    private Plan() {
    }

    /** One channel's ad account. */
    record Account(ChannelProfile profile, String id, String name, List<Campaign> campaigns) {
    }

    /**
     * A campaign: one flight of a campaign slot. When a flight ends (the campaign is paused), the slot's next
     * campaign starts the day after, so the number running stays the same.
     *
     * @param start  first day it runs
     * @param end    last day it runs, or null while it runs
     * @param budget its normal daily budget before seasonality and promotions
     */
    record Campaign(String id, String name, String objective, LocalDate start, LocalDate end, double budget,
                    List<AdSet> adSets) {

        boolean runsOn(LocalDate day) {
            return !day.isBefore(start) && (end == null || !day.isAfter(end));
        }

        String status() {
            return end == null ? "ACTIVE" : "PAUSED";
        }
    }

    /**
     * An ad set.
     *
     * @param share its part of the campaign's budget
     */
    record AdSet(String id, String campaignId, String name, double share, List<Ad> ads) {
    }

    /**
     * An ad, with its creative. Ads in an ad set take turns: when one has run its course (fatigued), the next one
     * starts the day after, so only a few run on any day.
     *
     * @param start   first day it runs
     * @param end     last day it runs, or null while it runs
     * @param weight  how much of the ad set's budget the platform gives it when fresh
     * @param quality how much better (or worse) than the channel's norm its CTR and conversion rate are
     * @param hue     its thumbnail's colour
     */
    record Ad(String id, String adSetId, String name, String creativeId, LocalDate start, LocalDate end,
              double weight, double quality, int hue, String title, String body) {

        boolean runsOn(LocalDate day) {
            return !day.isBefore(start) && (end == null || !day.isAfter(end));
        }

        /**
         * Creative fatigue: the share of its fresh CTR an ad keeps at an age, falling from 1 towards
         * {@link #FATIGUE_FLOOR} as the same people see it again and again.
         */
        double freshness(LocalDate day) {
            long age = day.toEpochDay() - start.toEpochDay();
            return FATIGUE_FLOOR + (1 - FATIGUE_FLOOR) * Math.exp(-age / FATIGUE_DAYS);
        }
    }

    static final double FATIGUE_FLOOR = 0.6;
    static final double FATIGUE_DAYS = 28;
    /** The freshness of an average ad over its life, which the channel's order value allows for. */
    static final double AVERAGE_FRESHNESS = 0.76;
}

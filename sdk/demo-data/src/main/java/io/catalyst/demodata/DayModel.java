package io.catalyst.demodata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One channel's performance on one day. Figures are made at ad level and summed upwards, so every level adds up to
 * the cent. Each day has its own random stream (seeded by tenant, channel and day), so any range of days comes out
 * the same however it is read.
 *
 * <p>An ad's day: the campaign's budget, shaped by the weekday, the season, a promotion and noise, is split over
 * ad sets and their running ads (fatigued ads get less). Impressions follow from the CPM; clicks from a CTR that
 * fades with the ad's age; conversions from a conversion rate that falls as spend rises above normal
 * (conversions ≈ a·spend^0.7: diminishing returns); value from the channel's order value.
 */
final class DayModel {

    /** Diminishing returns: conversions grow with spend to this power. */
    static final double RETURNS_EXPONENT = 0.7;

    /** One ad set's day, its running ads' rows in plan order. */
    record AdSetDay(Plan.AdSet adSet, Totals totals, Map<Plan.Ad, Totals> ads) {
    }

    /** One campaign's day. */
    record CampaignDay(Plan.Campaign campaign, Totals totals, List<AdSetDay> adSets) {
    }

    /** The account's day: totals and every running campaign's. */
    record AccountDay(LocalDate day, Totals totals, List<CampaignDay> campaigns) {
    }

    private final long seed;
    private final Season season;
    private final Incidents incidents;

    DayModel(long seed, Season season, Incidents incidents) {
        this.seed = seed;
        this.season = season;
        this.incidents = incidents;
    }

    AccountDay day(Plan.Account account, LocalDate day) {
        ChannelProfile p = account.profile();
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, p.id(), "day", day.toEpochDay()));
        double yearly = Season.yearly(day);
        double demand = p.weekday(day.getDayOfWeek()) * yearly * noise(rnd, 0.06);
        Promotion promo = season.promotionOn(day);
        double promoBudget = promo == null ? 1 : Season.PROMO_BUDGET;
        double promoCvr = promo == null ? 1 : Season.PROMO_CVR;
        double cpmSeason = Math.pow(yearly, 0.3); // busier auctions cost more
        double cvrSeason = Math.sqrt(yearly); // people buy more readily in Q4
        boolean outage = incidents.trackingOutage(p.id(), day);

        Totals accountTotals = new Totals();
        List<CampaignDay> campaigns = new ArrayList<>();
        for (Plan.Campaign campaign : account.campaigns()) {
            if (!campaign.runsOn(day)) {
                continue;
            }
            double budget = campaign.budget() * demand * promoBudget * incidents.spendFactor(campaign.id(), day)
                    * noise(rnd, 0.08);
            Totals campaignTotals = new Totals();
            List<AdSetDay> adSets = new ArrayList<>();
            for (Plan.AdSet adSet : campaign.adSets()) {
                Totals adSetTotals = new Totals();
                Map<Plan.Ad, Totals> ads = new LinkedHashMap<>();
                List<Plan.Ad> running = adSet.ads().stream().filter(ad -> ad.runsOn(day)).toList();
                double weights = running.stream().mapToDouble(ad -> weight(ad, day)).sum();
                for (Plan.Ad ad : running) {
                    double share = weight(ad, day) / weights;
                    double normalSpend = campaign.budget() * adSet.share() * share;
                    double spend = budget * adSet.share() * share * noise(rnd, 0.1);
                    double cpm = p.cpm() * cpmSeason * noise(rnd, 0.08);
                    double ctr = p.ctr() * ad.quality() * ad.freshness(day) * noise(rnd, 0.1);
                    double cvr = p.cvr() * Math.sqrt(ad.quality()) * promoCvr * cvrSeason
                            * Math.pow(normalSpend / spend, 1 - RETURNS_EXPONENT) * noise(rnd, 0.15);
                    double orderValue = p.orderValue() * (promo == null ? 1 : 0.9) * noise(rnd, 0.2);
                    double leadRate = p.leadRate() * Math.sqrt(ad.quality()) * noise(rnd, 0.2);

                    Totals row = new Totals();
                    row.spend = Totals.Money.of(spend);
                    row.impressions = Math.round(spend / cpm * 1000);
                    row.clicks = Math.min(row.impressions, roundRandomly(row.impressions * ctr, rnd));
                    double conversions = Math.min(row.clicks, row.clicks * cvr);
                    // Google's data-driven attribution gives fractions of conversions; the others count whole ones
                    conversions = p.id().equals("google-ads") ? conversions : roundRandomly(conversions, rnd);
                    long leads = roundRandomly(row.clicks * leadRate, rnd);
                    if (!outage) {
                        row.conversions = Totals.Money.of(conversions);
                        row.conversionValue = Totals.Money.of(conversions * orderValue);
                        row.leads = leads;
                    }
                    ads.put(ad, row);
                    adSetTotals.add(row);
                }
                adSets.add(new AdSetDay(adSet, adSetTotals, ads));
                campaignTotals.add(adSetTotals);
            }
            campaigns.add(new CampaignDay(campaign, campaignTotals, adSets));
            accountTotals.add(campaignTotals);
        }
        return new AccountDay(day, accountTotals, campaigns);
    }

    /** The platform shifts budget away from fatigued ads. */
    private static double weight(Plan.Ad ad, LocalDate day) {
        return ad.weight() * (0.4 + 0.6 * ad.freshness(day));
    }

    /** A log-normal factor around 1. */
    private static double noise(SplittableRandom rnd, double sigma) {
        return Math.exp(sigma * Planner.gaussian(rnd) - sigma * sigma / 2);
    }

    /** Rounds up with the probability of the fraction, so small expected counts are not always rounded away. */
    private static long roundRandomly(double x, SplittableRandom rnd) {
        long floor = (long) Math.floor(x);
        return floor + (rnd.nextDouble() < x - floor ? 1 : 0);
    }
}

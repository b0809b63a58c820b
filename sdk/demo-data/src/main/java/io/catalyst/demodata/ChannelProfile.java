package io.catalyst.demodata;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * How one ad channel behaves: its price levels and rates at a normal budget, its week, and the campaigns a typical
 * advertiser runs on it. The rates are chosen inside the ranges a marketer expects (CTR 0.5–3 %, CPC $0.5–4,
 * conversion rate 1–6 %, ROAS 1–6) and differ per channel as they do in practice.
 *
 * @param id           the channel id, e.g. {@code meta-ads}
 * @param code         digits that start the channel's ids, keeping them apart across channels
 * @param cpm          cost per thousand impressions
 * @param ctr          clicks per impression of a fresh ad
 * @param cvr          conversions per click at a normal budget
 * @param roas         conversion value per unit of spend at a normal budget
 * @param leadRate     leads per click (lead forms, sign-ups)
 * @param budgetScale  how big this channel's budgets are next to the others
 * @param weekdays     spend factor Monday to Sunday
 * @param campaigns    campaign names and their objectives, in the order a planner picks from
 */
record ChannelProfile(String id, int code, double cpm, double ctr, double cvr, double roas, double leadRate,
                      double budgetScale, double[] weekdays, List<Map.Entry<String, String>> campaigns) {

    static final List<ChannelProfile> ALL = List.of(
            new ChannelProfile("meta-ads", 23, 9.0, 0.012, 0.030, 3.2, 0.003, 1.0,
                    new double[] {0.96, 0.95, 0.96, 0.98, 1.02, 1.08, 1.05}, List.of(
                    Map.entry("Prospecting – %s", "OUTCOME_SALES"),
                    Map.entry("Retargeting – Cart", "OUTCOME_SALES"),
                    Map.entry("Lookalike – Purchasers", "OUTCOME_SALES"),
                    Map.entry("Advantage+ Shopping", "OUTCOME_SALES"),
                    Map.entry("Lead Gen – Newsletter", "OUTCOME_LEADS"),
                    Map.entry("Awareness – Video", "OUTCOME_AWARENESS"),
                    Map.entry("Traffic – Blog", "OUTCOME_TRAFFIC"))),
            new ChannelProfile("google-ads", 41, 38.0, 0.025, 0.045, 4.5, 0.005, 1.0,
                    new double[] {1.04, 1.05, 1.04, 1.02, 0.98, 0.92, 0.95}, List.of(
                    Map.entry("Brand Search", "SEARCH"),
                    Map.entry("Non-Brand Search – Core", "SEARCH"),
                    Map.entry("Performance Max – %s", "PERFORMANCE_MAX"),
                    Map.entry("Shopping – Bestsellers", "SHOPPING"),
                    Map.entry("Display Remarketing", "DISPLAY"),
                    Map.entry("Competitor Search", "SEARCH"),
                    Map.entry("YouTube – Awareness", "VIDEO"))),
            new ChannelProfile("tiktok-ads", 67, 6.0, 0.009, 0.016, 1.9, 0.002, 0.5,
                    new double[] {0.95, 0.94, 0.95, 0.98, 1.04, 1.10, 1.08}, List.of(
                    Map.entry("Spark Ads – Creators", "CONVERSIONS"),
                    Map.entry("Prospecting – %s", "CONVERSIONS"),
                    Map.entry("Video Shopping – Catalog", "PRODUCT_SALES"),
                    Map.entry("Retargeting – Viewers", "CONVERSIONS"),
                    Map.entry("Awareness – TopView", "REACH"),
                    Map.entry("Traffic – Landing Page", "TRAFFIC"))),
            new ChannelProfile("linkedin-ads", 58, 28.0, 0.011, 0.020, 1.6, 0.040, 0.5,
                    // B2B: the audience is at work on weekdays
                    new double[] {1.12, 1.15, 1.14, 1.10, 0.98, 0.42, 0.38}, List.of(
                    Map.entry("Lead Gen – Whitepaper", "LEAD_GENERATION"),
                    Map.entry("Sponsored Content – Webinar", "LEAD_GENERATION"),
                    Map.entry("ABM – Target Accounts", "WEBSITE_CONVERSIONS"),
                    Map.entry("Retargeting – Site Visitors", "WEBSITE_CONVERSIONS"),
                    Map.entry("Conversation Ads – Demo", "LEAD_GENERATION"),
                    Map.entry("Thought Leadership – %s", "BRAND_AWARENESS"))));

    static ChannelProfile of(String channel) {
        return ALL.stream().filter(p -> p.id.equals(channel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo channel " + channel + "; one of "
                        + ALL.stream().map(ChannelProfile::id).toList()));
    }

    double weekday(DayOfWeek day) {
        return weekdays[day.getValue() - 1];
    }

    /** Average order value that gives this channel's ROAS at its normal CPC (of an ad of average age) and conversion rate. */
    double orderValue() {
        return roas * cpm / (1000 * ctr * Plan.AVERAGE_FRESHNESS) / cvr;
    }
}

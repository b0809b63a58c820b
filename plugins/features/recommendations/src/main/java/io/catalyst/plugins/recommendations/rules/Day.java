package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;

/** One entity's figures on one day: the metrics layer's base metrics, which add up over days and levels. */
public record Day(LocalDate date, double spend, long impressions, long clicks, double conversions, double revenue) {

    static final Day ZERO = new Day(null, 0, 0, 0, 0, 0);

    Day plus(Day o) {
        return new Day(date, spend + o.spend, impressions + o.impressions, clicks + o.clicks,
                conversions + o.conversions, revenue + o.revenue);
    }

    /** Clicks per impression, or null without impressions. */
    Double ctr() {
        return impressions == 0 ? null : (double) clicks / impressions;
    }

    /** Spend per conversion, or null without conversions. */
    Double cpa() {
        return conversions == 0 ? null : spend / conversions;
    }

    Double roas() {
        return spend == 0 ? null : revenue / spend;
    }
}

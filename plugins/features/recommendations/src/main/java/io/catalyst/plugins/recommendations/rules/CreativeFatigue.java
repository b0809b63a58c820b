package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ad whose CTR decayed against its launch: its first {@value #BASELINE_DAYS} active days against the last
 * {@value #RECENT_DAYS} days. Reach and frequency are not in the metrics layer, so the impressions-per-day trend is
 * shown beside the CTR instead.
 */
public final class CreativeFatigue {

    static final int BASELINE_DAYS = 7;
    static final int RECENT_DAYS = 7;
    /** An ad younger than this has no separate baseline and recent week yet. */
    static final int MIN_AGE_DAYS = 21;
    /** Each window needs this many impressions for its CTR to mean something. */
    static final long MIN_IMPRESSIONS = 5_000;
    /** The least relative CTR drop that counts as fatigue. */
    static final double MIN_DROP = 0.20;
    /** The least z of a two-proportion test (clicks per impression) between the windows. */
    static final double MIN_Z = 2.0;
    static final String FREQUENCY_NOTE = "The metrics layer has no reach or frequency metric, so the trend of"
            + " impressions per day stands in for how often the same people see the ad.";

    private CreativeFatigue() {
    }

    public static List<Finding> find(ChannelFigures f) {
        List<Finding> out = new ArrayList<>();
        LocalDate y = f.yesterday();
        LocalDate recentFrom = y.minusDays(RECENT_DAYS - 1);
        for (Series ad : f.ads().values()) {
            List<Day> active = ad.activeDays().stream().filter(d -> d.impressions() > 0).toList();
            if (active.size() < BASELINE_DAYS) {
                continue;
            }
            LocalDate launch = active.get(0).date();
            // launched on the first day read: it may have run before, so its launch week is unknown
            if (!launch.isAfter(f.from()) || ChronoUnit.DAYS.between(launch, y) + 1 < MIN_AGE_DAYS) {
                continue;
            }
            Day base = Day.ZERO;
            for (Day d : active.subList(0, BASELINE_DAYS)) {
                base = base.plus(d);
            }
            LocalDate baseTo = active.get(BASELINE_DAYS - 1).date();
            Day recent = ad.sum(recentFrom, y);
            long recentActive = ad.days().subMap(recentFrom, true, y, true).values().stream()
                    .filter(d -> d.impressions() > 0).count();
            if (recentActive < RECENT_DAYS - 2 || baseTo.isAfter(recentFrom.minusDays(1))
                    || base.impressions() < MIN_IMPRESSIONS || recent.impressions() < MIN_IMPRESSIONS) {
                continue; // not running now, windows overlap, or too few impressions
            }
            double ctr0 = base.ctr();
            double ctr1 = recent.ctr();
            double drop = 1 - ctr1 / ctr0;
            double pooled = (double) (base.clicks() + recent.clicks()) / (base.impressions() + recent.impressions());
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / base.impressions() + 1.0 / recent.impressions()));
            double z = se == 0 ? 0 : (ctr0 - ctr1) / se;
            if (drop < MIN_DROP || z < MIN_Z) {
                continue;
            }
            Day life = ad.sum(launch, y);
            double cvr = life.clicks() == 0 ? 0 : life.conversions() / life.clicks();
            double clicksLost = (ctr0 - ctr1) * recent.impressions();
            double conversionsLost = clicksLost * cvr;
            long below = ad.days().subMap(recentFrom, true, y, true).values().stream()
                    .filter(d -> d.ctr() != null && d.ctr() < ctr0).count();
            double consistency = (double) below / recentActive;
            // how sure the true drop is beyond the threshold: (drop - MIN_DROP) over the drop's standard error
            double seDrop = se / ctr0;
            double confidence = Stats.normalCdf((drop - MIN_DROP) / seDrop) * consistency;
            double perDay0 = base.impressions() / (double) BASELINE_DAYS;
            double perDay1 = recent.impressions() / (double) RECENT_DAYS;

            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("campaign", ad.campaignLabel());
            facts.put("launched", launch.toString());
            facts.put("baselineDays", launch + " to " + baseTo);
            facts.put("recentDays", recentFrom + " to " + y);
            facts.put("baselineCtr", Stats.round(ctr0, 5));
            facts.put("recentCtr", Stats.round(ctr1, 5));
            facts.put("ctrDrop", Stats.round(drop, 4));
            facts.put("baselineImpressions", base.impressions());
            facts.put("recentImpressions", recent.impressions());
            facts.put("impressionsPerDayAtLaunch", Math.round(perDay0));
            facts.put("impressionsPerDayNow", Math.round(perDay1));
            facts.put("impressionsPerDayChange", Stats.round(perDay1 / perDay0 - 1, 4));
            facts.put("zScore", Stats.round(z, 2));
            facts.put("clicksLostPerWeek", Math.round(clicksLost));
            facts.put("conversionRate", Stats.round(cvr, 4));
            facts.put("frequencyNote", FREQUENCY_NOTE);
            out.add(new Finding(Kind.CREATIVE_FATIGUE, f.channel(), "ad", ad.key(), ad.label(), facts,
                    Evidences.daily(ad, launch, y, "ctr", "impressions"), Stats.round(conversionsLost, 1),
                    Finding.CONVERSIONS, "conversions per week a fresh creative would win back", confidence,
                    String.format(java.util.Locale.ROOT, "P(true CTR drop > %.0f%%) = Φ((%.3f − %.2f) / %.4f) ="
                            + " %.2f (two-proportion test on %d and %d impressions), × %d of %d recent days below"
                            + " the launch CTR", MIN_DROP * 100, drop, MIN_DROP, seDrop,
                            Stats.normalCdf((drop - MIN_DROP) / seDrop), base.impressions(), recent.impressions(),
                            below, recentActive)));
        }
        return out;
    }
}

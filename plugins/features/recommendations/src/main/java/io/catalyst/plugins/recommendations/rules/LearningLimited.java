package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ad sets that keep spending but get too few conversions a week to leave the platform's learning phase: both of the
 * last two weeks below the channel's threshold. Only channels with a documented per-ad-set learning phase have one;
 * for the others the rule finds nothing.
 */
public final class LearningLimited {

    /** Conversions per ad set per 7 days that leave learning (Meta: about 50; TikTok ad groups: 50). */
    static final Map<String, Integer> WEEKLY_CONVERSIONS = Map.of("meta-ads", 50, "tiktok-ads", 50);
    /** Days of the last 14 with spend: the ad set kept spending through both weeks. */
    static final int MIN_SPEND_DAYS = 12;

    private LearningLimited() {
    }

    public static List<Finding> find(ChannelFigures f) {
        Integer needed = WEEKLY_CONVERSIONS.get(f.channel());
        if (needed == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        LocalDate y = f.yesterday();
        for (Series set : f.adSets().values()) {
            Day last = set.sum(y.minusDays(6), y);
            Day before = set.sum(y.minusDays(13), y.minusDays(7));
            if (set.daysWithSpend(y.minusDays(13), y) < MIN_SPEND_DAYS || last.spend() <= 0
                    || last.conversions() >= needed || before.conversions() >= needed) {
                continue;
            }
            double both = last.conversions() + before.conversions();
            double perWeek = both / 2;
            // Poisson: how sure the ad set's true weekly rate is below the threshold
            double se = Math.sqrt(Math.max(both, 1)) / 2;
            double confidence = Stats.normalCdf((needed - perWeek) / se);
            Day fortnight = last.plus(before);
            Double cpa = fortnight.cpa();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("campaign", set.campaignLabel());
            facts.put("conversionsLast7Days", Stats.round(last.conversions(), 1));
            facts.put("conversionsPrevious7Days", Stats.round(before.conversions(), 1));
            facts.put("conversionsNeededPerWeek", needed);
            facts.put("spendLast7Days", Stats.round(last.spend(), 2));
            if (cpa != null) {
                facts.put("cpa14Days", Stats.round(cpa, 2));
                facts.put("weeklySpendToExitLearning", Stats.round(needed * cpa, 2));
            }
            facts.put("shortfallPerWeek", Stats.round(needed - last.conversions(), 1));
            out.add(new Finding(Kind.LEARNING_LIMITED, f.channel(), "ad_set", set.key(), set.label(), facts,
                    Evidences.daily(set, y.minusDays(27), y, "conversions", "spend"), Stats.round(last.spend(), 2),
                    Finding.MONEY, "spend per week in an ad set that cannot leave learning", confidence,
                    String.format(Locale.ROOT, "P(true weekly conversions < %d) = Φ((%d − %.1f) / %.2f) = %.2f"
                            + " (Poisson, %.0f conversions in 14 days); both weeks were below", needed, needed,
                            perWeek, se, confidence, both)));
        }
        return out;
    }
}

package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ad sets and ads that spent more than a threshold in the last 14 days without a single conversion. The threshold is
 * the setting, else twice the target CPA, else twice the channel's own CPA of the last 28 days. An ad is left out
 * when its whole ad set is already flagged.
 */
public final class ZeroConversionSpend {

    static final int DAYS = 14;
    static final double CPA_MULTIPLE = 2.0;

    private ZeroConversionSpend() {
    }

    public static List<Finding> find(ChannelFigures f, Targets t) {
        LocalDate y = f.yesterday();
        LocalDate from = y.minusDays(DAYS - 1);
        Day channel28 = Day.ZERO;
        for (Series c : f.campaigns().values()) {
            channel28 = channel28.plus(c.sum(y.minusDays(27), y));
        }
        Double channelCpa = channel28.cpa();
        Double threshold = t.zeroConversionSpend() != null ? t.zeroConversionSpend()
                : t.targetCpa() != null ? CPA_MULTIPLE * t.targetCpa()
                : channelCpa != null ? CPA_MULTIPLE * channelCpa : null;
        String thresholdFrom = t.zeroConversionSpend() != null ? "setting"
                : t.targetCpa() != null ? CPA_MULTIPLE + " × target CPA" : CPA_MULTIPLE + " × channel CPA (28 days)";
        Double referenceCpa = t.targetCpa() != null ? t.targetCpa() : channelCpa;
        if (threshold == null || referenceCpa == null) {
            return List.of(); // nothing converts on this channel: no yardstick for "wasted"
        }
        List<Finding> out = new ArrayList<>();
        Set<String> flaggedSets = new HashSet<>();
        for (Series set : f.adSets().values()) {
            Finding found = judge(f, set, "ad_set", from, y, threshold, thresholdFrom, referenceCpa);
            if (found != null) {
                out.add(found);
                flaggedSets.add(set.key());
            }
        }
        for (Series ad : f.ads().values()) {
            if (ad.parentKey() != null && flaggedSets.contains(ad.parentKey())) {
                continue;
            }
            Finding found = judge(f, ad, "ad", from, y, threshold, thresholdFrom, referenceCpa);
            if (found != null) {
                out.add(found);
            }
        }
        return out;
    }

    private static Finding judge(ChannelFigures f, Series s, String level, LocalDate from, LocalDate y,
                                 double threshold, String thresholdFrom, double referenceCpa) {
        Day sum = s.sum(from, y);
        if (sum.conversions() > 0 || sum.spend() <= threshold) {
            return null;
        }
        // conversions expected at the reference CPA; the chance of none by bad luck alone is e^-expected
        double expected = sum.spend() / referenceCpa;
        double confidence = 1 - Math.exp(-expected);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("campaign", s.campaignLabel());
        facts.put("spend14Days", Stats.round(sum.spend(), 2));
        facts.put("clicks14Days", sum.clicks());
        facts.put("conversions14Days", 0);
        facts.put("threshold", Stats.round(threshold, 2));
        facts.put("thresholdFrom", thresholdFrom);
        facts.put("expectedConversions", Stats.round(expected, 1));
        return new Finding(Kind.ZERO_CONVERSION_SPEND, f.channel(), level, s.key(), s.label(), facts,
                Evidences.daily(s, y.minusDays(27), y, "spend", "conversions"), Stats.round(sum.spend(), 2),
                Finding.MONEY, "spent in 14 days without a conversion", confidence,
                String.format(Locale.ROOT, "1 − e^(−%.1f) = %.2f: the chance that %.1f expected conversions (spend"
                        + " / CPA %.2f) all failing to come is not bad luck", expected, confidence, expected,
                        referenceCpa));
    }
}

package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Campaigns whose CPA over the last 14 days is above the company's target CPA. */
public final class CpaOverTarget {

    static final int DAYS = 14;
    /** Fewer conversions than this make a CPA too noisy to judge (no conversions at all: zero-conversion spend). */
    static final int MIN_CONVERSIONS = 5;
    /** The CPA must be at least this much above target, so rounding noise does not raise recommendations. */
    static final double MIN_EXCESS = 0.10;

    private CpaOverTarget() {
    }

    public static List<Finding> find(ChannelFigures f, Targets t) {
        if (t.targetCpa() == null || t.targetCpa() <= 0) {
            return List.of();
        }
        double target = t.targetCpa();
        List<Finding> out = new ArrayList<>();
        LocalDate y = f.yesterday();
        LocalDate from = y.minusDays(DAYS - 1);
        for (Series c : f.campaigns().values()) {
            Day s = c.sum(from, y);
            if (s.conversions() < MIN_CONVERSIONS || s.cpa() <= target * (1 + MIN_EXCESS)) {
                continue;
            }
            double cpa = s.cpa();
            Day w0 = c.sum(from, from.plusDays(6));
            Day w1 = c.sum(from.plusDays(7), y);
            int weeksAbove = (w0.cpa() == null || w0.cpa() > target ? 1 : 0) + (w1.cpa() == null || w1.cpa() > target
                    ? 1 : 0);
            // the log of a CPA has a standard error of about 1/sqrt(conversions) (Poisson counts)
            double z = Math.log(cpa / target) * Math.sqrt(s.conversions());
            double consistency = 0.5 + 0.5 * weeksAbove / 2.0;
            double confidence = Stats.normalCdf(z) * consistency;
            double excess = s.spend() - s.conversions() * target;
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("cpa14Days", Stats.round(cpa, 2));
            facts.put("targetCpa", Stats.round(target, 2));
            facts.put("targetFrom", t.cpaSource());
            facts.put("overTarget", Stats.round(cpa / target - 1, 4));
            facts.put("spend14Days", Stats.round(s.spend(), 2));
            facts.put("conversions14Days", Stats.round(s.conversions(), 1));
            facts.put("cpaFirstWeek", w0.cpa() == null ? "no conversions" : Stats.round(w0.cpa(), 2));
            facts.put("cpaSecondWeek", w1.cpa() == null ? "no conversions" : Stats.round(w1.cpa(), 2));
            facts.put("conversionsAtTarget", Stats.round(s.spend() / target, 1));
            out.add(new Finding(Kind.CPA_OVER_TARGET, f.channel(), "campaign", c.key(), c.label(), facts,
                    Evidences.daily(c, y.minusDays(27), y, "cpa", "spend"), Stats.round(excess, 2), Finding.MONEY,
                    "spent above the target CPA in 14 days", confidence,
                    String.format(Locale.ROOT, "Φ(ln(%.2f / %.2f) × √%.0f) = %.2f (log-CPA standard error"
                            + " 1/√conversions), × %.2f for %d of 2 weeks above target", cpa, target,
                            s.conversions(), Stats.normalCdf(z), consistency, weeksAbove)));
        }
        return out;
    }
}

package io.catalyst.plugins.recommendations.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each rule fires on a crafted pattern and stays silent on a healthy one. */
class RulesTest {

    static final LocalDate Y = LocalDate.of(2026, 12, 6);
    static final LocalDate FROM = Y.minusDays(89);
    static final Targets TARGETS = new Targets(40.0, "goals", 90_000.0, null);

    /** A daily series: spend, impressions, CTR and conversion rate per day from {@code start} to yesterday. */
    static Series series(String key, LocalDate start, java.util.function.IntFunction<double[]> day) {
        Series s = new Series("meta-ads:" + key, "Name " + key, "meta-ads:set", "meta-ads:c", "Campaign");
        int i = 0;
        for (LocalDate d = start; !d.isAfter(Y); d = d.plusDays(1), i++) {
            double[] v = day.apply(i); // spend, impressions, ctr, cvr, roas
            long clicks = Math.round(v[1] * v[2]);
            double conversions = Math.round(clicks * v[3]);
            s.add(new Day(d, v[0], (long) v[1], clicks, conversions, v[0] * v[4]));
        }
        return s;
    }

    static ChannelFigures figures(Map<String, Series> campaigns, Map<String, Series> sets, Map<String, Series> ads) {
        return new ChannelFigures("meta-ads", FROM, Y, "EUR", campaigns, sets, ads);
    }

    static Map<String, Series> one(Series s) {
        Map<String, Series> m = new LinkedHashMap<>();
        m.put(s.key(), s);
        return m;
    }

    @Test
    void creativeFatigueFiresWhenCtrDecaysAndNotWhenItHolds() {
        Series tired = series("ad1", Y.minusDays(40), i -> new double[] {50, 6000, 0.015 * (1 - 0.012 * i), 0.03, 3});
        Series fresh = series("ad2", Y.minusDays(40), i -> new double[] {50, 6000, 0.015, 0.03, 3});
        Map<String, Series> ads = new LinkedHashMap<>(one(tired));
        ads.putAll(one(fresh));

        List<Finding> found = CreativeFatigue.find(figures(Map.of(), Map.of(), ads));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo("meta-ads:ad1");
            assertThat((Double) f.facts().get("ctrDrop")).isGreaterThan(0.35);
            assertThat(f.facts().get("frequencyNote").toString()).contains("no reach or frequency");
            assertThat(f.impactUnit()).isEqualTo(Finding.CONVERSIONS);
            assertThat(f.impact()).isPositive();
            assertThat(f.confidence()).isGreaterThan(0.8);
            assertThat(f.evidence().metrics()).containsExactly("ctr", "impressions");
        });
    }

    @Test
    void creativeFatigueNeedsAKnownLaunchAndEnoughImpressions() {
        // running since before the first day read: its launch week is unknown
        Series old = series("ad1", FROM, i -> new double[] {50, 6000, 0.015 * Math.max(0.3, 1 - 0.01 * i), 0.03, 3});
        // a steep decay on too few impressions
        Series small = series("ad2", Y.minusDays(40), i -> new double[] {5, 300, 0.015 * (1 - 0.012 * i), 0.03, 3});
        Map<String, Series> ads = new LinkedHashMap<>(one(old));
        ads.putAll(one(small));
        assertThat(CreativeFatigue.find(figures(Map.of(), Map.of(), ads))).isEmpty();
    }

    @Test
    void learningLimitedFiresBelowFiftyAWeekOnMetaOnly() {
        Series busy = series("set1", Y.minusDays(30), i -> new double[] {100, 10000, 0.01, 0.2, 3}); // 20 a day
        Series slow = series("set2", Y.minusDays(30), i -> new double[] {100, 10000, 0.01, 0.03, 3}); // 3 a day
        Series healthy = series("set3", Y.minusDays(30), i -> new double[] {300, 30000, 0.01, 0.03, 3}); // 9 a day
        Map<String, Series> sets = new LinkedHashMap<>(one(busy));
        sets.putAll(one(slow));
        sets.putAll(one(healthy));

        List<Finding> found = LearningLimited.find(figures(Map.of(), sets, Map.of()));

        assertThat(found).extracting(Finding::entity).containsExactly("meta-ads:set2");
        assertThat(found.get(0).facts()).containsEntry("conversionsNeededPerWeek", 50);
        assertThat(LearningLimited.find(new ChannelFigures("linkedin-ads", FROM, Y, "EUR", Map.of(), sets, Map.of())))
                .as("LinkedIn has no per-ad-set learning phase").isEmpty();
    }

    @Test
    void cpaOverTargetComparesFourteenDaysWithTheTarget() {
        Series dear = series("c1", Y.minusDays(30), i -> new double[] {500, 50000, 0.01, 0.02, 3}); // 10/day: CPA 50
        Series fine = series("c2", Y.minusDays(30), i -> new double[] {300, 50000, 0.01, 0.02, 3}); // CPA 30
        Map<String, Series> campaigns = new LinkedHashMap<>(one(dear));
        campaigns.putAll(one(fine));

        List<Finding> found = CpaOverTarget.find(figures(campaigns, Map.of(), Map.of()), TARGETS);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo("meta-ads:c1");
            assertThat(f.facts()).containsEntry("cpa14Days", 50.0).containsEntry("targetFrom", "goals");
            assertThat(f.impact()).isEqualTo(14 * 500 - 140 * 40.0); // spend above target over 14 days
        });
        assertThat(CpaOverTarget.find(figures(campaigns, Map.of(), Map.of()), Targets.NONE))
                .as("no target, no judgement").isEmpty();
    }

    @Test
    void zeroConversionSpendFlagsTheAdSetOnceAndLeavesItsAdsAlone() {
        Series dead = series("set1", Y.minusDays(20), i -> new double[] {20, 2000, 0.01, 0, 0});
        Series deadAd = new Series("meta-ads:ad1", "Ad", "meta-ads:set1", "meta-ads:c", "Campaign");
        dead.days().values().forEach(deadAd::add);
        Series otherAd = series("ad2", Y.minusDays(20), i -> new double[] {100, 10000, 0.01, 0.05, 3});
        Series campaign = series("c", Y.minusDays(30), i -> new double[] {200, 20000, 0.01, 0.05, 3});
        Map<String, Series> ads = new LinkedHashMap<>(one(deadAd));
        ads.putAll(one(otherAd));

        List<Finding> found = ZeroConversionSpend.find(figures(one(campaign), one(dead), ads), TARGETS);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo("ad_set");
            assertThat(f.impact()).isEqualTo(280.0); // 14 days at 20
            assertThat(f.facts()).containsEntry("threshold", 80.0);
            assertThat(f.confidence()).isGreaterThan(0.99); // 7 conversions expected at CPA 40
        });
        Series cheap = series("set2", Y.minusDays(20), i -> new double[] {5, 500, 0.01, 0, 0}); // 70 < 80
        assertThat(ZeroConversionSpend.find(figures(one(campaign), one(cheap), Map.of()), TARGETS)).isEmpty();
    }

    @Test
    void pacingProjectsTheMonthAndStaysQuietOnPlan() {
        Series spend = series("all", Y.minusDays(20), i -> new double[] {4000, 1, 0, 0, 0});
        Map<String, Series> byChannel = one(spend);

        List<Finding> over = BudgetPacing.find(byChannel, TARGETS, Y); // 4000 a day × 31 = 124,000 > 90,000
        assertThat(over).singleElement().satisfies(f -> {
            assertThat(f.facts()).containsEntry("monthToDateSpend", 24000.0).containsEntry("projectedMonthEnd",
                    124000.0);
            assertThat(f.impact()).isEqualTo(34000.0);
            assertThat(f.impactLabel()).contains("overspend");
            assertThat(f.entity()).isEqualTo("company:2026-12-01");
        });
        assertThat(BudgetPacing.find(byChannel, new Targets(null, null, 124000.0, null), Y)).isEmpty();
        assertThat(BudgetPacing.find(byChannel, Targets.NONE, Y)).isEmpty();
    }

    @Test
    void budgetShiftMovesMoneyToTheHigherMarginalReturn() {
        SplittableRandom rnd = new SplittableRandom(7);
        // revenue = a·spend^0.7 with a little noise; the second campaign returns twice as much per unit
        Series weak = series("c1", Y.minusDays(40), i -> {
            double s = 200 * (0.8 + 0.4 * rnd.nextDouble());
            return new double[] {s, 20000, 0.01, 0.03, 2.0 * Math.pow(200 / s, 0.3) * (0.95 + 0.1 * rnd.nextDouble())};
        });
        Series strong = series("c2", Y.minusDays(40), i -> {
            double s = 200 * (0.8 + 0.4 * rnd.nextDouble());
            return new double[] {s, 20000, 0.01, 0.03, 4.0 * Math.pow(200 / s, 0.3) * (0.95 + 0.1 * rnd.nextDouble())};
        });
        Map<String, Series> campaigns = new LinkedHashMap<>(one(weak));
        campaigns.putAll(one(strong));

        List<Finding> found = BudgetShift.find(figures(campaigns, Map.of(), Map.of()));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.facts()).containsEntry("fromKey", "meta-ads:c1").containsEntry("toKey", "meta-ads:c2");
            assertThat((Double) f.facts().get("moveDailySpend")).isBetween(30.0, 50.0);
            assertThat(f.impact()).isPositive();
            assertThat(f.confidence()).isGreaterThan(0.9);
        });
        Map<String, Series> equal = new LinkedHashMap<>(one(weak));
        equal.putAll(one(series("c3", Y.minusDays(40), i -> new double[] {200, 20000, 0.01, 0.03, 2.0})));
        assertThat(BudgetShift.find(figures(equal, Map.of(), Map.of()))).as("no better home for the money")
                .isEmpty();
    }
}

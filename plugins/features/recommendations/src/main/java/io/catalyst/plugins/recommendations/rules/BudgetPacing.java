package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Month-to-date spend of all channels against the monthly budget pro rata, projected to the month's end at the last
 * 7 days' run rate. Company-wide: the budget is for all channels together.
 */
public final class BudgetPacing {

    /** The projection must miss the budget by this share to raise a recommendation. */
    static final double TOLERANCE = 0.10;
    /** Complete days of the month needed before projecting. */
    static final int MIN_DAYS = 3;
    static final int RUN_RATE_DAYS = 7;

    private BudgetPacing() {
    }

    /**
     * @param spendByChannel each channel's daily spend, from at least 14 days before yesterday
     */
    public static List<Finding> find(Map<String, Series> spendByChannel, Targets t, LocalDate yesterday) {
        if (t.monthlyBudget() == null || t.monthlyBudget() <= 0) {
            return List.of();
        }
        LocalDate today = yesterday.plusDays(1);
        LocalDate monthStart = today.withDayOfMonth(1);
        int elapsed = today.getDayOfMonth() - 1;
        if (elapsed < MIN_DAYS) {
            return List.of();
        }
        int daysInMonth = today.lengthOfMonth();
        int remaining = daysInMonth - elapsed;
        Series all = new Series("all", "All channels", null, null, null);
        Map<String, Double> mtdByChannel = new LinkedHashMap<>();
        spendByChannel.forEach((channel, s) -> {
            s.days().values().forEach(all::add);
            mtdByChannel.put(channel, Stats.round(s.sum(monthStart, yesterday).spend(), 2));
        });
        double budget = t.monthlyBudget();
        double mtd = all.sum(monthStart, yesterday).spend();
        double runRate = all.sum(yesterday.minusDays(RUN_RATE_DAYS - 1), yesterday).spend() / RUN_RATE_DAYS;
        double projected = mtd + runRate * remaining;
        double deviation = projected / budget - 1;
        if (Math.abs(deviation) < TOLERANCE) {
            return List.of();
        }
        double[] daily = new double[14];
        for (int i = 0; i < 14; i++) {
            daily[i] = all.days().getOrDefault(yesterday.minusDays(i), Day.ZERO).spend();
        }
        double sd = Stats.sd(daily);
        // day-to-day noise over the remaining days, plus the run rate's own uncertainty carried over them
        double se = sd * Math.sqrt(remaining) + sd / Math.sqrt(RUN_RATE_DAYS) * remaining;
        double margin = Math.abs(projected - budget) - TOLERANCE * budget;
        double confidence = se == 0 ? 1 : Stats.normalCdf(margin / se);
        boolean over = deviation > 0;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("monthlyBudget", Stats.round(budget, 2));
        facts.put("monthToDateSpend", Stats.round(mtd, 2));
        facts.put("planToDate", Stats.round(budget * elapsed / daysInMonth, 2));
        facts.put("daysElapsed", elapsed);
        facts.put("daysInMonth", daysInMonth);
        facts.put("runRatePerDay", Stats.round(runRate, 2));
        facts.put("projectedMonthEnd", Stats.round(projected, 2));
        facts.put("projectedDeviation", Stats.round(deviation, 4));
        facts.put("dailySpendToLandOnBudget", Stats.round(Math.max(0, (budget - mtd) / remaining), 2));
        facts.put("monthToDateByChannel", mtdByChannel);
        return List.of(new Finding(Kind.BUDGET_PACING, "all", "company", "company:" + monthStart, "All channels, "
                + monthStart.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " "
                + monthStart.getYear(), facts, Evidences.daily(all, monthStart, yesterday, "spend"),
                Stats.round(Math.abs(projected - budget), 2), Finding.MONEY,
                over ? "projected overspend this month" : "projected unspent budget this month", confidence,
                String.format(Locale.ROOT, "Φ((|%.0f − %.0f| − %.0f%% × %.0f) / %.0f) = %.2f: the projection's"
                        + " standard error from the last 14 days' spend (sd %.0f a day) over %d remaining days",
                        projected, budget, TOLERANCE * 100, budget, se, confidence, sd, remaining)));
    }
}

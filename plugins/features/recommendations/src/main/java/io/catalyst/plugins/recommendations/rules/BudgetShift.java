package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Moving budget between a channel's campaigns by marginal return. Each campaign's revenue is fitted against its spend
 * over the last 28 days as a power curve, revenue = a · spend^b (a straight line in logs), so its marginal ROAS at
 * today's spend is b · ROAS. Daily spend varies little, so the fitted b is shrunk towards a prior elasticity
 * ({@value #PRIOR_B} ± {@value #PRIOR_SD}), weighted by precision. The recommendation moves budget from the campaign
 * with the lowest marginal ROAS to the one with the highest.
 */
public final class BudgetShift {

    static final int DAYS = 28;
    /** Days of the 28 with spend and revenue for a campaign to be fitted. */
    static final int MIN_DAYS = 21;
    /** A typical response elasticity of revenue to spend, and how unsure that is. */
    static final double PRIOR_B = 0.6;
    static final double PRIOR_SD = 0.25;
    /** The best marginal ROAS must beat the worst by this factor. */
    static final double MIN_RATIO = 1.2;
    /** How sure the two marginal returns really differ: a guess between two noisy slopes moves no money. */
    static final double MIN_CONFIDENCE = 0.8;
    /** The move: this share of the donor's daily spend, at most {@link #MAX_RAISE} of the receiver's. */
    static final double MOVE_SHARE = 0.20;
    static final double MAX_RAISE = 0.30;

    private BudgetShift() {
    }

    /** One campaign's fitted response curve. */
    record Curve(Series campaign, double meanSpend, double meanRevenue, double b, double seB, double roas,
                 double seRoas, int days) {

        double marginal() {
            return b * roas;
        }

        double seMarginal() {
            return Math.sqrt(Math.pow(roas * seB, 2) + Math.pow(b * seRoas, 2));
        }

        /** Revenue per day at a daily spend, on the fitted curve through the campaign's mean day. */
        double revenueAt(double spend) {
            return meanRevenue * Math.pow(spend / meanSpend, b);
        }
    }

    public static List<Finding> find(ChannelFigures f) {
        LocalDate y = f.yesterday();
        LocalDate from = y.minusDays(DAYS - 1);
        List<Curve> curves = new ArrayList<>();
        for (Series c : f.campaigns().values()) {
            Curve curve = fit(c, from, y);
            if (curve != null) {
                curves.add(curve);
            }
        }
        if (curves.size() < 2) {
            return List.of();
        }
        curves.sort(Comparator.comparingDouble(Curve::marginal));
        Curve lo = curves.get(0);
        Curve hi = curves.get(curves.size() - 1);
        if (hi.marginal() < MIN_RATIO * lo.marginal()) {
            return List.of();
        }
        double move = Math.min(MOVE_SHARE * lo.meanSpend(), MAX_RAISE * hi.meanSpend());
        double gainPerDay = hi.revenueAt(hi.meanSpend() + move) - hi.meanRevenue()
                + lo.revenueAt(lo.meanSpend() - move) - lo.meanRevenue();
        if (gainPerDay <= 0) {
            return List.of();
        }
        double z = (hi.marginal() - lo.marginal()) / Math.sqrt(Math.pow(hi.seMarginal(), 2)
                + Math.pow(lo.seMarginal(), 2));
        double confidence = Stats.normalCdf(z);
        if (confidence < MIN_CONFIDENCE) {
            return List.of();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("from", lo.campaign().label());
        facts.put("fromKey", lo.campaign().key());
        facts.put("to", hi.campaign().label());
        facts.put("toKey", hi.campaign().key());
        facts.put("moveDailySpend", Stats.round(move, 2));
        facts.put("fromDailySpend", Stats.round(lo.meanSpend(), 2));
        facts.put("toDailySpend", Stats.round(hi.meanSpend(), 2));
        facts.put("fromRoas", Stats.round(lo.roas(), 3));
        facts.put("toRoas", Stats.round(hi.roas(), 3));
        facts.put("fromMarginalRoas", Stats.round(lo.marginal(), 3));
        facts.put("toMarginalRoas", Stats.round(hi.marginal(), 3));
        facts.put("fromElasticity", Stats.round(lo.b(), 3));
        facts.put("toElasticity", Stats.round(hi.b(), 3));
        facts.put("revenueGainPerDay", Stats.round(gainPerDay, 2));
        facts.put("campaignsCompared", curves.size());
        List<Evidence.Point> rows = new ArrayList<>();
        for (Curve c : curves) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("roas", Stats.round(c.roas(), 3));
            values.put("spend", Stats.round(c.meanSpend() * c.days(), 2));
            rows.add(new Evidence.Point(c.campaign().key(), c.campaign().label(), values));
        }
        return List.of(new Finding(Kind.BUDGET_SHIFT, f.channel(), "channel", f.channel(), f.channel(), facts,
                new Evidence("campaign", List.of("roas", "spend"), rows), Stats.round(gainPerDay * 30, 2),
                Finding.MONEY, "more revenue per 30 days at the same spend", confidence,
                String.format(Locale.ROOT, "Φ((%.2f − %.2f) / √(%.2f² + %.2f²)) = %.2f: the two marginal ROAS"
                        + " apart by their standard errors (elasticity fit over %d and %d days, shrunk to the"
                        + " prior %.1f ± %.2f)", hi.marginal(), lo.marginal(), hi.seMarginal(), lo.seMarginal(),
                        confidence, hi.days(), lo.days(), PRIOR_B, PRIOR_SD)));
    }

    static Curve fit(Series c, LocalDate from, LocalDate to) {
        List<Day> days = c.days().subMap(from, true, to, true).values().stream()
                .filter(d -> d.spend() > 0 && d.revenue() > 0).toList();
        if (days.size() < MIN_DAYS || c.sum(to.minusDays(6), to).spend() <= 0) {
            return null;
        }
        int n = days.size();
        double[] x = new double[n];
        double[] yv = new double[n];
        double[] roas = new double[n];
        double spend = 0;
        double revenue = 0;
        for (int i = 0; i < n; i++) {
            Day d = days.get(i);
            x[i] = Math.log(d.spend());
            yv[i] = Math.log(d.revenue());
            roas[i] = d.revenue() / d.spend();
            spend += d.spend();
            revenue += d.revenue();
        }
        double mx = mean(x);
        double my = mean(yv);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (yv[i] - my);
        }
        double bPost;
        double sePost;
        if (sxx <= 1e-9) {
            bPost = PRIOR_B; // spend never varied: the data say nothing about the slope
            sePost = PRIOR_SD;
        } else {
            double bHat = sxy / sxx;
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = yv[i] - my - bHat * (x[i] - mx);
                rss += r * r;
            }
            double seHat = Math.sqrt(rss / (n - 2) / sxx);
            double wData = seHat == 0 ? 1e12 : 1 / (seHat * seHat);
            double wPrior = 1 / (PRIOR_SD * PRIOR_SD);
            bPost = (bHat * wData + PRIOR_B * wPrior) / (wData + wPrior);
            sePost = Math.sqrt(1 / (wData + wPrior));
        }
        bPost = Math.max(0.05, Math.min(1.0, bPost));
        double ratio = revenue / spend;
        return new Curve(c, spend / n, revenue / n, bPost, sePost, ratio, Stats.sd(roas) / Math.sqrt(n), n);
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double v : xs) {
            s += v;
        }
        return s / xs.length;
    }
}

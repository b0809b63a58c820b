package io.catalyst.plugins.recommendations;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.Period;
import io.catalyst.plugins.recommendations.rules.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether accepting helped: the kind's metric for the entity over the {@value #DAYS} days before the acceptance day
 * against the {@value #DAYS} days from it on, measured once those have passed.
 */
final class Outcomes {

    static final int DAYS = 14;

    private Outcomes() {
    }

    /** The days before acceptance. */
    static Period before(LocalDate accepted) {
        return new Period(accepted.minusDays(DAYS), accepted.minusDays(1));
    }

    /** The days after acceptance (the acceptance day included). */
    static Period after(LocalDate accepted) {
        return new Period(accepted, accepted.plusDays(DAYS - 1));
    }

    /** When the after-window is complete: the day after its last day. */
    static LocalDate due(LocalDate accepted) {
        return accepted.plusDays(DAYS);
    }

    /** The metric of the recommendation's entity over a period, or null when undefined (a CPA without conversions). */
    static Double measure(Metrics metrics, String kindId, String level, String entity, Period period) {
        Kind kind = Kind.of(kindId);
        MetricsQuery.Builder q = MetricsQuery.of(period, kind.outcomeMetric());
        switch (level) {
            case "ad" -> q.where(Filter.equalTo(Dimension.AD, entity));
            case "ad_set" -> q.where(Filter.equalTo(Dimension.AD_SET, entity));
            case "campaign" -> q.where(Filter.equalTo(Dimension.CAMPAIGN, entity));
            case "channel" -> q.where(Filter.equalTo(Dimension.CHANNEL, entity));
            default -> { } // company-wide
        }
        BigDecimal v = metrics.query(q.build()).total().map(r -> r.value(kind.outcomeMetric())).orElse(null);
        return v == null ? null : v.doubleValue();
    }

    /**
     * Whether the metric moved the right way, or null before it is measured. Pacing's right way depends on whether
     * the month was heading over or under budget.
     */
    static Boolean improved(Reco r) {
        if (r.outcomeBefore() == null || r.outcomeAfter() == null) {
            return null;
        }
        Kind kind = Kind.of(r.kind());
        boolean higherIsBetter = kind.higherIsBetter();
        if (kind == Kind.BUDGET_PACING) {
            Object deviation = RecoJson.facts(r.facts()).get("projectedDeviation");
            higherIsBetter = deviation instanceof Number n && n.doubleValue() < 0;
        }
        double delta = r.outcomeAfter() - r.outcomeBefore();
        return higherIsBetter ? delta > 0 : delta < 0;
    }

    /** Per kind: how many were raised, accepted, dismissed, snoozed, open and resolved, and the measured outcomes. */
    record KindPerformance(String kind, int raised, int accepted, int dismissed, int snoozed, int open, int resolved,
                           int measured, int improved, Double averageChange) {

        /** Accepted among those people decided on (accepted or dismissed), or null before any decision. */
        Double acceptanceRate() {
            int decided = accepted + dismissed;
            return decided == 0 ? null : (double) accepted / decided;
        }
    }

    static List<KindPerformance> performance(List<Reco> all, LocalDate today) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, double[]> changes = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            counts.put(k.id(), new int[8]);
            changes.put(k.id(), new double[2]);
        }
        for (Reco r : all) {
            int[] c = counts.get(r.kind());
            if (c == null) {
                continue;
            }
            c[0]++;
            switch (r.shownStatus(today)) {
                case Reco.ACCEPTED -> c[1]++;
                case Reco.DISMISSED -> c[2]++;
                case Reco.SNOOZED -> c[3]++;
                case Reco.OPEN -> c[4]++;
                default -> c[5]++;
            }
            Boolean better = improved(r);
            if (better != null) {
                c[6]++;
                c[7] += better ? 1 : 0;
                if (r.outcomeBefore() != 0) {
                    changes.get(r.kind())[0] += (r.outcomeAfter() - r.outcomeBefore()) / Math.abs(r.outcomeBefore());
                    changes.get(r.kind())[1]++;
                }
            }
        }
        return counts.entrySet().stream().map(e -> {
            int[] c = e.getValue();
            double[] ch = changes.get(e.getKey());
            return new KindPerformance(e.getKey(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
                    ch[1] == 0 ? null : ch[0] / ch[1]);
        }).toList();
    }
}

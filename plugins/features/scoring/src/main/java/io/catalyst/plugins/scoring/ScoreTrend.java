package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import io.catalyst.plugins.scoring.model.Evaluation;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well scores have told converters apart, month by month of the leads' arrival: the AUC of each month's leads'
 * scores against whether they converted within the horizon. A month whose horizon has not passed yet is "maturing":
 * its late converters are still to come, so its AUC is provisional.
 */
final class ScoreTrend {

    /** Months shown, newest last. */
    static final int MONTHS = 12;
    /** A month with fewer leads or conversions than this has no AUC worth showing. */
    static final int MIN_LEADS = 30;
    static final int MIN_CONVERSIONS = 5;

    /** One month of arrivals. {@code auc} is null when the month is too small to judge. */
    record Month(YearMonth month, int leads, int converted, Double auc, boolean maturing) {
    }

    private ScoreTrend() {
    }

    static List<Month> aucByMonth(PluginContext ctx, int horizonDays, Instant now) {
        ZoneId zone = ctx.tenant().timezone();
        YearMonth last = YearMonth.from(now.atZone(zone));
        Instant from = last.minusMonths(MONTHS - 1).atDay(1).atStartOfDay(zone).toInstant();
        Map<YearMonth, List<double[]>> byMonth = new LinkedHashMap<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            byMonth.put(last.minusMonths(i), new ArrayList<>());
        }
        for (Map<String, Object> r : ctx.data().query("""
                select created_at, points,
                       converted_at is not null and converted_at <= created_at + make_interval(days => ?) as won
                from scoring_lead where points is not null and created_at >= ?""", horizonDays,
                java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))) {
            YearMonth month = YearMonth.from(Leads.instant(r.get("created_at")).atZone(zone));
            List<double[]> rows = byMonth.get(month);
            if (rows != null) {
                rows.add(new double[] {((Number) r.get("points")).doubleValue(),
                        Boolean.TRUE.equals(r.get("won")) ? 1 : 0});
            }
        }
        List<Month> months = new ArrayList<>();
        Instant matureBefore = now.minus(Duration.ofDays(horizonDays));
        byMonth.forEach((month, rows) -> {
            double[] p = new double[rows.size()];
            boolean[] y = new boolean[rows.size()];
            int converted = 0;
            for (int i = 0; i < rows.size(); i++) {
                p[i] = rows.get(i)[0];
                y[i] = rows.get(i)[1] == 1;
                converted += y[i] ? 1 : 0;
            }
            Double auc = rows.size() >= MIN_LEADS && converted >= MIN_CONVERSIONS
                    && converted < rows.size() ? Evaluation.of(p, y).auc() : null;
            // some of its leads came in less than a horizon ago: their conversions may still come
            boolean maturing = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().isAfter(matureBefore);
            months.add(new Month(month, rows.size(), converted, auc, maturing));
        });
        return months;
    }
}

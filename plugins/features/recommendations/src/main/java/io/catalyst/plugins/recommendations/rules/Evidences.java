package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the evidence charts' figures from daily series. */
final class Evidences {

    private Evidences() {
    }

    /** One row per day from {@code from} to {@code to} (zeros on days without delivery). */
    static Evidence daily(Series s, LocalDate from, LocalDate to, String... metrics) {
        List<Evidence.Point> rows = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Day day = s.days().getOrDefault(d, new Day(d, 0, 0, 0, 0, 0));
            rows.add(new Evidence.Point(d.toString(), d.toString(), values(day, metrics)));
        }
        return new Evidence("date", List.of(metrics), rows);
    }

    static Map<String, Double> values(Day day, String... metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String m : metrics) {
            values.put(m, switch (m) {
                case "spend" -> Stats.round(day.spend(), 2);
                case "impressions" -> (double) day.impressions();
                case "clicks" -> (double) day.clicks();
                case "conversions" -> Stats.round(day.conversions(), 2);
                case "revenue" -> Stats.round(day.revenue(), 2);
                case "ctr" -> day.ctr() == null ? null : Stats.round(day.ctr(), 6);
                case "cpa" -> day.cpa() == null ? null : Stats.round(day.cpa(), 2);
                case "roas" -> day.roas() == null ? null : Stats.round(day.roas(), 4);
                default -> throw new IllegalArgumentException("no such evidence metric " + m);
            });
        }
        return values;
    }
}

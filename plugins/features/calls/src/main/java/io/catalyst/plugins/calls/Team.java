package io.catalyst.plugins.calls;

import io.catalyst.api.PluginContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The team's figures: each rep's call metrics against the team and against its top performers (the reps with the
 * best win rate), and which metrics go with won deals in this company.
 */
final class Team {

    /** A metric the team pages compare; {@code better} says which way is good when known. */
    enum Metric {
        TALK_RATIO("talk_ratio", "Rep talk ratio", "%"),
        QUESTIONS("rep_questions_pm", "Rep questions per minute", ""),
        MONOLOGUE("longest_monologue_s", "Longest rep monologue", "s"),
        PATIENCE("patience_s", "Patience", "s"),
        INTERACTIVITY("interactivity", "Interactivity (switches per minute)", ""),
        PACE("rep_wpm", "Rep words per minute", ""),
        FILLERS("filler_rate", "Rep filler words per 100", ""),
        SCORE("score", "Scorecard", "%");

        final String column;
        final String label;
        final String unit;

        Metric(String column, String label, String unit) {
            this.column = column;
            this.label = label;
            this.unit = unit;
        }
    }

    /** One rep's figures; averages are null without analysed calls. */
    record Rep(String rep, int calls, int answered, int transcribed, int won, int lost, Map<Metric, Double> means) {
        Double winRate() {
            return won + lost == 0 ? null : (double) won / (won + lost);
        }
    }

    /** A metric on won against lost deals' calls: the means, their difference and Cohen's d. */
    record WinSignal(Metric metric, double won, double lost, int wonCalls, int lostCalls, double effect) {
    }

    private Team() {
    }

    static List<Rep> reps(PluginContext ctx, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select coalesce(rep, 'Unknown') as rep, count(*) as calls,"
                + " count(*) filter (where answered is not false) as answered,"
                + " count(*) filter (where metrics is not null) as transcribed,"
                + " count(distinct deal_id) filter (where deal_result = 'won') as won,"
                + " count(distinct deal_id) filter (where deal_result = 'lost') as lost");
        for (Metric m : Metric.values()) {
            sql.append(", avg(").append(m.column).append(") as ").append(m.column);
        }
        sql.append(" from sales_call where started_at >= ? and started_at < ? group by 1 order by 2 desc, 1");
        List<Rep> reps = new ArrayList<>();
        for (Map<String, Object> r : ctx.data().query(sql.toString(), at(from), at(to))) {
            Map<Metric, Double> means = new java.util.EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                Double v = SalesCall.number(r.get(m.column));
                if (v != null) {
                    means.put(m, v);
                }
            }
            reps.add(new Rep((String) r.get("rep"), count(r, "calls"), count(r, "answered"), count(r, "transcribed"),
                    count(r, "won"), count(r, "lost"), means));
        }
        return reps;
    }

    /** The team's mean of a metric over its reps' means (each rep counts once). */
    static Double teamMean(List<Rep> reps, Metric m) {
        return reps.stream().map(r -> r.means().get(m)).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
    }

    /**
     * The top performers: the best third of the reps with at least two decided deals, at least one, ranked by
     * (won + 1) / (decided + 2), so that one lucky deal does not make a rep the team's best.
     */
    static List<Rep> top(List<Rep> reps) {
        List<Rep> decided = reps.stream().filter(r -> r.won() + r.lost() >= 2)
                .sorted(Comparator.comparingDouble((Rep r) -> (r.won() + 1.0) / (r.won() + r.lost() + 2.0))
                        .reversed()).toList();
        return decided.isEmpty() ? List.of() : decided.subList(0, Math.max(1, decided.size() / 3));
    }

    /** Each metric on calls of won deals against calls of lost deals, the clearest difference first. */
    static List<WinSignal> winSignals(PluginContext ctx, Instant from, Instant to) {
        List<WinSignal> signals = new ArrayList<>();
        for (Metric m : Metric.values()) {
            List<Map<String, Object>> rows = ctx.data().query("select deal_result, avg(" + m.column + ") as mean,"
                    + " stddev_samp(" + m.column + ") as sd, count(" + m.column + ") as n from sales_call"
                    + " where deal_result in ('won', 'lost') and started_at >= ? and started_at < ?"
                    + " group by deal_result", at(from), at(to));
            Map<String, Object> won = rows.stream().filter(r -> "won".equals(r.get("deal_result"))).findFirst()
                    .orElse(null);
            Map<String, Object> lost = rows.stream().filter(r -> "lost".equals(r.get("deal_result"))).findFirst()
                    .orElse(null);
            if (won == null || lost == null || count(won, "n") < 5 || count(lost, "n") < 5) {
                continue; // too few calls to say anything
            }
            double mw = SalesCall.number(won.get("mean"));
            double ml = SalesCall.number(lost.get("mean"));
            Double sw = SalesCall.number(won.get("sd"));
            Double sl = SalesCall.number(lost.get("sd"));
            double pooled = Math.sqrt(((sw == null ? 0 : sw * sw) + (sl == null ? 0 : sl * sl)) / 2);
            double effect = pooled == 0 ? 0 : (mw - ml) / pooled;
            signals.add(new WinSignal(m, mw, ml, count(won, "n"), count(lost, "n"), effect));
        }
        signals.sort(Comparator.comparingDouble((WinSignal s) -> Math.abs(s.effect())).reversed());
        return signals;
    }

    /** The calls a rep made per week, with their mean scorecard, for the trend. */
    static List<Map<String, Object>> weekly(PluginContext ctx, String rep, Instant from, Instant to) {
        return ctx.data().query("select date_trunc('week', started_at) as week, count(*) as calls,"
                + " avg(score) as score, avg(talk_ratio) as talk_ratio from sales_call where started_at >= ?"
                + " and started_at < ? and (cast(? as text) is null or rep = ?) group by 1 order by 1", at(from),
                at(to), rep, rep);
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static int count(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null ? 0 : ((Number) v).intValue();
    }
}

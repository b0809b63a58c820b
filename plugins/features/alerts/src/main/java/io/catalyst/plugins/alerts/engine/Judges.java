package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.metrics.SourceStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pure evaluators, one per {@link Kind}: what figures a rule needs as of a day ({@link #spec}) and what they
 * mean ({@link #judge}). "As of" a day means the figures up to and including that day, so a rule can be evaluated
 * for any past day (back-tests) exactly as for yesterday.
 */
public final class Judges {

    /** Below this many same-weekday values an anomaly rule does not judge. */
    public static final int MIN_HISTORY = 3;

    private Judges() {
    }

    public static QuerySpec spec(Rule rule, LocalDate asOf) {
        List<Dimension> level = rule.level().dimensions();
        return switch (rule.kind()) {
            case THRESHOLD -> new QuerySpec(metrics(rule.metric(), "spend"), level, window(rule, asOf),
                    Comparison.NONE, rule.filters());
            case CHANGE -> new QuerySpec(Set.of(rule.metric()), level, window(rule, asOf), Comparison.PREVIOUS_PERIOD,
                    rule.filters());
            case PACING -> new QuerySpec(Set.of("spend"), level, new Period(asOf.withDayOfMonth(1), asOf),
                    Comparison.NONE, rule.filters());
            case ANOMALY -> new QuerySpec(Set.of(rule.metric()), withDate(level),
                    new Period(asOf.minusWeeks((long) rule.param("weeks")), asOf), Comparison.NONE, rule.filters());
            case TRACKING -> new QuerySpec(metrics(rule.metric(), "clicks"), level, new Period(asOf, asOf),
                    Comparison.NONE, rule.filters());
            case STALE -> throw new IllegalArgumentException("stale-data rules read the sources, not the metrics");
        };
    }

    /** Judges each entity of the answer to the rule's query (which may hold other rules' metrics too). */
    public static List<Observation> judge(Rule rule, LocalDate asOf, MetricsResult result) {
        List<Observation> out = new ArrayList<>();
        if (rule.kind() == Kind.ANOMALY) {
            anomalies(rule, asOf, result, out);
            return out;
        }
        for (Entity e : entities(rule, result)) {
            out.add(switch (rule.kind()) {
                case THRESHOLD -> threshold(rule, asOf, e);
                case CHANGE -> change(rule, asOf, e);
                case PACING -> pacing(rule, asOf, e);
                case TRACKING -> tracking(rule, asOf, e);
                default -> throw new IllegalStateException(rule.kind().id());
            });
        }
        return out;
    }

    /** Stale data: one observation per connection that is not paused; its value is the hours since it loaded. */
    public static List<Observation> stale(Rule rule, List<SourceStatus> sources, Instant now, LocalDate asOf) {
        double hours = rule.param("hours");
        List<Observation> out = new ArrayList<>();
        for (SourceStatus s : sources) {
            if ("PAUSED".equals(s.status())) {
                continue; // paused on purpose: not loading is expected
            }
            String entity = s.connectionId().toString();
            if (s.lastLoadedAt() == null) {
                out.add(new Observation(rule.id(), entity, s.name(), Verdict.BREACH, null, hours,
                        s.name() + " has never loaded", asOf));
                continue;
            }
            double since = Duration.between(s.lastLoadedAt(), now).toMinutes() / 60.0;
            boolean stale = since >= hours;
            out.add(new Observation(rule.id(), entity, s.name(), stale ? Verdict.BREACH : Verdict.OK, round(since),
                    hours, s.name() + (stale ? " has not loaded since " : " loaded at ") + s.lastLoadedAt(), asOf));
        }
        return out;
    }

    private record Entity(String key, String label, Row row) {
    }

    private static List<Entity> entities(Rule rule, MetricsResult result) {
        if (rule.level() == Level.TENANT) {
            return result.total().map(r -> List.of(new Entity(Level.TOTAL, "All channels", r))).orElse(List.of());
        }
        return result.rows().stream().map(r -> new Entity(r.keys().get(0), r.labels().get(0), r)).toList();
    }

    private static Observation threshold(Rule rule, LocalDate asOf, Entity e) {
        double minSpend = rule.param("minSpend");
        Double spend = number(e.row().value("spend"));
        if (minSpend > 0 && (spend == null || spend < minSpend)) {
            return new Observation(rule.id(), e.key(), e.label(), Verdict.NO_DATA, number(e.row().value(rule.metric())),
                    rule.param("threshold"), "spend " + fmt(spend) + " is below the minimum " + fmt(minSpend)
                    + ": not judged", asOf);
        }
        Double value = number(e.row().value(rule.metric()));
        double threshold = rule.param("threshold");
        if (value == null) {
            return new Observation(rule.id(), e.key(), e.label(), Verdict.NO_DATA, null, threshold,
                    "no " + rule.metric() + " (nothing to divide by)", asOf);
        }
        boolean breach = rule.direction().matches(value - threshold);
        return new Observation(rule.id(), e.key(), e.label(), breach ? Verdict.BREACH : Verdict.OK, value, threshold,
                rule.metric() + " " + fmt(value) + (breach ? " is beyond " : " is within ") + fmt(threshold)
                        + " over " + days(rule), asOf);
    }

    private static Observation change(Rule rule, LocalDate asOf, Entity e) {
        Double value = number(e.row().value(rule.metric()));
        Double before = number(e.row().compare().get(rule.metric()));
        if (value == null || before == null || before == 0) {
            return new Observation(rule.id(), e.key(), e.label(), Verdict.NO_DATA, value, before,
                    "nothing to compare with in the " + days(rule) + " before", asOf);
        }
        double percent = (value - before) / Math.abs(before) * 100;
        boolean breach = Math.abs(percent) >= rule.param("percent") && rule.direction().matches(percent);
        return new Observation(rule.id(), e.key(), e.label(), breach ? Verdict.BREACH : Verdict.OK, value, before,
                rule.metric() + " " + signed(percent) + " % against the " + days(rule) + " before", asOf);
    }

    private static Observation pacing(Rule rule, LocalDate asOf, Entity e) {
        double spent = orZero(number(e.row().value("spend")));
        double elapsed = (double) asOf.getDayOfMonth() / asOf.lengthOfMonth();
        double expected = rule.param("budget") * elapsed;
        double off = (spent - expected) / expected * 100;
        boolean breach = Math.abs(off) > rule.param("tolerance") && rule.direction().matches(off);
        return new Observation(rule.id(), e.key(), e.label(), breach ? Verdict.BREACH : Verdict.OK, round(spent),
                round(expected), "month-to-date spend " + fmt(spent) + " is " + signed(off) + " % against "
                + fmt(expected) + " expected by " + asOf, asOf);
    }

    private static Observation tracking(Rule rule, LocalDate asOf, Entity e) {
        double conversions = orZero(number(e.row().value(rule.metric())));
        double clicks = orZero(number(e.row().value("clicks")));
        double floor = rule.param("clickFloor");
        boolean breach = conversions == 0 && clicks >= floor;
        return new Observation(rule.id(), e.key(), e.label(), breach ? Verdict.BREACH : Verdict.OK, conversions,
                floor, breach ? "no " + rule.metric() + " on " + asOf + " while " + fmt(clicks) + " clicks came in"
                : fmt(conversions) + " " + rule.metric() + " from " + fmt(clicks) + " clicks on " + asOf, asOf);
    }

    /**
     * The day's value against the same weekday of the last weeks: robust z-score {@code (x - median) / (1.4826 MAD)}
     * (the scale floored at 5 % of the median, so a flat history does not make every wobble infinite), and a
     * relative change of at least {@code minChange} %.
     */
    private static void anomalies(Rule rule, LocalDate asOf, MetricsResult result, List<Observation> out) {
        Map<String, Map<LocalDate, Double>> series = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        boolean total = rule.level() == Level.TENANT;
        for (Row row : result.rows()) {
            String key = total ? Level.TOTAL : row.keys().get(0);
            labels.putIfAbsent(key, total ? "All channels" : row.labels().get(0));
            Double v = number(row.value(rule.metric()));
            if (v != null) {
                series.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .put(LocalDate.parse(row.keys().get(row.keys().size() - 1)), v);
            }
        }
        int weeks = (int) rule.param("weeks");
        String weekday = asOf.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        for (Map.Entry<String, Map<LocalDate, Double>> entry : series.entrySet()) {
            Map<LocalDate, Double> days = entry.getValue();
            if (total) { // the total is a zero-filled time series: a zero there means "no figures that day"
                days.values().removeIf(v -> v == 0);
            }
            double[] history = new double[weeks];
            int n = 0;
            for (int w = 1; w <= weeks; w++) {
                Double v = days.get(asOf.minusWeeks(w));
                if (v != null) {
                    history[n++] = v;
                }
            }
            String key = entry.getKey();
            Double today = days.get(asOf);
            double x = today == null ? 0 : today;
            if (n < MIN_HISTORY) {
                out.add(new Observation(rule.id(), key, labels.get(key), Verdict.NO_DATA, x, null,
                        "not enough history: " + n + " of the last " + weeks + " " + weekday + "s have figures, "
                                + MIN_HISTORY + " are needed", asOf));
                continue;
            }
            double[] h = Arrays.copyOf(history, n);
            double median = median(h);
            double[] dev = Arrays.stream(h).map(v -> Math.abs(v - median)).toArray();
            double scale = Math.max(1.4826 * median(dev), Math.max(0.05 * Math.abs(median), 1e-9));
            double score = (x - median) / scale;
            double relative = median == 0 ? (x == 0 ? 0 : Double.POSITIVE_INFINITY) : (x - median) / Math.abs(median) * 100;
            boolean breach = rule.direction().matches(x - median) && Math.abs(score) >= rule.param("sensitivity")
                    && Math.abs(relative) >= rule.param("minChange");
            out.add(new Observation(rule.id(), key, labels.get(key), breach ? Verdict.BREACH : Verdict.OK, round(x),
                    round(median), rule.metric() + " " + fmt(x) + " on " + asOf + " against a median of "
                    + fmt(median) + " over the last " + n + " " + weekday + "s (" + signed(score)
                    + " robust deviations)", asOf));
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** The metrics a rule reads, once each (a threshold on spend needs spend once). */
    private static Set<String> metrics(String... names) {
        return new java.util.LinkedHashSet<>(List.of(names));
    }

    private static Period window(Rule rule, LocalDate asOf) {
        return new Period(asOf.minusDays((long) rule.param("days") - 1), asOf);
    }

    private static List<Dimension> withDate(List<Dimension> level) {
        List<Dimension> dims = new ArrayList<>(level);
        dims.add(Dimension.DATE);
        return dims;
    }

    private static String days(Rule rule) {
        long d = (long) rule.param("days");
        return d == 1 ? "day" : d + " days";
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String fmt(Double v) {
        if (v == null) {
            return "none";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue())
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f", v);
    }
}

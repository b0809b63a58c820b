package io.catalyst.plugins.scoring.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The points model that works from day one, with no history: criteria add or take away points, the sum fades with
 * the lead's age, and thresholds name bands. Points here are a rule of thumb, not a probability.
 *
 * @param version      e.g. {@code rules-3}; goes into every {@link Score}
 * @param criteria     what earns points
 * @param halfLifeDays after this many days the points are halved; 0 means they never fade
 * @param thresholds   the bands, e.g. hot at 70, warm at 40
 */
public record RulesModel(String version, List<Criterion> criteria, double halfLifeDays, List<Threshold> thresholds) {

    /** The key and label of the decay reason; age is not a feature, so it cannot be excluded. */
    public static final String AGE = "age";
    private static final String AGE_LABEL = "Age of the lead";
    private static final Set<String> FIELDS = Set.of("version", "criteria", "halfLifeDays", "thresholds");

    public RulesModel {
        require(version != null && !version.isBlank(), "version is missing");
        require(criteria != null, "criteria are missing");
        require(thresholds != null, "thresholds are missing");
        require(halfLifeDays >= 0 && Double.isFinite(halfLifeDays),
                "halfLifeDays must be 0 (no decay) or positive, was " + halfLifeDays);
        criteria = List.copyOf(criteria);
        thresholds = thresholds.stream().sorted(Comparator.comparingInt(Threshold::atLeast).reversed()).toList();
    }

    /**
     * What earns points: a categorical feature equal to {@code value} (case-insensitive), or a numeric feature at
     * least {@code atLeast}.
     */
    public record Criterion(String feature, String value, Integer atLeast, int points) {

        public Criterion {
            Features.index(feature);
            require(points >= -100 && points <= 100, "points must be within -100..100, was " + points);
            if (Features.isNumeric(feature)) {
                require(atLeast != null && atLeast >= 0, feature + " is numeric: it needs \"atLeast\" of 0 or more");
                require(value == null, feature + " is numeric: use \"atLeast\", not \"value\"");
            } else {
                require(value != null && !value.isBlank(), feature + " is categorical: it needs a \"value\"");
                require(atLeast == null, feature + " is categorical: use \"value\", not \"atLeast\"");
            }
        }

        public static Criterion is(String feature, String value, int points) {
            return new Criterion(feature, value, null, points);
        }

        public static Criterion atLeast(String feature, int atLeast, int points) {
            return new Criterion(feature, null, atLeast, points);
        }

        boolean matches(LeadFacts lead) {
            return atLeast != null ? Features.count(feature, lead) >= atLeast
                    : value.equalsIgnoreCase(Features.display(feature, lead));
        }
    }

    /** A band: scores of {@code atLeast} points or more are {@code band}. */
    public record Threshold(String band, int atLeast) {

        public Threshold {
            require(band != null && !band.isBlank(), "a threshold needs a \"band\" name");
            require(atLeast >= 0 && atLeast <= 100, "threshold atLeast must be within 0..100, was " + atLeast);
        }
    }

    /** Sensible B2B defaults, like the manual scoring templates of HubSpot or Mautic. */
    public static RulesModel defaults() {
        return new RulesModel("rules-default", List.of(
                Criterion.is("form", "Demo request", 30),
                // LeadFacts knows only the first form, so a pricing-page visit is the form on the pricing page.
                Criterion.is("form", "Pricing page", 20),
                Criterion.is("seniority", "Executive", 20),
                Criterion.is("seniority", "VP", 20),
                Criterion.is("seniority", "Director", 15),
                Criterion.is("seniority", "Manager", 8),
                Criterion.is("seniority", "Student", -25),
                Criterion.is("personalEmail", "personal", -10),
                Criterion.is("size", "201-1,000", 10),
                Criterion.is("size", "1,001-5,000", 10),
                Criterion.is("size", "1-10", -5),
                Criterion.atLeast("pageViews", 5, 10),
                Criterion.atLeast("pageViews", 15, 10),
                Criterion.atLeast("emailOpens", 3, 5)),
                45, List.of(new Threshold("hot", 70), new Threshold("warm", 40)));
    }

    /**
     * Scores a lead as of {@code now}: the matched criteria, one reason per feature, and the fading as a reason of
     * its own, so the reasons add up to the score before it is clamped to 0..100.
     */
    public Score score(LeadFacts lead, Instant now) {
        Map<String, Double> byFeature = new LinkedHashMap<>();
        double sum = 0;
        for (Criterion c : criteria) {
            if (c.matches(lead)) {
                byFeature.merge(c.feature(), (double) c.points(), Double::sum);
                sum += c.points();
            }
        }
        List<Reason> reasons = new ArrayList<>();
        byFeature.forEach((key, points) ->
                reasons.add(new Reason(key, Features.label(key), Features.display(key, lead), points)));
        double ageDays = Math.max(0, Duration.between(lead.createdAt(), now).toSeconds() / 86_400.0);
        double decayed = halfLifeDays == 0 ? sum : sum * Math.pow(0.5, ageDays / halfLifeDays);
        if (Math.round(decayed - sum) != 0) {
            reasons.add(new Reason(AGE, AGE_LABEL, (long) ageDays + " days", decayed - sum));
        }
        reasons.sort(Comparator.comparingDouble((Reason r) -> -Math.abs(r.effect())));
        int points = (int) Math.max(0, Math.min(100, Math.round(decayed)));
        return new Score(points, null, version, reasons);
    }

    /** The band the points fall in, e.g. "hot", or empty below every threshold. */
    public Optional<String> band(int points) {
        return thresholds.stream().filter(t -> points >= t.atLeast()).map(Threshold::band).findFirst();
    }

    public String toJson() {
        List<Object> cs = new ArrayList<>();
        for (Criterion c : criteria) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", c.feature());
            if (c.atLeast() != null) {
                m.put("atLeast", c.atLeast());
            } else {
                m.put("value", c.value());
            }
            m.put("points", c.points());
            cs.add(m);
        }
        List<Object> ts = new ArrayList<>();
        for (Threshold t : thresholds) {
            ts.add(Map.of("band", t.band(), "atLeast", t.atLeast()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", version);
        root.put("halfLifeDays", halfLifeDays);
        root.put("criteria", cs);
        root.put("thresholds", ts);
        return Json.write(root);
    }

    /** Reads {@link #toJson()}'s shape strictly: unknown or missing fields and bad values say where they are. */
    public static RulesModel fromJson(String json) {
        Map<String, Object> root = object(Json.parse(json), "the rules");
        onlyFields(root, FIELDS, "the rules");
        List<Criterion> criteria = new ArrayList<>();
        List<Object> cs = array(field(root, "criteria", "the rules"), "criteria");
        for (int i = 0; i < cs.size(); i++) {
            String where = "criteria[" + i + "]";
            Map<String, Object> c = object(cs.get(i), where);
            onlyFields(c, Set.of("feature", "value", "atLeast", "points"), where);
            try {
                criteria.add(new Criterion(string(field(c, "feature", where), where + ".feature"),
                        c.containsKey("value") ? string(c.get("value"), where + ".value") : null,
                        c.containsKey("atLeast") ? integer(c.get("atLeast"), where + ".atLeast") : null,
                        integer(field(c, "points", where), where + ".points")));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        List<Threshold> thresholds = new ArrayList<>();
        List<Object> ts = array(field(root, "thresholds", "the rules"), "thresholds");
        for (int i = 0; i < ts.size(); i++) {
            String where = "thresholds[" + i + "]";
            Map<String, Object> t = object(ts.get(i), where);
            onlyFields(t, Set.of("band", "atLeast"), where);
            try {
                thresholds.add(new Threshold(string(field(t, "band", where), where + ".band"),
                        integer(field(t, "atLeast", where), where + ".atLeast")));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        Object halfLife = field(root, "halfLifeDays", "the rules");
        if (!(halfLife instanceof BigDecimal h)) {
            throw new IllegalArgumentException("halfLifeDays must be a number");
        }
        return new RulesModel(string(field(root, "version", "the rules"), "version"), criteria, h.doubleValue(),
                thresholds);
    }

    private static Object field(Map<String, Object> m, String name, String where) {
        if (!m.containsKey(name) || m.get(name) == null) {
            throw new IllegalArgumentException(where + ": missing field \"" + name + "\"");
        }
        return m.get(name);
    }

    private static void onlyFields(Map<String, Object> m, Set<String> allowed, String where) {
        for (String key : m.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + key + "\"");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String where) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object o, String where) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException(where + " must be a JSON array");
        }
        return (List<Object>) o;
    }

    private static String string(Object o, String where) {
        if (!(o instanceof String s)) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        return s;
    }

    private static int integer(Object o, String where) {
        if (!(o instanceof BigDecimal n)) {
            throw new IllegalArgumentException(where + " must be a whole number");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where + " must be a whole number, was " + n);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

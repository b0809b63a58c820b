package io.catalyst.plugins.scoring.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Input drift: whether the leads scored now look like the leads a model was trained on, by the population stability
 * index (PSI) of each feature. The training rows leave a {@link Reference}, binned per feature; current leads are
 * binned the same way, and PSI = Σ (a − e) · ln(a / e) over the bins, with e the training share and a the current
 * share. Usual reading: under {@value #MODERATE} stable, up to {@value #MAJOR} a moderate shift, above a major one.
 */
public final class Drift {

    /** PSI from which a feature has shifted moderately... */
    public static final double MODERATE = 0.1;
    /** ...and from which it has shifted a lot. */
    public static final double MAJOR = 0.25;
    /** The share an empty bin counts as, so a value new to either side weighs heavily without being infinite. */
    static final double FLOOR = 1e-4;
    /** Categories kept by name; rarer ones share the "other" bin. */
    static final int MAX_VALUES = 10;

    private Drift() {
    }

    /**
     * One feature's bins and the training rows' share of each.
     * <p>
     * A count has bins (−∞, edges[0]], (edges[0], edges[1]], …, (edges[last], ∞) over the known counts, then one for
     * an unknown count. A category has one bin per value in {@code values} (most frequent first), then "other", then
     * {@link Features#UNKNOWN}.
     *
     * @param feature the feature key
     * @param edges   a count's upper bin edges (the distinct deciles), ascending; empty for a category
     * @param values  a category's values kept by name; empty for a count
     * @param shares  the training share of each bin, in the order above; they sum to 1
     */
    public record Bins(String feature, List<Integer> edges, List<String> values, List<Double> shares)
            implements Serializable {

        public Bins {
            edges = List.copyOf(edges);
            values = List.copyOf(values);
            shares = List.copyOf(shares);
            int expected = (Features.isNumeric(feature) ? edges.size() + 1 : values.size() + 1) + 1;
            if (shares.size() != expected) {
                throw new IllegalArgumentException(feature + ": " + shares.size() + " shares for " + expected
                        + " bins");
            }
        }

        /** The bin the lead falls in. */
        int bin(LeadFacts lead) {
            if (Features.isNumeric(feature)) {
                int count = Features.count(feature, lead);
                if (count < 0) {
                    return edges.size() + 1;
                }
                int i = 0;
                while (i < edges.size() && count > edges.get(i)) {
                    i++;
                }
                return i;
            }
            String value = Features.display(feature, lead);
            if (value.equals(Features.UNKNOWN)) {
                return values.size() + 1;
            }
            int i = values.indexOf(value);
            return i >= 0 ? i : values.size();
        }

        /** The leads' share of each bin. */
        double[] shares(List<LeadFacts> leads) {
            int[] count = new int[shares.size()];
            for (LeadFacts lead : leads) {
                count[bin(lead)]++;
            }
            return Arrays.stream(count).mapToDouble(c -> (double) c / leads.size()).toArray();
        }

        /** The population stability index of the leads against these bins. */
        double psi(List<LeadFacts> leads) {
            double[] actual = shares(leads);
            double psi = 0;
            for (int i = 0; i < actual.length; i++) {
                double a = Math.max(actual[i], FLOOR);
                double e = Math.max(shares.get(i), FLOOR);
                psi += (a - e) * Math.log(a / e);
            }
            return psi;
        }
    }

    /**
     * What the training rows looked like, feature by feature: kept in the model card, to compare later leads with.
     *
     * @param rows     how many leads it was taken from
     * @param features the bins of each feature trained on, in the card's feature order
     */
    public record Reference(int rows, List<Bins> features) implements Serializable {

        public Reference {
            features = List.copyOf(features);
        }

        /** Bins the leads: counts by their deciles, categories by their most frequent values. */
        public static Reference of(List<LeadFacts> leads, List<String> keys) {
            if (leads.isEmpty()) {
                throw new IllegalArgumentException("no leads to take a reference from");
            }
            List<Bins> bins = new ArrayList<>(keys.size());
            for (String key : keys) {
                Bins b = Features.isNumeric(key) ? counts(key, leads) : categories(key, leads);
                // the shares as the bins themselves count them, so a lead is binned one way only
                double[] shares = b.shares(leads);
                bins.add(new Bins(key, b.edges(), b.values(), Arrays.stream(shares).boxed().toList()));
            }
            return new Reference(leads.size(), bins);
        }

        private static Bins counts(String key, List<LeadFacts> leads) {
            int[] known = leads.stream().mapToInt(l -> Features.count(key, l)).filter(c -> c >= 0).sorted()
                    .toArray();
            List<Integer> edges = new ArrayList<>();
            for (int decile = 1; decile <= 9 && known.length > 0; decile++) {
                // the decile as the smallest count with at least decile/10 of the counts at or below it
                int edge = known[(decile * known.length + 9) / 10 - 1];
                // ties collapse deciles; an edge at the maximum would leave the open top bin empty
                if ((edges.isEmpty() || edge > edges.get(edges.size() - 1)) && edge < known[known.length - 1]) {
                    edges.add(edge);
                }
            }
            return new Bins(key, edges, List.of(), zeros(edges.size() + 2));
        }

        private static Bins categories(String key, List<LeadFacts> leads) {
            Map<String, Integer> counts = new HashMap<>();
            for (LeadFacts lead : leads) {
                String value = Features.display(key, lead);
                if (!value.equals(Features.UNKNOWN)) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
            List<String> values = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_VALUES).map(Map.Entry::getKey).toList();
            return new Bins(key, List.of(), values, zeros(values.size() + 2));
        }

        private static List<Double> zeros(int n) {
            return Collections.nCopies(n, 0.0);
        }

        /** For the model card's JSON. */
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", rows);
            List<Object> list = new ArrayList<>();
            for (Bins b : features) {
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("feature", b.feature());
                if (Features.isNumeric(b.feature())) {
                    bm.put("edges", b.edges());
                } else {
                    bm.put("values", b.values());
                }
                bm.put("shares", b.shares());
                list.add(bm);
            }
            m.put("features", list);
            return m;
        }

        /** Reads {@link #toMap()} as parsed by {@link Json}; anything else is an {@link IllegalArgumentException}. */
        static Reference fromMap(Object parsed) {
            try {
                Map<?, ?> m = (Map<?, ?>) parsed;
                List<Bins> bins = new ArrayList<>();
                for (Object o : (List<?>) m.get("features")) {
                    Map<?, ?> bm = (Map<?, ?>) o;
                    String feature = (String) bm.get("feature");
                    boolean numeric = Features.isNumeric(feature);
                    List<Integer> edges = numeric ? ((List<?>) bm.get("edges")).stream()
                            .map(e -> ((BigDecimal) e).intValueExact()).toList() : List.of();
                    List<String> values = numeric ? List.of()
                            : ((List<?>) bm.get("values")).stream().map(v -> (String) v).toList();
                    List<Double> shares = ((List<?>) bm.get("shares")).stream()
                            .map(s -> ((BigDecimal) s).doubleValue()).toList();
                    bins.add(new Bins(feature, edges, values, shares));
                }
                return new Reference(((BigDecimal) m.get("rows")).intValueExact(), bins);
            } catch (ClassCastException | NullPointerException | ArithmeticException e) {
                throw new IllegalArgumentException("not a drift reference: " + e.getMessage(), e);
            }
        }

        public String toJson() {
            return Json.write(toMap());
        }

        public static Reference fromJson(String json) {
            return fromMap(Json.parse(json));
        }
    }

    /**
     * One feature's shift.
     *
     * @param feature the feature key
     * @param label   its label for people
     * @param psi     its population stability index
     * @param verdict "stable", "moderate shift" or "major shift"
     */
    public record Shift(String feature, String label, double psi, String verdict) {
    }

    /**
     * The comparison of current leads with the reference.
     *
     * @param rows     current leads compared
     * @param verdict  the verdict of the most shifted feature: "stable", "moderate shift" or "major shift"
     * @param features every feature, most shifted first
     * @param words    one or two sentences for people
     */
    public record Report(int rows, String verdict, List<Shift> features, String words) {

        public Report {
            features = List.copyOf(features);
        }

        /** The largest PSI of any feature. */
        public double maxPsi() {
            return features.isEmpty() ? 0 : features.get(0).psi();
        }
    }

    /** "stable", "moderate shift" or "major shift", by the usual thresholds. */
    public static String verdict(double psi) {
        return psi >= MAJOR ? "major shift" : psi >= MODERATE ? "moderate shift" : "stable";
    }

    /** Compares current leads with the reference, feature by feature. */
    public static Report compare(Reference reference, List<LeadFacts> current) {
        if (current.isEmpty()) {
            throw new IllegalArgumentException("no current leads to compare with the reference");
        }
        List<Shift> shifts = new ArrayList<>();
        for (Bins b : reference.features()) {
            double psi = b.psi(current);
            shifts.add(new Shift(b.feature(), Features.label(b.feature()), psi, verdict(psi)));
        }
        shifts.sort(Comparator.comparingDouble((Shift s) -> -s.psi()).thenComparing(Shift::feature));
        double max = shifts.isEmpty() ? 0 : shifts.get(0).psi();
        String verdict = verdict(max);
        List<String> shifted = shifts.stream().filter(s -> s.psi() >= MODERATE)
                .map(s -> String.format(Locale.ENGLISH, "%s (PSI %.2f)", s.label(), s.psi())).toList();
        String compared = String.format(Locale.ENGLISH, "%,d current leads against %,d the model learned from",
                current.size(), reference.rows());
        String words = switch (verdict) {
            case "stable" -> "Stable: " + compared + " look alike (every PSI under " + MODERATE + ").";
            case "moderate shift" -> "Moderate shift: " + compared + " differ in " + String.join(", ", shifted)
                    + "; worth watching.";
            default -> "Major shift: " + compared + " differ in " + String.join(", ", shifted)
                    + "; the model may score less well until it is trained again.";
        };
        return new Report(current.size(), verdict, shifts, words);
    }
}

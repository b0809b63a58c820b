package io.catalyst.plugins.scoring.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Reasons for a model that does not unroll into per-feature tables, such as a tree ensemble, by occlusion: a
 * feature's effect is how much the calibrated probability falls (or rises) when the lead's value is replaced by the
 * training leads' own mix of values. Replacing it by one "typical" value instead would give no reason at all to a
 * lead that has that value, even when the value is what makes it convert (an interaction, which is why an ensemble
 * is used). A category is replaced by each value it took in training, weighted by its share; a count by its mean
 * among known counts (log1p, as the model reads it) and by unknown, weighted likewise. Each replacement is one
 * Tribuo prediction: some 40 per lead scored.
 */
final class Occlusion {

    /** Values rarer than this in training are replaced together, as a value the model never saw (no feature). */
    static final double MIN_SHARE = 0.01;
    /**
     * An ensemble's probability of exactly 0 or 1 (every tree's leaf pure) is held this far inside, so its log-odds
     * stay finite for the calibration: about the finest step of an average over 50 trees whose leaves hold at least
     * 50 leads.
     */
    static final double EDGE = 1e-3;

    private final Model<Label> model;
    private final List<String> keys;
    /** Per feature slot: the replacement Tribuo features (null: none, i.e. a value the model never saw)... */
    private final String[][] names;
    /** ...their values... */
    private final double[][] values;
    /** ...and their weights, which sum to 1. */
    private final double[][] weights;

    /**
     * @param means each Tribuo feature's mean value over the training rows (a one-hot value's share)
     * @param keys  the feature keys the model was trained on
     */
    Occlusion(Model<Label> model, Map<String, Double> means, List<String> keys) {
        this.model = model;
        this.keys = List.copyOf(keys);
        int n = keys.size();
        names = new String[n][];
        values = new double[n][];
        weights = new double[n][];
        for (int s = 0; s < n; s++) {
            String key = keys.get(s);
            List<String> name = new ArrayList<>();
            List<Double> value = new ArrayList<>();
            List<Double> weight = new ArrayList<>();
            if (Features.isNumeric(key)) {
                String unknownName = key + "=" + Features.UNKNOWN;
                double unknown = means.getOrDefault(unknownName, 0.0);
                if (unknown < 1) {
                    name.add(key);
                    value.add(means.getOrDefault(key, 0.0) / (1 - unknown));
                    weight.add(1 - unknown);
                }
                if (unknown > 0) {
                    name.add(unknownName);
                    value.add(1.0);
                    weight.add(unknown);
                }
            } else {
                double rare = 0;
                // sorted, so the sums come out the same in every JVM
                for (Map.Entry<String, Double> m : new TreeMap<>(means).entrySet()) {
                    if (m.getKey().startsWith(key + "=")) {
                        if (m.getValue() >= MIN_SHARE) {
                            name.add(m.getKey());
                            value.add(1.0);
                            weight.add(m.getValue());
                        } else {
                            rare += m.getValue();
                        }
                    }
                }
                if (rare > 0) {
                    name.add(null);
                    value.add(0.0);
                    weight.add(rare);
                }
            }
            names[s] = name.toArray(String[]::new);
            values[s] = value.stream().mapToDouble(Double::doubleValue).toArray();
            double total = weight.stream().mapToDouble(Double::doubleValue).sum();
            weights[s] = weight.stream().mapToDouble(w -> w / total).toArray();
        }
    }

    /** The log-odds of the model's probability, held inside (0, 1). */
    double logit(LeadFacts lead) {
        String[] leadNames = new String[keys.size()];
        double[] leadValues = new double[keys.size()];
        Contributions.encode(lead, keys, leadNames, leadValues);
        return logit(leadNames, leadValues);
    }

    /**
     * Fills {@code effect} with the points (0 to 100) each feature adds to the calibrated probability against the
     * training mix, and {@code shown} with the lead's values; returns the calibrated probability.
     */
    double effects(LeadFacts lead, Calibration calibration, double[] effect, String[] shown) {
        int n = keys.size();
        String[] leadNames = new String[n];
        double[] leadValues = new double[n];
        Contributions.encode(lead, keys, leadNames, leadValues);
        double p = calibration.probability(logit(leadNames, leadValues));
        String[] occluded = new String[n];
        double[] occludedValues = new double[n];
        for (int s = 0; s < n; s++) {
            double without = 0;
            for (int j = 0; j < names[s].length; j++) {
                String name = names[s][j];
                if (name != null && name.equals(leadNames[s]) && values[s][j] == leadValues[s]) {
                    without += weights[s][j] * p;
                    continue;
                }
                System.arraycopy(leadNames, 0, occluded, 0, n);
                System.arraycopy(leadValues, 0, occludedValues, 0, n);
                occluded[s] = name;
                occludedValues[s] = values[s][j];
                without += weights[s][j] * calibration.probability(logit(occluded, occludedValues));
            }
            effect[s] = 100 * (p - without);
            shown[s] = Features.display(keys.get(s), lead);
        }
        return p;
    }

    /** Tribuo's probability of converting as log-odds; a null name is a feature left out. */
    private double logit(String[] featureNames, double[] featureValues) {
        int present = 0;
        for (String name : featureNames) {
            present += name != null ? 1 : 0;
        }
        String[] kept = new String[present];
        double[] keptValues = new double[present];
        for (int i = 0, k = 0; i < featureNames.length; i++) {
            if (featureNames[i] != null) {
                kept[k] = featureNames[i];
                keptValues[k++] = featureValues[i];
            }
        }
        double p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, kept, keptValues))
                .getOutputScores().get(Contributions.CONVERTED.getLabel()).getScore();
        p = Math.min(1 - EDGE, Math.max(EDGE, p));
        return Math.log(p / (1 - p));
    }
}

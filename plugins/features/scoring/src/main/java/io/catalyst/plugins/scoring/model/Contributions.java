package io.catalyst.plugins.scoring.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;

/**
 * The linear model unrolled into per-feature tables, computed once at load: for each feature of the lead, its
 * contribution to the log-odds relative to the average training lead. Their sum plus the mean log-odds is exactly
 * the model's log-odds, so a score needs one table look-up per feature instead of a Tribuo prediction. For the
 * reasons, each value also carries exp(a·delta) under the calibration (a, b): the calibrated probability without
 * that feature's pull is then 1 / (1 + exp(-z)·exp(a·delta)), one multiplication instead of another exp.
 * <p>
 * Tribuo sees a categorical value as the one-hot feature {@code key=value}, a count as {@code key} with value
 * log1p(count), and an unknown count as {@code key=unknown}.
 */
final class Contributions {

    static final Label CONVERTED = new Label("converted");
    static final Label NOT = new Label("not");

    private final int[] features;
    /** Per category value: {delta, exp(a·delta)}. */
    private final List<Map<String, double[]>> categoryDelta;
    /** For a category: a value the model never saw (weight 0); for a count: an unknown count. */
    private final double[] otherDelta;
    private final double[] otherFactor;
    private final double a;
    /** For a count: the weight of log1p(count). */
    private final double[] slope;
    private final double[] reference;
    private final double meanLogit;
    private final Map<String, Double> weights;

    /**
     * @param means each Tribuo feature's mean value over the training rows (a one-hot value's share)
     * @param keys  the feature keys the model was trained on
     */
    Contributions(Model<Label> model, Map<String, Double> means, List<String> keys, Calibration calibration) {
        if (!(model instanceof AbstractLinearSGDModel<?> linear)) {
            throw new IllegalArgumentException("not a linear Tribuo model: " + model.getClass().getName());
        }
        weights = binaryWeights(linear, model.getFeatureIDMap(), model.getOutputIDInfo());
        int n = keys.size();
        features = new int[n];
        categoryDelta = new ArrayList<>(n);
        otherDelta = new double[n];
        otherFactor = new double[n];
        a = calibration.a();
        slope = new double[n];
        reference = new double[n];
        double mean = weights.get(Model.BIAS_FEATURE);
        for (int s = 0; s < n; s++) {
            String key = keys.get(s);
            features[s] = Features.index(key);
            String prefix = key + "=";
            double ref = 0;
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                if (w.getKey().startsWith(prefix) || w.getKey().equals(key)) {
                    ref += w.getValue() * means.getOrDefault(w.getKey(), 0.0);
                }
            }
            reference[s] = ref;
            mean += ref;
            Map<String, double[]> deltas = new HashMap<>();
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                if (w.getKey().startsWith(prefix)) {
                    double d = w.getValue() - ref;
                    deltas.put(w.getKey().substring(prefix.length()), new double[] {d, Math.exp(a * d)});
                }
            }
            if (Features.isNumeric(features[s])) {
                slope[s] = weights.getOrDefault(key, 0.0);
                double[] unknown = deltas.get(Features.UNKNOWN);
                otherDelta[s] = unknown != null ? unknown[0] : -ref;
                categoryDelta.add(Map.of());
            } else {
                otherDelta[s] = -ref;
                categoryDelta.add(Map.copyOf(deltas));
            }
            otherFactor[s] = Math.exp(a * otherDelta[s]);
        }
        meanLogit = mean;
    }

    /** The log-odds of converted over not, per Tribuo feature name (the bias as {@link Model#BIAS_FEATURE}). */
    private static Map<String, Double> binaryWeights(AbstractLinearSGDModel<?> model, ImmutableFeatureMap featureMap,
                                                     ImmutableOutputInfo<Label> outputs) {
        DenseMatrix w = model.getWeightsCopy();
        int yes = outputs.getID(CONVERTED);
        int no = outputs.getID(NOT);
        if (yes < 0 || no < 0 || w.getDimension2Size() != featureMap.size() + 1) {
            throw new IllegalArgumentException("expected a model of labels converted/not with a bias column");
        }
        // sorted, so sums over it come out bit-identical in every JVM
        Map<String, Double> weights = new TreeMap<>();
        for (VariableInfo info : featureMap) {
            int id = featureMap.getID(info.getName());
            weights.put(info.getName(), w.get(yes, id) - w.get(no, id));
        }
        int bias = featureMap.size();
        weights.put(Model.BIAS_FEATURE, w.get(yes, bias) - w.get(no, bias));
        return Collections.unmodifiableMap(weights);
    }

    int size() {
        return features.length;
    }

    int feature(int slot) {
        return features[slot];
    }

    double meanLogit() {
        return meanLogit;
    }

    Map<String, Double> weights() {
        return weights;
    }

    double reference(int slot) {
        return reference[slot];
    }

    /**
     * Fills {@code factor} with exp(a·delta) of each feature's contribution delta relative to the average lead, and
     * {@code shown} with the categorical values (counts stay null: they are formatted only if they become a
     * reason). Returns the log-odds, exactly as {@link #logit(LeadFacts)}.
     */
    double factors(LeadFacts lead, double[] factor, String[] shown) {
        double logit = meanLogit;
        for (int s = 0; s < features.length; s++) {
            int f = features[s];
            double d;
            if (Features.isNumeric(f)) {
                int count = Features.count(f, lead);
                d = count < 0 ? otherDelta[s] : slope[s] * Features.transform(count) - reference[s];
                factor[s] = count < 0 ? otherFactor[s] : Math.exp(a * d);
            } else {
                String value = Features.display(f, lead);
                shown[s] = value;
                double[] known = categoryDelta.get(s).get(value);
                d = known != null ? known[0] : otherDelta[s];
                factor[s] = known != null ? known[1] : otherFactor[s];
            }
            logit += d;
        }
        return logit;
    }

    /** The log-odds alone. */
    double logit(LeadFacts lead) {
        double logit = meanLogit;
        for (int s = 0; s < features.length; s++) {
            int f = features[s];
            if (Features.isNumeric(f)) {
                int count = Features.count(f, lead);
                logit += count < 0 ? otherDelta[s] : slope[s] * Features.transform(count) - reference[s];
            } else {
                double[] known = categoryDelta.get(s).get(Features.display(f, lead));
                logit += known != null ? known[0] : otherDelta[s];
            }
        }
        return logit;
    }

    /** The lead as Tribuo sees it, over the given feature keys. */
    static Example<Label> example(LeadFacts lead, List<String> keys, Label label) {
        String[] names = new String[keys.size()];
        double[] values = new double[keys.size()];
        encode(lead, keys, names, values);
        return new ArrayExample<>(label, names, values);
    }

    /** Fills names and values with the lead's Tribuo feature for each key, in the keys' order. */
    static void encode(LeadFacts lead, List<String> keys, String[] names, double[] values) {
        for (int i = 0; i < names.length; i++) {
            String key = keys.get(i);
            int f = Features.index(key);
            int count = Features.isNumeric(f) ? Features.count(f, lead) : -1;
            if (count >= 0) {
                names[i] = key;
                values[i] = Features.transform(count);
            } else {
                names[i] = key + "=" + Features.display(f, lead);
                values[i] = 1;
            }
        }
    }
}

package io.catalyst.plugins.scoring.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a model's probabilities did on rows it was not trained on. Computed here, exactly, rather than by Tribuo's
 * evaluator, so the figures mean the same for every model kind.
 *
 * @param rows             rows evaluated
 * @param positives        of which converted
 * @param auc              ROC AUC; tied scores count half (rank-average method); NaN with only one class
 * @param averagePrecision PR-AUC as average precision, a step per distinct score; NaN without positives
 * @param brier            mean squared error of the probability
 * @param calibration      ten equal-width bins of predicted probability
 * @param lift             conversion rate per score decile (highest scores first) over the overall rate
 */
public record Evaluation(int rows, int positives, double auc, double averagePrecision, double brier,
                         List<Bin> calibration, List<Double> lift) implements Serializable {

    public Evaluation {
        calibration = List.copyOf(calibration);
        lift = List.copyOf(lift);
    }

    /** One calibration bin: predictions in [from, to), their mean, and how many of those rows converted. */
    public record Bin(double from, double to, int count, double meanPredicted, double observedRate)
            implements Serializable {
    }

    /** The conversion rate of the evaluated rows. */
    public double baseRate() {
        return rows == 0 ? Double.NaN : (double) positives / rows;
    }

    /** The Brier score of always predicting the base rate: a useful model must beat it. */
    public double baseRateBrier() {
        double p = baseRate();
        return p * (1 - p);
    }

    /** Evaluates probabilities {@code p} against outcomes {@code y}. */
    public static Evaluation of(double[] p, boolean[] y) {
        if (p.length != y.length) {
            throw new IllegalArgumentException(p.length + " probabilities for " + y.length + " outcomes");
        }
        int n = p.length;
        int positives = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i] ? 1 : 0;
            double e = p[i] - (y[i] ? 1 : 0);
            brier += e * e;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        return new Evaluation(n, positives, auc(p, y, order, positives), averagePrecision(p, y, order, positives),
                n == 0 ? Double.NaN : brier / n, calibration(p, y), lift(y, order, positives));
    }

    /** Mann-Whitney: the sum of the positives' ranks, with tied scores sharing their average rank. */
    private static double auc(double[] p, boolean[] y, Integer[] descending, int positives) {
        int n = p.length;
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            int pos = 0;
            while (j < n && p[descending[j]] == p[descending[i]]) {
                pos += y[descending[j]] ? 1 : 0;
                j++;
            }
            // descending positions i..j-1 are ascending ranks n-j+1..n-i
            double averageRank = ((n - j + 1) + (n - i)) / 2.0;
            rankSum += pos * averageRank;
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Σ (recall step × precision) over the distinct scores, highest first; tied rows enter together. */
    private static double averagePrecision(double[] p, boolean[] y, Integer[] descending, int positives) {
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int truePositives = 0;
        int i = 0;
        while (i < p.length) {
            int j = i;
            int pos = 0;
            while (j < p.length && p[descending[j]] == p[descending[i]]) {
                pos += y[descending[j]] ? 1 : 0;
                j++;
            }
            truePositives += pos;
            ap += ((double) pos / positives) * ((double) truePositives / j);
            i = j;
        }
        return ap;
    }

    private static List<Bin> calibration(double[] p, boolean[] y) {
        int[] count = new int[10];
        double[] predicted = new double[10];
        int[] converted = new int[10];
        for (int i = 0; i < p.length; i++) {
            int bin = Math.min(9, Math.max(0, (int) (p[i] * 10)));
            count[bin]++;
            predicted[bin] += p[i];
            converted[bin] += y[i] ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>(10);
        for (int b = 0; b < 10; b++) {
            bins.add(new Bin(b / 10.0, (b + 1) / 10.0, count[b],
                    count[b] == 0 ? Double.NaN : predicted[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) converted[b] / count[b]));
        }
        return bins;
    }

    /** Deciles by position in the score order; with fewer than ten rows some deciles are empty (NaN). */
    private static List<Double> lift(boolean[] y, Integer[] descending, int positives) {
        int n = y.length;
        double overall = n == 0 ? 0 : (double) positives / n;
        List<Double> lift = new ArrayList<>(10);
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            int converted = 0;
            for (int k = from; k < to; k++) {
                converted += y[descending[k]] ? 1 : 0;
            }
            lift.add(to == from || overall == 0 ? Double.NaN : ((double) converted / (to - from)) / overall);
        }
        return lift;
    }

    /** For the registry payload. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("positives", positives);
        m.put("auc", auc);
        m.put("averagePrecision", averagePrecision);
        m.put("brier", brier);
        m.put("baseRateBrier", baseRateBrier());
        List<Object> bins = new ArrayList<>();
        for (Bin b : calibration) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("from", b.from());
            bm.put("to", b.to());
            bm.put("count", b.count());
            bm.put("meanPredicted", b.meanPredicted());
            bm.put("observedRate", b.observedRate());
            bins.add(bm);
        }
        m.put("calibration", bins);
        m.put("liftByDecile", lift);
        return m;
    }
}

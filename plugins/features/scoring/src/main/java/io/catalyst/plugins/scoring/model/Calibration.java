package io.catalyst.plugins.scoring.model;

import java.io.Serializable;

/**
 * Platt scaling: the calibrated probability is sigmoid(a·logit + b), where logit is the linear model's log-odds.
 * Platt rather than isotonic regression because the calibration slice is small (a few hundred converted leads at
 * the threshold), where isotonic steps overfit; two parameters also keep the score smooth and monotone, so a
 * reason's effect in points never flips sign.
 */
public record Calibration(double a, double b) implements Serializable {

    /** Leaves the model's own probability as it is. */
    public static final Calibration IDENTITY = new Calibration(1, 0);

    public double probability(double logit) {
        return sigmoid(a * logit + b);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Fits a and b by maximum likelihood with Newton steps, halving a step that would not lower the loss. */
    static Calibration fit(double[] logits, boolean[] converted) {
        double a = 1, b = 0;
        double loss = loss(logits, converted, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < logits.length; i++) {
                double p = sigmoid(a * logits[i] + b);
                double r = p - (converted[i] ? 1 : 0);
                double w = p * (1 - p);
                ga += r * logits[i];
                gb += r;
                haa += w * logits[i] * logits[i];
                hab += w * logits[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double step = 1;
            double next = loss(logits, converted, a - da, b - db);
            while (!(next <= loss) && step > 1e-6) {
                step /= 2;
                next = loss(logits, converted, a - step * da, b - step * db);
            }
            if (!(next <= loss)) {
                break;
            }
            a -= step * da;
            b -= step * db;
            boolean converged = loss - next < 1e-12;
            loss = next;
            if (converged) {
                break;
            }
        }
        return new Calibration(a, b);
    }

    private static double loss(double[] logits, boolean[] converted, double a, double b) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = a * logits[i] + b;
            // log(1 + e^z) - y·z, written to stay finite for large |z|
            sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (converted[i] ? z : 0);
        }
        return sum;
    }
}

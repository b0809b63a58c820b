package io.catalyst.plugins.recommendations.rules;

/** The little statistics the rules need: the normal distribution and rounding. */
public final class Stats {

    private Stats() {
    }

    /** P(Z <= z) for a standard normal Z (Abramowitz and Stegun 26.2.17, error below 1e-7). */
    public static double normalCdf(double z) {
        if (Double.isNaN(z)) {
            return 0.5;
        }
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = 0.3989422804014327 * Math.exp(-z * z / 2);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        return z >= 0 ? 1 - p : p;
    }

    /** A value rounded to {@code digits} decimals, for facts people read. */
    public static double round(double value, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }

    /** Sample standard deviation, 0 for fewer than two values. */
    static double sd(double[] xs) {
        if (xs.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }

    /** "high", "medium" or "low", as cards show a confidence. */
    public static String level(double confidence) {
        return confidence >= 0.8 ? "high" : confidence >= 0.6 ? "medium" : "low";
    }
}

package io.catalyst.plugins.recommendations.rules;

import java.util.Locale;

/**
 * The kinds of recommendation, each with the metric its outcome is measured by and whether higher is better there.
 * docs/recommendations.md describes the rule behind each.
 */
public enum Kind {
    CREATIVE_FATIGUE("creative-fatigue", "Creative fatigue", "ctr", true),
    LEARNING_LIMITED("learning-limited", "Stuck in learning", "conversions", true),
    CPA_OVER_TARGET("cpa-over-target", "CPA over target", "cpa", false),
    ZERO_CONVERSION_SPEND("zero-conversion-spend", "Spend without conversions", "spend", false),
    BUDGET_PACING("budget-pacing", "Budget pacing", "spend", false),
    BUDGET_SHIFT("budget-shift", "Move budget", "roas", true);

    private final String id;
    private final String label;
    private final String outcomeMetric;
    private final boolean higherIsBetter;

    Kind(String id, String label, String outcomeMetric, boolean higherIsBetter) {
        this.id = id;
        this.label = label;
        this.outcomeMetric = outcomeMetric;
        this.higherIsBetter = higherIsBetter;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The metric compared before and after an accepted recommendation. */
    public String outcomeMetric() {
        return outcomeMetric;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The kind of an id, or null. */
    public static Kind of(String id) {
        if (id == null) {
            return null;
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        for (Kind k : values()) {
            if (k.id.equals(wanted)) {
                return k;
            }
        }
        return null;
    }
}

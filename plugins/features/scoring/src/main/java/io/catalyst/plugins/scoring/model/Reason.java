package io.catalyst.plugins.scoring.model;

/**
 * One factor of a score, in words a salesperson understands.
 *
 * @param feature the feature's key, e.g. {@code seniority} (what a segment may exclude)
 * @param label   the feature's name for people, e.g. "Job level"
 * @param value   the lead's value for it, e.g. "VP"
 * @param effect  what it did to the score, in points of 0 to 100 (positive raises it)
 */
public record Reason(String feature, String label, String value, double effect) {

    /** E.g. "Job level is VP (+12)". */
    public String words() {
        long points = Math.round(effect);
        return label + " is " + value + " (" + (points >= 0 ? "+" : "") + points + ")";
    }
}

package io.catalyst.plugins.scoring.model;

import java.util.List;

/**
 * A lead's score and why.
 *
 * @param points      0 to 100; for a calibrated model, the chance in percent of converting within the horizon
 * @param probability that chance (0 to 1), or null for the rules model, whose points are not a probability
 * @param model       the version of the model that gave it, e.g. {@code rules-3} or {@code ml-all-7}
 * @param reasons     the factors, strongest first: positive ones raise the score, negative ones lower it
 */
public record Score(int points, Double probability, String model, List<Reason> reasons) {

    public Score {
        reasons = List.copyOf(reasons);
    }
}

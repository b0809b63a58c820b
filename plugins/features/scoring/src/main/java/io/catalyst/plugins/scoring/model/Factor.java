package io.catalyst.plugins.scoring.model;

import java.io.Serializable;

/**
 * A global factor of a trained model: how much one feature value moves the odds of converting, against the average
 * lead of the training data.
 *
 * @param feature the feature key
 * @param label   its label for people
 * @param value   the value, e.g. "Demo request"; for a count, "more"
 * @param logOdds the effect in log-odds (for a count: per doubling of count + 1)
 * @param words   e.g. "First form is Demo request: raises the odds 3.1×"
 */
public record Factor(String feature, String label, String value, double logOdds, String words)
        implements Serializable {
}

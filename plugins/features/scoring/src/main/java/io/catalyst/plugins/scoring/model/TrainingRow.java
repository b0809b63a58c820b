package io.catalyst.plugins.scoring.model;

/**
 * A lead with its outcome, for training and evaluation.
 *
 * @param facts     what was known of the lead
 * @param converted whether it converted within the horizon
 */
public record TrainingRow(LeadFacts facts, boolean converted) {

    public TrainingRow {
        if (facts == null || facts.id() == null) {
            throw new IllegalArgumentException("a training row needs a lead with an id");
        }
    }
}

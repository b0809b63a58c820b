package io.catalyst.plugins.alerts.engine;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What one evaluation of a rule found for one entity, as of a day.
 *
 * @param entity the entity's key ({@code meta-ads:123}, a channel, {@link Level#TOTAL}, a connection id)
 * @param value  the figure judged (a metric, a change in percent, hours since the last load), or null
 * @param bound  what it was judged against (the threshold, the baseline, the expected spend), or null
 * @param reason in words, for people
 */
public record Observation(UUID ruleId, String entity, String label, Verdict verdict, Double value, Double bound,
                          String reason, LocalDate asOf) {

    /** The same figures, not judged because a source is stale. */
    public Observation silenced(String why) {
        return new Observation(ruleId, entity, label, Verdict.SILENCED, value, bound, why, asOf);
    }
}

package io.catalyst.plugins.recommendations.rules;

import java.util.Map;

/**
 * What a rule found about one entity: the stuff a recommendation is made of, before phrasing.
 *
 * @param kind           which rule
 * @param channel        the channel key, or {@code all} for company-wide findings (pacing)
 * @param level          {@code ad}, {@code ad_set}, {@code campaign}, {@code channel} or {@code company}
 * @param entity         the entity's key, the dedupe key together with the kind
 * @param entityLabel    its name (untrusted text)
 * @param facts          the numbers behind it, by name, in the order they are shown; strings or numbers
 * @param evidence       the chart's figures
 * @param impact         the expected impact, in {@code impactUnit}
 * @param impactUnit     {@code money} (the reporting currency) or {@code conversions}
 * @param impactLabel    what the impact is, e.g. "conversions regained per week"
 * @param confidence     0 to 1
 * @param confidenceNote how the confidence was computed, with its inputs
 */
public record Finding(Kind kind, String channel, String level, String entity, String entityLabel,
                      Map<String, Object> facts, Evidence evidence, double impact, String impactUnit,
                      String impactLabel, double confidence, String confidenceNote) {

    public static final String MONEY = "money";
    public static final String CONVERSIONS = "conversions";

    public Finding {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        confidence = Math.max(0, Math.min(1, confidence));
    }

    /** The dedupe key: one live recommendation per kind and entity. */
    public String key() {
        return kind.id() + "|" + entity;
    }
}

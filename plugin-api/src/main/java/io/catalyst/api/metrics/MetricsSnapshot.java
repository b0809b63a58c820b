package io.catalyst.api.metrics;

import java.util.List;

/**
 * The answers to several queries and the sources' freshness, read together ({@link Metrics#snapshot}): what a judge
 * of figures needs to tell "the numbers dropped" from "the numbers stopped arriving", as of one moment. Since API
 * 0.6.0.
 *
 * @param results one answer per query, in the order asked
 * @param sources each data connection's freshness, as {@link Metrics#sources()} answers it
 */
public record MetricsSnapshot(List<MetricsResult> results, List<SourceStatus> sources) {

    /** Copies both lists. */
    public MetricsSnapshot {
        results = List.copyOf(results);
        sources = List.copyOf(sources);
    }
}

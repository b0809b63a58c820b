package io.catalyst.plugins.recommendations.rules;

import java.util.List;
import java.util.Map;

/**
 * The figures a recommendation's chart draws: rows along one dimension ({@code date} or {@code campaign}), each with
 * a value per metric (metric names of the catalogue, so the UI kit labels and formats them).
 */
public record Evidence(String dimension, List<String> metrics, List<Point> rows) {

    /** One row: its key (an ISO date, or a campaign key), its label, and its values (null where undefined). */
    public record Point(String key, String label, Map<String, Double> values) {
    }

    public Evidence {
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }
}

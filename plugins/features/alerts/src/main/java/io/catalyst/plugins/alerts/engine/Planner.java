package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.Grain;
import io.catalyst.api.metrics.MetricsQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups rules into as few metrics queries as possible: rules that need the same dimensions, period, comparison and
 * filters share one query holding the union of their metrics (split when it passes the layer's 40 metrics).
 */
public final class Planner {

    /** One query and the rules its answer serves. */
    public record Batch(MetricsQuery query, List<Rule> rules) {
    }

    private Planner() {
    }

    /** The batches for the rules that read metrics, as of a day; stale-data rules need no query. */
    public static List<Batch> plan(List<Rule> rules, LocalDate asOf) {
        Map<QuerySpec.Key, List<Rule>> groups = new LinkedHashMap<>();
        Map<Rule, QuerySpec> specs = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.kind().readsMetrics()) {
                QuerySpec spec = Judges.spec(rule, asOf);
                specs.put(rule, spec);
                groups.computeIfAbsent(spec.key(), k -> new ArrayList<>()).add(rule);
            }
        }
        List<Batch> batches = new ArrayList<>();
        for (Map.Entry<QuerySpec.Key, List<Rule>> group : groups.entrySet()) {
            TreeSet<String> metrics = new TreeSet<>();
            List<Rule> served = new ArrayList<>();
            for (Rule rule : group.getValue()) {
                TreeSet<String> more = new TreeSet<>(metrics);
                more.addAll(specs.get(rule).metrics());
                if (more.size() > MetricsQuery.MAX_METRICS) {
                    batches.add(batch(group.getKey(), metrics, served));
                    metrics = new TreeSet<>(specs.get(rule).metrics());
                    served = new ArrayList<>();
                } else {
                    metrics = more;
                }
                served.add(rule);
            }
            batches.add(batch(group.getKey(), metrics, served));
        }
        return batches;
    }

    private static Batch batch(QuerySpec.Key key, TreeSet<String> metrics, List<Rule> rules) {
        MetricsQuery query = new MetricsQuery(List.copyOf(metrics), key.dimensions(), Grain.DAY, key.period(),
                key.comparison(), null, key.filters(), null, MetricsQuery.MAX_LIMIT);
        return new Batch(query, List.copyOf(rules));
    }
}

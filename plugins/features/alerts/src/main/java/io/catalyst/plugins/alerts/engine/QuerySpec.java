package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The figures one rule needs as of a day. Rules whose specs share a {@link Key} are answered by one query asking for
 * all their metrics ({@link Planner}).
 */
public record QuerySpec(Set<String> metrics, List<Dimension> dimensions, Period period, Comparison comparison,
                        List<Filter> filters) {

    /** Everything but the metrics: what must be equal for two rules to share a query. */
    public record Key(List<Dimension> dimensions, Period period, Comparison comparison, List<Filter> filters) {
    }

    public QuerySpec {
        metrics = Set.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
        // the order of filters does not change the answer, so it must not split a group
        filters = filters.stream().sorted(Comparator.comparing(Filter::toString)).toList();
    }

    public Key key() {
        return new Key(dimensions, period, comparison, filters);
    }
}

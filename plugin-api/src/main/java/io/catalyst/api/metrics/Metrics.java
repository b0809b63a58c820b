package io.catalyst.api.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * Questions about the current tenant's marketing data. Everything is tenant-scoped by the host: a plugin cannot
 * name another tenant. In an interactive call the user must hold {@code dashboards:read}; background work (jobs,
 * event listeners) may always ask.
 */
public interface Metrics {

    /** The metrics this tenant can ask for: the platform's base and derived ones, then its custom ones. */
    List<MetricDefinition> catalogue();

    /**
     * Answers a query: one row per combination of the query's dimensions, a totals row, and, with a compare
     * period, the same figures for that period.
     *
     * @throws MetricsException when the query names an unknown metric or is otherwise malformed; its message says
     *                          what to change
     */
    MetricsResult query(MetricsQuery query);

    /**
     * Answers several queries at once, in order: what a job asking many questions (an alert evaluation) should use,
     * since the host answers them together rather than one round trip each. Since API 0.5.0.
     *
     * @throws MetricsException when any query is malformed; ask them one by one to learn which
     */
    default List<MetricsResult> queryAll(List<MetricsQuery> queries) {
        return queries.stream().map(this::query).toList();
    }

    /**
     * Answers several queries and reads the sources' freshness together: the host does both in one round, so the
     * freshness is that of the figures answered. What a judge of figures that also watches for stale data (an alert
     * evaluation) should use. Since API 0.6.0.
     *
     * @throws MetricsException when any query is malformed; ask them one by one to learn which
     */
    default MetricsSnapshot snapshot(List<MetricsQuery> queries) {
        return new MetricsSnapshot(queryAll(queries), sources());
    }

    /** Today in the tenant's time zone: where relative periods ("last 30 days") end. */
    LocalDate today();

    /**
     * Reads CRM, commerce or call records changed since a cursor, oldest change first. Feed the answer's
     * {@link RecordPage#next()} back to get the rest; a consumer that keeps its last cursor reads only what changed.
     */
    RecordPage records(RecordQuery query);

    /** The tenant's data connections and when each last loaded, for freshness checks. Since API 0.5.0. */
    java.util.List<SourceStatus> sources();
}

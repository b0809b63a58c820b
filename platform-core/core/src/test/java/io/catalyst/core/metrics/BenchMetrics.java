package io.catalyst.core.metrics;

import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import io.catalyst.api.metrics.SourceStatus;
import io.catalyst.metrics.MetricCatalogue;
import io.catalyst.metrics.MetricsCalculator;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The metrics layer for benchmarks outside this package (the assistant's): each question is bound to the tenant and
 * answered by the same engine the server uses, in its own transaction, on a connection of the asking thread's own (as
 * the server's pool gives each request one), so questions asked at the same time run at the same time.
 */
public final class BenchMetrics implements Metrics {

    private final UUID tenant;
    private final LocalDate today;
    private final MetricsCalculator calculator = new MetricsCalculator(MetricCatalogue.platform(), Map.of(), "EUR");
    private final ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
        try {
            return BenchData.app();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    public BenchMetrics(UUID tenant, LocalDate today) {
        this.tenant = tenant;
        this.today = today;
    }

    @Override
    public List<MetricDefinition> catalogue() {
        return MetricCatalogue.platform();
    }

    @Override
    public MetricsResult query(MetricsQuery query) {
        Connection app = connections.get();
        try {
            BenchData.bind(app, tenant);
            MetricsResult answer = new MetricsEngine(app, tenant, "EUR", calculator).answer(query);
            app.commit();
            return answer;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public RecordPage records(RecordQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SourceStatus> sources() {
        return List.of();
    }
}

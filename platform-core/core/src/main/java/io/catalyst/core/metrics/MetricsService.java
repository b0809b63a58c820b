package io.catalyst.core.metrics;

import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.metrics.Formula;
import io.catalyst.metrics.MetricCatalogue;
import io.catalyst.metrics.MetricsCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The metrics layer: one code path for plugins ({@link #forTenant}) and the REST API. Each question runs in one
 * transaction bound to the tenant, so row-level security keeps it there whatever the query says.
 */
@ApplicationScoped
public class MetricsService {

    /** Who may read a tenant's figures. */
    public static final String READ = "dashboards:read";

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    /**
     * The tenant's metrics for a plugin or an API client.
     *
     * @param permits the user's permission check, or null for background work (which may always read)
     */
    public Metrics forTenant(UUID tenantId, Predicate<String> permits) {
        return new Metrics() {
            // the tenant's currency and custom metrics, read once for a burst of questions (a job's evaluation of
            // many rules, a screen's tiles) rather than for each; a change shows within the memo's life
            private Setup setup;

            @Override
            public List<MetricDefinition> catalogue() {
                check();
                return scopes.tenant(tenantId, this::setup).calculator().catalogue();
            }

            @Override
            public MetricsResult query(MetricsQuery query) {
                check();
                return scopes.tenant(tenantId, em -> {
                    Setup s = setup(em);
                    return sql(em, c -> new MetricsEngine(c, tenantId, s.currency(), s.calculator()).answer(query));
                });
            }

            @Override
            public List<MetricsResult> queryAll(List<MetricsQuery> queries) {
                check();
                // one transaction for all of them: one binding to the tenant, one connection
                return scopes.tenant(tenantId, em -> {
                    Setup s = setup(em);
                    return sql(em, c -> answers(c, s, queries));
                });
            }

            @Override
            public io.catalyst.api.metrics.MetricsSnapshot snapshot(List<MetricsQuery> queries) {
                check();
                // the answers and the freshness in one transaction: one binding, and a load cannot land between them
                return scopes.tenant(tenantId, em -> {
                    Setup s = setup(em);
                    return sql(em, c -> new io.catalyst.api.metrics.MetricsSnapshot(answers(c, s, queries),
                            SourceReads.read(c, tenantId)));
                });
            }

            private List<MetricsResult> answers(Connection c, Setup s, List<MetricsQuery> queries)
                    throws SQLException {
                List<MetricsResult> answers = new ArrayList<>(queries.size());
                for (MetricsQuery query : queries) {
                    answers.add(new MetricsEngine(c, tenantId, s.currency(), s.calculator()).answer(query));
                }
                return answers;
            }

            // read in the question's own transaction when the memo is missing or old: no extra round of binding
            private synchronized Setup setup(EntityManager em) {
                if (setup == null || setup.at().isBefore(java.time.Instant.now().minus(SETUP_LIFE))) {
                    setup = MetricsService.this.setup(em, tenantId, null);
                }
                return setup;
            }

            @Override
            public LocalDate today() {
                return MetricsService.this.today(tenantId);
            }

            @Override
            public RecordPage records(RecordQuery query) {
                check();
                return scopes.tenant(tenantId, em -> sql(em, c -> RecordReads.read(c, tenantId, query)));
            }

            @Override
            public List<io.catalyst.api.metrics.SourceStatus> sources() {
                check();
                return scopes.tenant(tenantId, em -> sql(em, c -> SourceReads.read(c, tenantId)));
            }

            private void check() {
                if (permits != null && !permits.test(READ)) {
                    throw new SecurityException("reading the company's figures needs " + READ);
                }
            }
        };
    }

    public List<MetricDefinition> catalogue(UUID tenantId) {
        List<MetricDefinition> all = new ArrayList<>(MetricCatalogue.platform());
        custom(tenantId).values().forEach(m -> all.add(m.definition()));
        return all;
    }

    public MetricsResult query(UUID tenantId, MetricsQuery query) {
        return query(tenantId, query, null);
    }

    /**
     * Answers in another currency than the tenant's own (converted at each day's rate): the portfolio adds up
     * companies in the agency's currency this way.
     */
    public MetricsResult query(UUID tenantId, MetricsQuery query, String currency) {
        return scopes.tenant(tenantId, em -> {
            Setup setup = setup(em, tenantId, currency);
            return sql(em, c -> new MetricsEngine(c, tenantId, setup.currency(), setup.calculator()).answer(query));
        });
    }

    /** How long a plugin's metrics keep the tenant's currency and custom metrics before reading them again. */
    static final java.time.Duration SETUP_LIFE = java.time.Duration.ofSeconds(30);

    /** What answering needs besides the figures: the reporting currency and the catalogue with custom formulas. */
    private record Setup(String currency, MetricsCalculator calculator, java.time.Instant at) {
    }

    private Setup setup(EntityManager em, UUID tenantId, String currency) {
        String reporting = currency == null ? em.find(Tenant.class, tenantId).currency() : currency;
        Map<String, Formula> formulas = new LinkedHashMap<>();
        List<MetricDefinition> catalogue = new ArrayList<>(MetricCatalogue.platform());
        for (CustomMetric m : custom(em).values()) {
            formulas.put(m.name(), CustomMetric.compile(m.formula()));
            catalogue.add(m.definition());
        }
        return new Setup(reporting, new MetricsCalculator(catalogue, formulas, reporting), java.time.Instant.now());
    }

    public String currency(UUID tenantId) {
        return scopes.tenant(tenantId, em -> em.find(Tenant.class, tenantId)).currency();
    }

    public LocalDate today(UUID tenantId) {
        return LocalDate.now(zone(tenantId));
    }

    public ZoneId zone(UUID tenantId) {
        return ZoneId.of(scopes.tenant(tenantId, em -> em.find(Tenant.class, tenantId)).timezone());
    }

    public Map<String, CustomMetric> custom(UUID tenantId) {
        return scopes.tenant(tenantId, this::custom);
    }

    public Optional<CustomMetric> custom(UUID tenantId, String name) {
        return Optional.ofNullable(custom(tenantId).get(name));
    }

    /** Creates or replaces a custom metric; audited. Answers whether it was new. */
    public boolean saveCustom(UUID tenantId, UUID actorId, String actor, CustomMetric metric) {
        return scopes.tenant(tenantId, em -> {
            CustomMetric before = custom(em).get(metric.name());
            sql(em, c -> {
                try (PreparedStatement up = c.prepareStatement("insert into metric_custom (tenant_id, name, label,"
                        + " description, formula, format, higher_is_better) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant_id, name) do update set label = excluded.label,"
                        + " description = excluded.description, formula = excluded.formula, format = excluded.format,"
                        + " higher_is_better = excluded.higher_is_better, updated_at = now()")) {
                    up.setObject(1, tenantId);
                    up.setString(2, metric.name());
                    up.setString(3, metric.label());
                    up.setString(4, metric.description());
                    up.setString(5, metric.formula());
                    up.setString(6, metric.format().name());
                    up.setBoolean(7, metric.higherIsBetter());
                    return up.executeUpdate();
                }
            });
            audit.record(new AuditEntry(tenantId, actorId, actor, before == null ? "metric.created"
                    : "metric.changed", "metric", metric.name(), before == null ? null : describe(before),
                    describe(metric)));
            return before == null;
        });
    }

    /** Removes a custom metric; audited. Answers whether there was one. */
    public boolean deleteCustom(UUID tenantId, UUID actorId, String actor, String name) {
        return scopes.tenant(tenantId, em -> {
            CustomMetric before = custom(em).get(name);
            if (before == null) {
                return false;
            }
            sql(em, c -> {
                try (PreparedStatement del = c.prepareStatement("delete from metric_custom where name = ?")) {
                    del.setString(1, name);
                    return del.executeUpdate();
                }
            });
            audit.record(new AuditEntry(tenantId, actorId, actor, "metric.deleted", "metric", name,
                    describe(before), null));
            return true;
        });
    }

    private static Map<String, Object> describe(CustomMetric m) {
        return Map.of("label", m.label(), "formula", m.formula(), "format", m.format().name());
    }

    private Map<String, CustomMetric> custom(EntityManager em) {
        return sql(em, c -> {
            Map<String, CustomMetric> all = new LinkedHashMap<>();
            try (PreparedStatement q = c.prepareStatement("select name, label, description, formula, format,"
                    + " higher_is_better from metric_custom order by name");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    all.put(r.getString(1), new CustomMetric(r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4), CustomMetric.format(r.getString(5)), r.getBoolean(6)));
                }
            }
            return all;
        });
    }

    interface Sql<T> {
        T on(Connection c) throws SQLException;
    }

    // the scope's own JDBC connection carries the tenant binding
    static <T> T sql(EntityManager em, Sql<T> work) {
        try {
            return work.on(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("The metrics query failed: " + e.getMessage(), e);
        }
    }
}

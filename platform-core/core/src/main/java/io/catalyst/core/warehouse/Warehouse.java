package io.catalyst.core.warehouse;

import io.catalyst.core.tenancy.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The warehouse for connectors and features: load batches (each one transaction, bound to the tenant) and ask
 * tenant-scoped, parameterised questions of the loaded data.
 */
@ApplicationScoped
public class Warehouse {

    /** How daily figures are grouped in an answer. */
    public enum GroupBy { DAY, ENTITY, SOURCE, TOTAL }

    /** A question about performance: one level, a date range, optionally some sources and entities. */
    public record InsightQuery(String level, LocalDate from, LocalDate to, Set<String> sources, Set<String> entityIds,
                               GroupBy groupBy) {
        public InsightQuery {
            if (!InsightRow.LEVELS.contains(level)) {
                throw new IllegalArgumentException("level is account, campaign, ad_set or ad");
            }
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("from must not be after to");
            }
            sources = sources == null ? Set.of() : Set.copyOf(sources);
            entityIds = entityIds == null ? Set.of() : Set.copyOf(entityIds);
            groupBy = groupBy == null ? GroupBy.TOTAL : groupBy;
        }
    }

    /** Summed figures of one group, with the ratios people read. */
    public record Totals(String key, String currency, BigDecimal spend, long impressions, long clicks,
                         BigDecimal conversions, BigDecimal conversionValue, long leads) {
        public BigDecimal ctr() {
            return impressions == 0 ? null : BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), 6,
                    java.math.RoundingMode.HALF_UP);
        }

        public BigDecimal cpa() {
            return conversions.signum() == 0 ? null : spend.divide(conversions, 4, java.math.RoundingMode.HALF_UP);
        }

        public BigDecimal roas() {
            return spend.signum() == 0 ? null : conversionValue.divide(spend, 4, java.math.RoundingMode.HALF_UP);
        }
    }

    @Inject
    Scopes scopes;

    /** Loads a batch of daily insights for the tenant; one transaction, idempotent. */
    public InsightLoader.Result loadInsights(UUID tenantId, String source, int mappingVersion, List<InsightRow> rows) {
        return scopes.tenant(tenantId, em -> {
            try {
                return InsightLoader.load(connection(em), tenantId, source, mappingVersion, rows);
            } catch (SQLException e) {
                throw new IllegalStateException("Loading insights failed: " + e.getMessage(), e);
            }
        });
    }

    /** Sums the figures asked for, per group, per currency (figures in different currencies are never added). */
    public List<Totals> insights(UUID tenantId, InsightQuery q) {
        String key = switch (q.groupBy()) {
            case DAY -> "day::text";
            case ENTITY -> "entity_id";
            case SOURCE -> "source";
            case TOTAL -> "'total'";
        };
        StringBuilder sql = new StringBuilder("select " + key + " as k, currency, sum(spend), sum(impressions),"
                + " sum(clicks), sum(conversions), sum(conversion_value), sum(leads) from wh_insight_daily"
                + " where level = ? and day between ? and ?");
        List<Object> params = new ArrayList<>(List.of(q.level(), q.from(), q.to()));
        if (!q.sources().isEmpty()) {
            sql.append(" and source = any (?)");
            params.add(q.sources().toArray(String[]::new));
        }
        if (!q.entityIds().isEmpty()) {
            sql.append(" and entity_id = any (?)");
            params.add(q.entityIds().toArray(String[]::new));
        }
        sql.append(" group by 1, 2 order by 1, 2");
        return scopes.tenant(tenantId, em -> {
            Connection connection = connection(em);
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object value = params.get(i);
                    if (value instanceof String[] array) {
                        query.setArray(i + 1, connection.createArrayOf("text", array));
                    } else {
                        query.setObject(i + 1, value);
                    }
                }
                List<Totals> totals = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        totals.add(new Totals(row.getString(1), row.getString(2), row.getBigDecimal(3),
                                row.getLong(4), row.getLong(5), row.getBigDecimal(6), row.getBigDecimal(7),
                                row.getLong(8)));
                    }
                }
                return totals;
            } catch (SQLException e) {
                throw new IllegalStateException("The insights query failed: " + e.getMessage(), e);
            }
        });
    }

    // the JDBC connection of the scope's transaction, which carries the tenant binding (RLS)
    private static Connection connection(EntityManager em) {
        return em.unwrap(Connection.class);
    }
}

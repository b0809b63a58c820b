package io.catalyst.core.metrics;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.Grain;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import io.catalyst.metrics.MetricCatalogue;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The one SQL statement a metrics query becomes: sums of the base columns of one level of the daily insights, grouped
 * by the dimensions' keys and labels. Every value reaches the database as a bind parameter; only the fixed column
 * and join text below is ever concatenated, chosen by enum, never by anything a caller typed.
 *
 * <p>The level is the finest one the dimensions and filters need (channel and date alone read account rows, a
 * campaign dimension reads campaign rows...), so each figure is counted once.
 */
final class InsightSql {

    static final String[] LEVELS = {"account", "campaign", "ad_set", "ad"};

    final String sql;
    final List<Object> params = new ArrayList<>();
    final int level;

    /**
     * @param convert whether money is multiplied by a rate joined per currency and day (its arrays come first in
     *                the parameters); otherwise rows are grouped per currency too
     */
    /** The base metrics it sums, in the order of their columns after the dimensions and the currency. */
    final List<String> bases;

    InsightSql(UUID tenantId, MetricsQuery query, Set<String> bases, Period period, boolean convert, FxJoin fx) {
        this.bases = List.copyOf(bases);
        this.level = level(query);
        StringBuilder select = new StringBuilder("select ");
        List<String> groups = new ArrayList<>();
        for (Dimension d : query.dimensions()) {
            String key = key(d, query.grain());
            String label = label(d, query.grain());
            select.append(key).append(", ").append(label).append(", ");
            groups.add(key);
            if (!label.equals(key)) {
                groups.add(label);
            }
        }
        select.append(convert ? "'*'" : "i.currency");
        for (String base : this.bases) {
            String column = "i." + MetricCatalogue.COLUMNS.get(base);
            boolean money = convert && ("spend".equals(base) || "revenue".equals(base));
            select.append(", ").append(money ? "round(sum(" + column + " * fx.factor), 4)" : "sum(" + column + ")");
        }
        select.append(convert ? ", count(*) filter (where fx.factor is null)" : ", 0");
        if (!convert) {
            groups.add("i.currency");
        }
        StringBuilder from = new StringBuilder(" from wh_insight_daily i");
        from.append(joins(level, needsAccount(query)));
        if (convert) {
            from.append(" left join unnest(?::text[], ?::date[], ?::numeric[]) as fx(currency, day, factor)"
                    + " on fx.currency = i.currency and fx.day = i.day");
            params.add(fx.currencies());
            params.add(fx.days());
            params.add(fx.factors());
        }
        // the tenant again, beside row-level security: RLS's "tenant or platform" condition cannot use the index
        // the level is one of four constants, written into the text: the planner then knows it, as for bare SQL
        StringBuilder where = new StringBuilder(" where i.tenant_id = ? and i.level = '" + LEVELS[level]
                + "' and i.day between ? and ?");
        params.add(tenantId);
        params.add(period.from());
        params.add(period.to());
        for (Filter f : query.filters()) {
            where.append(" and ").append(condition(f, query.grain()));
        }
        StringBuilder sqlText = select.append(from).append(where);
        if (!groups.isEmpty()) {
            sqlText.append(" group by ").append(String.join(", ", groups));
            sqlText.append(" order by ").append(String.join(", ", groups));
        }
        this.sql = sqlText.toString();
    }

    /** Rates as three parallel arrays, for {@code unnest}. */
    record FxJoin(String[] currencies, java.sql.Date[] days, java.math.BigDecimal[] factors) {
    }

    static int level(MetricsQuery query) {
        int level = 0;
        for (Dimension d : query.dimensions()) {
            level = Math.max(level, level(d));
        }
        for (Filter f : query.filters()) {
            level = Math.max(level, level(f.dimension()));
        }
        boolean status = query.dimensions().contains(Dimension.STATUS)
                || query.filters().stream().anyMatch(f -> f.dimension() == Dimension.STATUS);
        return status ? Math.max(level, 1) : level;
    }

    private static int level(Dimension d) {
        return switch (d) {
            case DATE, CHANNEL, ACCOUNT, STATUS -> 0;
            case CAMPAIGN -> 1;
            case AD_SET -> 2;
            case AD, CREATIVE -> 3;
        };
    }

    // accounts name the channel too (a sandbox or reseller source serves several)
    private static boolean needsAccount(MetricsQuery query) {
        return query.dimensions().stream().anyMatch(d -> d == Dimension.ACCOUNT || d == Dimension.CHANNEL)
                || query.filters().stream().anyMatch(f -> f.dimension() == Dimension.ACCOUNT
                || f.dimension() == Dimension.CHANNEL);
    }

    private static String joins(int level, boolean account) {
        String same = " and %s.tenant_id = i.tenant_id and %s.source = i.source";
        StringBuilder j = new StringBuilder();
        if (account) {
            j.append(" left join wh_ad_account acc on acc.external_id = i.account_id").append(same.formatted("acc", "acc"));
        }
        switch (level) {
            case 1 -> j.append(" left join wh_campaign c on c.external_id = i.entity_id").append(same.formatted("c", "c"));
            case 2 -> j.append(" left join wh_ad_set s on s.external_id = i.entity_id").append(same.formatted("s", "s"))
                    .append(" left join wh_campaign c on c.external_id = s.campaign_id").append(same.formatted("c", "c"));
            case 3 -> j.append(" left join wh_ad a on a.external_id = i.entity_id").append(same.formatted("a", "a"))
                    .append(" left join wh_ad_set s on s.external_id = a.ad_set_id").append(same.formatted("s", "s"))
                    .append(" left join wh_campaign c on c.external_id = s.campaign_id").append(same.formatted("c", "c"))
                    .append(" left join wh_creative cr on cr.external_id = a.creative_id")
                    .append(same.formatted("cr", "cr"));
            default -> { }
        }
        return j.toString();
    }

    /** The SQL of a dimension's key at this statement's level. */
    String key(Dimension d, Grain grain) {
        return switch (d) {
            // dates stay dates for grouping (cheaper than text); JDBC reads them as ISO text
            case DATE -> grain == Grain.DAY ? "i.day"
                    : "date_trunc('" + grain.name().toLowerCase(Locale.ROOT) + "', i.day)::date";
            case CHANNEL -> "coalesce(acc.channel, i.source)";
            case ACCOUNT -> "i.source || ':' || i.account_id";
            case CAMPAIGN -> "i.source || ':' || " + campaignId();
            case AD_SET -> "i.source || ':' || " + (level == 2 ? "i.entity_id" : "a.ad_set_id");
            case AD -> "i.source || ':' || i.entity_id";
            case CREATIVE -> "i.source || ':' || coalesce(a.creative_id, '')";
            case STATUS -> "coalesce(upper(" + statusColumn() + "), 'UNKNOWN')";
        };
    }

    String label(Dimension d, Grain grain) {
        return switch (d) {
            case DATE, CHANNEL, STATUS -> key(d, grain);
            case ACCOUNT -> "coalesce(acc.name, i.account_id)";
            case CAMPAIGN -> "coalesce(c.name, " + campaignId() + ")";
            case AD_SET -> "coalesce(s.name, " + (level == 2 ? "i.entity_id" : "a.ad_set_id") + ")";
            case AD -> "coalesce(a.name, i.entity_id)";
            case CREATIVE -> "coalesce(cr.name, cr.title, a.creative_id, 'no creative')";
        };
    }

    private String campaignId() {
        return level == 1 ? "i.entity_id" : "s.campaign_id";
    }

    private String statusColumn() {
        return switch (level) {
            case 2 -> "s.status";
            case 3 -> "a.status";
            default -> "c.status";
        };
    }

    private String condition(Filter f, Grain grain) {
        return switch (f.op()) {
            case EQUALS, IN -> {
                params.add(values(f.values(), f.dimension()));
                yield key(f.dimension(), grain) + " = any (?)";
            }
            case NOT_IN -> {
                params.add(values(f.values(), f.dimension()));
                yield "not (" + key(f.dimension(), grain) + " = any (?))";
            }
            case CONTAINS -> {
                params.add(f.values().get(0).toLowerCase(Locale.ROOT));
                yield "strpos(lower(" + label(f.dimension(), grain) + "), ?) > 0";
            }
        };
    }

    private static String[] values(Collection<String> values, Dimension d) {
        return values.stream().map(v -> d == Dimension.STATUS ? v.toUpperCase(Locale.ROOT) : v)
                .toArray(String[]::new);
    }
}

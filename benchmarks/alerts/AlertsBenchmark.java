package io.catalyst.core.metrics;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsSnapshot;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import io.catalyst.api.metrics.SourceStatus;
import io.catalyst.metrics.MetricCatalogue;
import io.catalyst.metrics.MetricsCalculator;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Evaluation;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.Outcome;
import io.catalyst.plugins.alerts.engine.Planner;
import io.catalyst.plugins.alerts.engine.Recipients;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.Severity;
import io.catalyst.plugins.alerts.engine.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ./catalyst bench alerts}: one full evaluation of 10 rules in each of {@code tenants} companies (10,000 rules
 * at the default 1,000) on the dashboard benchmark's data, through the alerts plugin's own engine (planner, metrics
 * layer, judges, state machine), against the bare SQL of the distinct metric queries those rules need, on the same
 * connection in the same run. The 10 rules need 7 distinct queries: rules that share one are answered by one.
 */
public final class AlertsBenchmark {

    /** The metric columns each catalogue metric sums, for the bare SQL. */
    private static final Map<String, List<String>> BASES = Map.of(
            "spend", List.of("spend"), "clicks", List.of("clicks"), "conversions", List.of("conversions"),
            "cpa", List.of("spend", "conversions"), "roas", List.of("spend", "conversion_value"),
            "cpc", List.of("spend", "clicks"), "revenue", List.of("conversion_value"), "leads", List.of("leads"));

    /** Milliseconds per query shape, both ways, for the line that says where the time goes. */
    private static final Map<String, double[]> SHAPES = new java.util.TreeMap<>();
    private static boolean measuring;
    /** Nanoseconds spent inside the metrics layer (queries and sources), to tell the engine's own Java apart. */
    private static long inMetrics;
    private static long sourcesNanos;
    private static long evaluateNanos;
    private static long evaluateMetricsNanos;

    private AlertsBenchmark() {
    }

    private static String shape(MetricsQuery q) {
        if (q == null) {
            return "(setup: a transaction bound to the company)";
        }
        return q.dimensions().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).reduce((a, b) -> a + "+" + b)
                .orElse("total") + (q.comparison() == Comparison.PREVIOUS_PERIOD ? " vs previous" : "")
                + (q.filters().isEmpty() ? "" : " filtered") + " (" + (q.period().days()) + " d)";
    }

    private static void time(MetricsQuery q, int way, long nanos) {
        if (measuring) {
            double[] t = SHAPES.computeIfAbsent(shape(q), k -> new double[3]);
            t[way] += nanos / 1e6;
            t[2] += way == 0 || q == null ? 1 : 0;
        }
    }

    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(args[0]);
        int months = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UUID> ids = BenchData.prepare(tenants, months, today);
        long rows = BenchData.load(ids, today, months, 0);
        BenchData.analyze();
        Instant now = Instant.now();
        LocalDate asOf = today.minusDays(1);
        Map<UUID, List<Rule>> rules = new LinkedHashMap<>();
        ids.forEach(id -> rules.put(id, rules()));
        int queries = Planner.plan(rules.get(ids.get(0)), asOf).size();
        System.out.printf(Locale.ROOT, "%,d companies, %,d ad rows, %,d rules, %d distinct queries per company%n",
                tenants, rows, tenants * rules.get(ids.get(0)).size(), queries);

        double layer = 0;
        double bare = 0;
        long outcomes = 0;
        long firing = 0;
        try (Connection app = BenchData.app()) {
            for (int round = -1; round < rounds; round++) { // one warm-up round
                double roundLayer = 0;
                double roundBare = 0;
                measuring = round == 0;
                for (int t = 0; t < ids.size(); t++) {
                    UUID tenant = ids.get(t);
                    BenchData.bind(app, tenant);
                    // alternate which goes first, so neither always finds the other's pages in the cache
                    boolean layerFirst = (t + Math.max(round, 0)) % 2 == 0;
                    long a = System.nanoTime();
                    List<Outcome> found = layerFirst ? evaluate(app, tenant, today, rules.get(tenant), now) : null;
                    long b = System.nanoTime();
                    bare(app, tenant, rules.get(tenant), asOf);
                    long c = System.nanoTime();
                    found = layerFirst ? found : evaluate(app, tenant, today, rules.get(tenant), now);
                    long d = System.nanoTime();
                    app.commit();
                    roundLayer += layerFirst ? (b - a) / 1e9 : (d - c) / 1e9;
                    roundBare += (c - b) / 1e9;
                    if (round == 0) {
                        outcomes += found.size();
                        firing += found.stream().filter(o -> o.after().state() == State.FIRING).count();
                    }
                }
                if (round >= 0) {
                    layer += roundLayer;
                    bare += roundBare;
                    System.out.printf(Locale.ROOT, "round %d: engine %.2f s, bare SQL %.2f s, ratio %.2f%n", round + 1,
                            roundLayer, roundBare, roundLayer / roundBare);
                }
            }
        }
        System.out.printf(Locale.ROOT, "one evaluation: %,d instances judged, %,d firing%n", outcomes, firing);
        System.out.printf(Locale.ROOT, "per company: evaluation %.2f ms, of which in the metrics layer %.2f ms"
                + " (sources %.2f ms) and in the engine's own Java %.2f ms%n", evaluateNanos / 1e6 / tenants,
                evaluateMetricsNanos / 1e6 / tenants, sourcesNanos / 1e6 / tenants,
                (evaluateNanos - evaluateMetricsNanos) / 1e6 / tenants);
        SHAPES.forEach((name, t) -> System.out.printf(Locale.ROOT, "  %-40s engine %.2f ms, bare %.2f ms per query%n",
                name, t[0] / t[2], t[1] / t[2]));
        System.out.printf(Locale.ROOT, "alerts value=%.2f baseline=%.2f ratio=%.2f unit=s%n", layer / rounds,
                bare / rounds, layer / bare);
    }

    /** The mix of rules a company keeps: every kind, levels from the total to campaigns, some sharing queries. */
    static List<Rule> rules() {
        Filter meta = Filter.equalTo(Dimension.CHANNEL, "meta-ads");
        return List.of(
                rule("Spend spike per campaign", "spend", Level.CAMPAIGN, List.of(), Kind.ANOMALY, Map.of()),
                rule("CPA anomaly per channel", "cpa", Level.CHANNEL, List.of(), Kind.ANOMALY,
                        Map.of("minChange", 5.0)),
                rule("Tracking broken per channel", "conversions", Level.CHANNEL, List.of(), Kind.TRACKING, Map.of()),
                rule("CPA above 80 per campaign", "cpa", Level.CAMPAIGN, List.of(), Kind.THRESHOLD,
                        Map.of("threshold", 80.0, "minSpend", 100.0)),
                rule("ROAS below 1 per campaign", "roas", Level.CAMPAIGN, List.of(), Kind.THRESHOLD,
                        Map.of("threshold", 1.0, "minSpend", 100.0)),
                rule("Spend change per channel", "spend", Level.CHANNEL, List.of(), Kind.CHANGE,
                        Map.of("percent", 50.0)),
                rule("Conversions change per channel", "conversions", Level.CHANNEL, List.of(), Kind.CHANGE,
                        Map.of("percent", 40.0)),
                rule("Monthly pacing", "spend", Level.TENANT, List.of(), Kind.PACING, Map.of("budget", 60_000.0)),
                rule("Meta CPC above 2", "cpc", Level.CAMPAIGN, List.of(meta), Kind.THRESHOLD,
                        Map.of("threshold", 2.0)),
                rule("Stale data", null, Level.TENANT, List.of(), Kind.STALE, Map.of("hours", 24.0)));
    }

    private static Rule rule(String name, String metric, Level level, List<Filter> filters, Kind kind,
                             Map<String, Double> params) {
        return new Rule(UUID.randomUUID(), name, metric, level, filters, kind, params, Direction.UP, Duration.ZERO,
                Duration.ZERO, Severity.WARNING, Recipients.NOBODY, null, null, false, List.of(), true);
    }

    private static List<Outcome> evaluate(Connection app, UUID tenant, LocalDate today, List<Rule> rules,
                                          Instant now) {
        long before = inMetrics;
        long start = System.nanoTime();
        List<Outcome> outcomes = Evaluation.run(metrics(app, tenant, today), rules, now);
        if (measuring) {
            evaluateNanos += System.nanoTime() - start;
            evaluateMetricsNanos += inMetrics - before;
        }
        return outcomes;
    }

    /**
     * The metrics layer as {@code MetricsService.forTenant} serves a plugin's background work, on this connection:
     * the tenant's currency and custom metrics read once for the evaluation, and each round of questions (one query,
     * all of them, or all of them with the sources' freshness) in a transaction of its own, bound to the tenant, as
     * the service runs it.
     */
    static Metrics metrics(Connection app, UUID tenant, LocalDate today) {
        return new Metrics() {
            private MetricsCalculator calculator;
            private String currency;

            @Override
            public List<MetricDefinition> catalogue() {
                return MetricCatalogue.platform();
            }

            @Override
            public MetricsResult query(MetricsQuery query) {
                try {
                    long start = System.nanoTime();
                    setup();
                    app.commit();
                    BenchData.bind(app, tenant);
                    MetricsResult answer = new MetricsEngine(app, tenant, currency, calculator).answer(query);
                    time(query, 0, System.nanoTime() - start);
                    inMetrics += System.nanoTime() - start;
                    return answer;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public List<MetricsResult> queryAll(List<MetricsQuery> queries) {
                try {
                    long start = System.nanoTime();
                    setup();
                    app.commit();
                    BenchData.bind(app, tenant);
                    time(null, 0, System.nanoTime() - start);
                    List<MetricsResult> answers = new ArrayList<>();
                    for (MetricsQuery query : queries) {
                        long at = System.nanoTime();
                        answers.add(new MetricsEngine(app, tenant, currency, calculator).answer(query));
                        time(query, 0, System.nanoTime() - at);
                    }
                    inMetrics += System.nanoTime() - start;
                    return answers;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public MetricsSnapshot snapshot(List<MetricsQuery> queries) {
                try {
                    List<MetricsResult> answers = queryAll(queries);
                    long at = System.nanoTime();
                    List<SourceStatus> sources = SourceReads.read(app, tenant); // queryAll's transaction, as the host
                    if (measuring) {
                        sourcesNanos += System.nanoTime() - at;
                    }
                    inMetrics += System.nanoTime() - at;
                    return new MetricsSnapshot(answers, sources);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            private void setup() throws SQLException {
                if (calculator == null) {
                    currency = text(app, "select currency from tenant where id = ?", tenant);
                    text(app, "select string_agg(name || formula, ',') from metric_custom where tenant_id = ?",
                            tenant);
                    calculator = new MetricsCalculator(MetricCatalogue.platform(), Map.of(), currency);
                }
            }

            @Override
            public LocalDate today() {
                return today;
            }

            @Override
            public RecordPage records(RecordQuery query) {
                throw new UnsupportedOperationException("alerts read no records");
            }

            @Override
            public List<SourceStatus> sources() {
                try {
                    long start = System.nanoTime();
                    app.commit();
                    BenchData.bind(app, tenant);
                    List<SourceStatus> sources = SourceReads.read(app, tenant);
                    inMetrics += System.nanoTime() - start;
                    if (measuring) {
                        sourcesNanos += System.nanoTime() - start;
                    }
                    return sources;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static String text(Connection app, String sql, UUID tenant) throws SQLException {
        try (PreparedStatement q = app.prepareStatement(sql)) {
            q.setObject(1, tenant);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The distinct queries the rules need, by hand: the sums they read, grouped as asked, both periods if compared. */
    private static void bare(Connection app, UUID tenant, List<Rule> rules, LocalDate asOf) throws SQLException {
        for (Planner.Batch batch : Planner.plan(rules, asOf)) {
            MetricsQuery q = batch.query();
            List<Period> periods = q.comparison() == Comparison.PREVIOUS_PERIOD
                    ? List.of(q.period(), q.period().previous()) : List.of(q.period());
            long start = System.nanoTime();
            for (Period p : periods) {
                run(app, tenant, q, p);
            }
            time(q, 1, System.nanoTime() - start);
        }
    }

    private static void run(Connection app, UUID tenant, MetricsQuery q, Period p) throws SQLException {
        Set<String> sums = new LinkedHashSet<>();
        q.metrics().forEach(m -> sums.addAll(BASES.get(m)));
        boolean byCampaign = q.dimensions().contains(Dimension.CAMPAIGN);
        boolean byChannel = q.dimensions().contains(Dimension.CHANNEL);
        boolean byDay = q.dimensions().contains(Dimension.DATE);
        // the same facts the rules need: campaigns with their names, channels as their accounts name them
        List<String> groups = new ArrayList<>();
        if (byCampaign) {
            groups.add("i.source");
            groups.add("i.entity_id");
            groups.add("c.name");
        } else if (byChannel) {
            groups.add("coalesce(a.channel, i.source)");
        }
        if (byDay) {
            groups.add("i.day");
        }
        boolean accounts = byChannel || !q.filters().isEmpty();
        StringBuilder sql = new StringBuilder("select ");
        groups.forEach(g -> sql.append(g).append(", "));
        sql.append(String.join(", ", sums.stream().map(s -> "sum(i." + s + ")").toList()))
                .append(" from wh_insight_daily i");
        if (byCampaign) {
            sql.append(" left join wh_campaign c on c.tenant_id = i.tenant_id and c.source = i.source"
                    + " and c.external_id = i.entity_id");
        }
        if (accounts) {
            sql.append(" left join wh_ad_account a on a.tenant_id = i.tenant_id and a.source = i.source"
                    + " and a.external_id = i.account_id");
        }
        sql.append(" where i.tenant_id = ? and i.level = '").append(byCampaign ? "campaign" : "account")
                .append("' and i.day between ? and ?");
        List<String> channels = new ArrayList<>();
        for (Filter f : q.filters()) {
            if (f.dimension() == Dimension.CHANNEL) {
                sql.append(" and coalesce(a.channel, i.source) = ?");
                channels.add(f.values().get(0));
            }
        }
        if (!groups.isEmpty()) {
            sql.append(" group by ").append(String.join(", ", groups));
        }
        try (PreparedStatement s = app.prepareStatement(sql.toString())) {
            s.setObject(1, tenant);
            s.setObject(2, p.from());
            s.setObject(3, p.to());
            for (int i = 0; i < channels.size(); i++) {
                s.setString(4 + i, channels.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) { // read every value, as the layer does
                    for (int col = 1; col <= columns; col++) {
                        r.getObject(col);
                    }
                }
            }
        }
    }
}

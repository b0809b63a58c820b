package io.catalyst.core.metrics;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.metrics.MetricCatalogue;
import io.catalyst.metrics.MetricsCalculator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./catalyst bench dashboard}: the campaign dashboard's queries (KPI tiles, a daily time series and the
 * campaign grid, each with the previous period to compare; 90 days; one tenant) through the metrics layer, against
 * the same aggregations as bare SQL on the same connection, at about 1M and then about 10M ad-level rows across
 * {@code tenants} companies of demo data. Then the heap one open dashboard holds (its three answers), over 100.
 */
public final class DashboardBenchmark {

    private static final String[] KPIS = {"spend", "impressions", "clicks", "conversions", "revenue", "leads", "ctr",
        "cpc", "cpa", "roas"};

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(args[0]);
        int months = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UUID> ids = BenchData.prepare(tenants, months, today);
        int firstStep = Math.max(1, tenants / 10);
        long loaded = BenchData.load(ids.subList(0, firstStep), today, months, 0);
        BenchData.analyze();
        double[] small = measure(ids.get(0), today, samples);
        print("dashboard-1M", loaded, small);
        loaded = BenchData.load(ids.subList(firstStep, tenants), today, months, loaded);
        BenchData.analyze();
        double[] large = measure(ids.get(0), today, samples);
        print("dashboard-10M", loaded, large);
        System.out.printf(Locale.ROOT, "growth: p95 at %,d ad rows is %.2fx the p95 at the first step%n", loaded,
                large[0] / small[0]);
        heap(ids, today);
        System.out.printf(Locale.ROOT, "dashboard value=%.2f baseline=%.2f ratio=%.2f unit=ms%n", large[0], large[1],
                large[0] / large[1]);
    }

    private static void print(String name, long adRows, double[] p95) {
        System.out.printf(Locale.ROOT, "%s (%,d ad rows): p95 metrics layer %.2f ms, bare SQL %.2f ms, ratio %.2f%n",
                name, adRows, p95[0], p95[1], p95[0] / p95[1]);
    }

    private static List<MetricsQuery> dashboard(LocalDate today) {
        Period period = Period.preset("last_90_days", today);
        return List.of(MetricsQuery.of(period, KPIS).compare(Comparison.PREVIOUS_PERIOD).build(),
                MetricsQuery.of(period, "spend", "revenue", "roas").by(Dimension.DATE)
                        .compare(Comparison.PREVIOUS_PERIOD).build(),
                MetricsQuery.of(period, KPIS).by(Dimension.CAMPAIGN).compare(Comparison.PREVIOUS_PERIOD)
                        .sortBy("spend").build());
    }

    private static final double[] PER_QUERY = new double[3];

    private static List<MetricsResult> open(Connection app, UUID tenant, LocalDate today) throws Exception {
        MetricsCalculator calculator = new MetricsCalculator(MetricCatalogue.platform(), Map.of(), "EUR");
        List<MetricsResult> answers = new ArrayList<>();
        List<MetricsQuery> queries = dashboard(today);
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            answers.add(new MetricsEngine(app, tenant, "EUR", calculator).answer(queries.get(i)));
            PER_QUERY[i] += (System.nanoTime() - start) / 1e6;
        }
        return answers;
    }

    // the same aggregations by hand: totals, a daily series and campaigns with names, for both periods
    private static final String[] BARE = {
        "select sum(spend), sum(impressions), sum(clicks), sum(conversions), sum(conversion_value), sum(leads)"
                + " from wh_insight_daily where tenant_id = ? and level = 'account' and day between ? and ?",
        "select day, sum(spend), sum(conversion_value) from wh_insight_daily where tenant_id = ?"
                + " and level = 'account' and day between ? and ? group by day order by day",
        "select i.source, i.entity_id, c.name, sum(i.spend), sum(i.impressions), sum(i.clicks), sum(i.conversions),"
                + " sum(i.conversion_value), sum(i.leads) from wh_insight_daily i left join wh_campaign c"
                + " on c.tenant_id = i.tenant_id and c.source = i.source and c.external_id = i.entity_id"
                + " where i.tenant_id = ? and i.level = 'campaign' and i.day between ? and ?"
                + " group by 1, 2, 3 order by 4 desc"};

    private static final double[] BARE_PER_QUERY = new double[3];

    private static void bare(Connection app, UUID tenant, LocalDate today) throws Exception {
        Period period = Period.preset("last_90_days", today);
        for (Period p : List.of(period, period.previous())) {
            for (int n = 0; n < BARE.length; n++) {
                String sql = BARE[n];
                long start = System.nanoTime();
                try (PreparedStatement q = app.prepareStatement(sql)) {
                    q.setObject(1, tenant);
                    q.setObject(2, p.from());
                    q.setObject(3, p.to());
                    try (ResultSet r = q.executeQuery()) {
                        int columns = r.getMetaData().getColumnCount();
                        while (r.next()) { // read every value, as the layer does
                            for (int col = 1; col <= columns; col++) {
                                r.getObject(col);
                            }
                        }
                    }
                }
                BARE_PER_QUERY[n] += (System.nanoTime() - start) / 1e6;
            }
        }
    }

    /** p95 in ms of the whole dashboard through the metrics layer and by bare SQL, interleaved. */
    private static double[] measure(UUID tenant, LocalDate today, int samples) throws Exception {
        double[] layer = new double[samples];
        double[] raw = new double[samples];
        try (Connection app = BenchData.app()) {
            for (int i = -10; i < samples; i++) { // ten warm-up rounds
                BenchData.bind(app, tenant);
                long a = System.nanoTime();
                open(app, tenant, today);
                long b = System.nanoTime();
                bare(app, tenant, today);
                long c = System.nanoTime();
                app.commit();
                if (i >= 0) {
                    layer[i] = (b - a) / 1e6;
                    raw[i] = (c - b) / 1e6;
                }
            }
        }
        System.out.printf(Locale.ROOT, "mean ms per query (layer / bare): KPI tiles %.2f / %.2f, series %.2f / %.2f,"
                + " campaign grid %.2f / %.2f%n", PER_QUERY[0] / (samples + 10), BARE_PER_QUERY[0] / (samples + 10),
                PER_QUERY[1] / (samples + 10), BARE_PER_QUERY[1] / (samples + 10), PER_QUERY[2] / (samples + 10),
                BARE_PER_QUERY[2] / (samples + 10));
        Arrays.fill(PER_QUERY, 0);
        Arrays.fill(BARE_PER_QUERY, 0);
        return new double[] {p95(layer), p95(raw)};
    }

    private static double p95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }

    /** The heap 100 open dashboards hold: each keeps its three answers, as a screen keeps what it shows. */
    private static void heap(List<UUID> tenants, LocalDate today) throws Exception {
        List<List<MetricsResult>> sessions = new ArrayList<>();
        long before = used();
        try (Connection app = BenchData.app()) {
            for (int s = 0; s < 100; s++) {
                BenchData.bind(app, tenants.get(s % tenants.size()));
                sessions.add(open(app, tenants.get(s % tenants.size()), today));
                app.commit();
            }
        }
        long after = used();
        System.out.printf(Locale.ROOT, "heap per open dashboard: %.1f kB (100 sessions, %d answers kept)%n",
                (after - before) / 100.0 / 1024, sessions.stream().mapToInt(List::size).sum());
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}

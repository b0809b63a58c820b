package io.catalyst.core.metrics;

import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.core.warehouse.InsightLoader;
import io.catalyst.core.warehouse.InsightRow;
import io.catalyst.core.warehouse.RecordWriter;
import io.catalyst.demodata.DemoData;
import io.catalyst.demodata.DemoScale;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * The benchmarks' data: a database migrated as the server does, {@code tenants} companies with the demo-data
 * generator's history of two ad channels, loaded as the warehouse holds it. Shared by the dashboard and alerts
 * benchmarks, so they measure on the same data.
 */
public final class BenchData {

    public static final List<String> CHANNELS = List.of("meta-ads", "google-ads");

    private BenchData() {
    }

    public static String url() {
        return System.getenv("CATALYST_DB_URL");
    }

    /** A connection as the application role, which row-level security binds to one tenant at a time. */
    public static Connection app() throws Exception {
        Connection app = DriverManager.getConnection(url(), System.getenv("CATALYST_DB_USER"),
                System.getenv("CATALYST_DB_PASSWORD"));
        app.setAutoCommit(false);
        return app;
    }

    /** Migrates the database and creates the companies (no data yet); answers their ids. */
    public static List<UUID> prepare(int tenants, int months, LocalDate today) throws Exception {
        Flyway.configure(BenchData.class.getClassLoader())
                .dataSource(url(), System.getenv("CATALYST_DB_OWNER_USER"), System.getenv("CATALYST_DB_OWNER_PASSWORD"))
                .locations("classpath:db/migration").callbackLocations("classpath:db/callback")
                .placeholders(Map.of("app_role", System.getenv("CATALYST_DB_USER"))).load().migrate();
        List<UUID> ids = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(url(), System.getenv("CATALYST_DB_OWNER_USER"),
                System.getenv("CATALYST_DB_OWNER_PASSWORD")); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("select bind_scope(null, true, null)");
            for (int t = 0; t < tenants; t++) {
                UUID id = UUID.nameUUIDFromBytes(("bench-" + t).getBytes());
                ids.add(id);
                sql.execute("insert into tenant (id, slug, name) values ('" + id + "', 'bench-" + t + "', 'Bench "
                        + t + "')");
            }
            for (LocalDate m = today.minusMonths(months + 1).withDayOfMonth(1); !m.isAfter(today);
                 m = m.plusMonths(1)) {
                sql.execute("select wh_insight_partition('" + m + "')");
            }
            owner.commit();
        }
        return ids;
    }

    /** Loads each tenant's demo history: entities through the warehouse writer, insights by COPY; answers ad rows. */
    public static long load(List<UUID> tenants, LocalDate today, int months, long before) throws Exception {
        long adRows = before;
        OffsetDateTime reported = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection app = app();
             Connection superuser = DriverManager.getConnection(url(), "postgres",
                     System.getenv("CATALYST_BENCH_PG_SUPERUSER_PASSWORD"))) {
            for (UUID tenant : tenants) {
                DemoData data = DemoData.of(tenant.toString(), today).withScale(new DemoScale(months, 1))
                        .withCurrency("EUR");
                bind(app, tenant);
                for (String channel : CHANNELS) {
                    List<Entity> entities = new ArrayList<>();
                    data.entities(channel, entities::add);
                    RecordWriter.entities(app, tenant, channel, 1, entities);
                    List<InsightRow> rows = new ArrayList<>();
                    data.insights(channel, data.firstDay(), today, i -> rows.add(row(i, reported)));
                    adRows += rows.stream().filter(r -> r.level().equals("ad")).count();
                    // the bench's data goes in by raw COPY: the ingest path has its own benchmark
                    superuser.unwrap(PGConnection.class).getCopyAPI().copyIn("copy wh_insight_daily ("
                            + InsightLoader.COLUMNS + ") from stdin with (format csv)",
                            new StringReader(InsightLoader.csv(tenant, channel, 1, rows)));
                }
                app.commit();
            }
        }
        return adRows;
    }

    private static InsightRow row(Insight i, OffsetDateTime reported) {
        return new InsightRow(i.level(), i.entityId(), i.accountId(), i.day(), i.attributionWindow(), i.spend(),
                i.impressions(), i.clicks(), i.conversions(), i.conversionValue(), i.leads(), i.currency(), reported,
                null);
    }

    public static void analyze() throws Exception {
        try (Connection superuser = DriverManager.getConnection(url(), "postgres",
                System.getenv("CATALYST_BENCH_PG_SUPERUSER_PASSWORD")); Statement sql = superuser.createStatement()) {
            sql.execute("analyze");
        }
    }

    /** Binds the connection's transaction to one tenant, as the server does for each request. */
    public static void bind(Connection app, UUID tenant) throws Exception {
        try (PreparedStatement bind = app.prepareStatement("select bind_scope(?::uuid, false, null)")) {
            bind.setString(1, tenant.toString());
            bind.execute();
        }
    }
}

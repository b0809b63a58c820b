package io.catalyst.core.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * {@code ./catalyst bench ingest}: rows per second from a fake provider stream (Meta Marketing API insights records,
 * as JSON text) into warehouse rows: parse, map, COPY into staging, merge. The baseline is a raw COPY of the same
 * rows, already as CSV, into the same table (as the superuser: PostgreSQL refuses COPY into a table under RLS, which
 * is why the loader copies into a staging table first). Each load starts from emptied tables and commits.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        String url = System.getenv("CATALYST_DB_URL");
        Flyway.configure(IngestBenchmark.class.getClassLoader())
                .dataSource(url, System.getenv("CATALYST_DB_OWNER_USER"), System.getenv("CATALYST_DB_OWNER_PASSWORD"))
                .locations("classpath:db/migration").callbackLocations("classpath:db/callback")
                .placeholders(Map.of("app_role", System.getenv("CATALYST_DB_USER"))).load().migrate();
        UUID tenant = UUID.randomUUID();
        try (Connection owner = DriverManager.getConnection(url, System.getenv("CATALYST_DB_OWNER_USER"),
                System.getenv("CATALYST_DB_OWNER_PASSWORD")); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("select bind_scope(null, true, null)");
            sql.execute("insert into tenant (id, slug, name) values ('" + tenant + "', 'bench', 'Bench')");
            owner.commit();
        }
        List<String> stream = fakeMetaStream(rows);
        List<InsightRow> mapped = map(stream);
        String csv = InsightLoader.csv(tenant, "meta", 1, mapped);

        for (int run = 0; run <= runs; run++) {
            double catalyst = timed(url, System.getenv("CATALYST_DB_USER"), System.getenv("CATALYST_DB_PASSWORD"),
                    tenant, c -> InsightLoader.load(c, tenant, "meta", 1, map(stream)));
            // PostgreSQL refuses COPY into a table under row-level security, so the baseline runs as the superuser
            double raw = timed(url, "postgres", System.getenv("CATALYST_BENCH_PG_SUPERUSER_PASSWORD"), tenant,
                    c -> c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy wh_insight_daily ("
                            + InsightLoader.COLUMNS + ") from stdin with (format csv)", new StringReader(csv)));
            if (run > 0) { // run 0 warms up
                System.out.printf(Locale.ROOT, "run %d: catalyst %.0f rows/s  raw COPY %.0f rows/s%n", run,
                        rows / catalyst, rows / raw);
                sumCatalyst += rows / catalyst;
                sumRaw += rows / raw;
            }
        }
        double value = sumCatalyst / runs;
        double baseline = sumRaw / runs;
        System.out.printf(Locale.ROOT, "ingest value=%.0f baseline=%.0f ratio=%.2f unit=rows/s%n", value, baseline,
                value / baseline);
    }

    private static double sumCatalyst;
    private static double sumRaw;

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws Exception;
    }

    // each measured load starts from empty tables and commits, as a real sync would
    private static double timed(String url, String user, String password, UUID tenant, Work work) throws Exception {
        try (Connection app = DriverManager.getConnection(url, user, password)) {
            app.setAutoCommit(false);
            bind(app, tenant);
            try (Statement sql = app.createStatement()) {
                sql.execute("delete from wh_insight_daily");
            }
            app.commit();
            bind(app, tenant);
            try (PreparedStatement partitions = app.prepareStatement("select wh_insight_partition(?)")) {
                for (int m = 1; m <= 12; m++) { // the raw COPY needs them to exist, as the loader makes sure
                    partitions.setObject(1, LocalDate.of(2026, m, 1));
                    partitions.execute();
                }
            }
            long start = System.nanoTime();
            work.run(app);
            app.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void bind(Connection app, UUID tenant) throws Exception {
        try (PreparedStatement bind = app.prepareStatement("select bind_scope(?::uuid, false, null)")) {
            bind.setString(1, tenant.toString());
            bind.execute();
        }
    }

    /** Records shaped like the Marketing API's insights at level=ad (fields as Meta documents them). */
    private static List<String> fakeMetaStream(int rows) {
        List<String> records = new ArrayList<>(rows);
        int ads = (rows + 364) / 365; // each (ad, day) once
        for (int i = 0; i < rows; i++) {
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(i / ads % 365);
            records.add("{\"account_id\":\"1234567890\",\"campaign_id\":\"2384" + (i % ads / 10) + "\","
                    + "\"adset_id\":\"2385" + (i % ads / 3) + "\",\"ad_id\":\"2386" + (i % ads) + "\","
                    + "\"date_start\":\"" + day + "\",\"date_stop\":\"" + day + "\","
                    + "\"spend\":\"" + (i % 997) / 10.0 + "\",\"impressions\":\"" + (1000 + i % 5000) + "\","
                    + "\"clicks\":\"" + (i % 120) + "\",\"account_currency\":\"EUR\","
                    + "\"actions\":[{\"action_type\":\"lead\",\"value\":\"" + (i % 7) + "\"},"
                    + "{\"action_type\":\"offsite_conversion.fb_pixel_purchase\",\"value\":\"" + (i % 3) + "\"}],"
                    + "\"action_values\":[{\"action_type\":\"offsite_conversion.fb_pixel_purchase\",\"value\":\""
                    + (i % 3) * 49.9 + "\"}]}");
        }
        return records;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime REPORTED = OffsetDateTime.parse("2026-12-31T06:00:00Z");

    private static List<InsightRow> map(List<String> stream) throws Exception {
        List<InsightRow> rows = new ArrayList<>(stream.size());
        for (String record : stream) {
            JsonNode r = JSON.readTree(record);
            rows.add(new InsightRow("ad", r.get("ad_id").asText(), r.get("account_id").asText(),
                    LocalDate.parse(r.get("date_start").asText()), "7d_click_1d_view",
                    new BigDecimal(r.get("spend").asText()), r.get("impressions").asLong(), r.get("clicks").asLong(),
                    action(r.get("actions"), "offsite_conversion.fb_pixel_purchase"),
                    action(r.get("action_values"), "offsite_conversion.fb_pixel_purchase"),
                    action(r.get("actions"), "lead").longValue(), r.get("account_currency").asText(), REPORTED,
                    record));
        }
        return rows;
    }

    private static BigDecimal action(JsonNode actions, String type) {
        if (actions != null) {
            for (JsonNode action : actions) {
                if (type.equals(action.get("action_type").asText())) {
                    return new BigDecimal(action.get("value").asText());
                }
            }
        }
        return BigDecimal.ZERO;
    }
}

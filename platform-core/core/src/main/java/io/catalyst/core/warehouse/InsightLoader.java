package io.catalyst.core.warehouse;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads daily insights: the batch goes into a transaction-local staging table with PostgreSQL's COPY, then merges
 * into {@code wh_insight_daily} with {@code INSERT ... ON CONFLICT} keyed by tenant, source, level, entity, day and
 * attribution window. Loading the same batch twice changes nothing; a restated figure replaces the old one. Plain
 * JDBC on a connection already bound to the tenant (RLS), so the server and the benchmark use the same code.
 */
public final class InsightLoader {

    public static final String COLUMNS = "tenant_id, source, level, entity_id, account_id, day, attribution_window, spend,"
            + " impressions, clicks, conversions, conversion_value, leads, currency, reported_at, raw, mapping_version";

    private static final String KEY = "tenant_id, source, level, entity_id, day, attribution_window";

    private InsightLoader() {
    }

    /** How many rows were new, and how many replaced different figures (the rest were unchanged). */
    public record Result(int received, int inserted, int updated) {
    }

    /** Loads a batch in the connection's current transaction. */
    public static Result load(Connection connection, UUID tenantId, String source, int mappingVersion,
                              List<InsightRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new Result(0, 0, 0);
        }
        TreeSet<LocalDate> months = new TreeSet<>();
        rows.forEach(row -> months.add(row.day().withDayOfMonth(1)));
        try (PreparedStatement partition = connection.prepareStatement("select wh_insight_partition(?)")) {
            for (LocalDate month : months) {
                partition.setObject(1, month);
                partition.execute();
            }
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("create temp table if not exists wh_insight_stage (like wh_insight_daily including defaults)"
                    + " on commit drop");
            sql.execute("truncate wh_insight_stage");
        }
        // streamed: the rows are formatted while PostgreSQL parses what came before, and never held as one text
        try (Writer out = new OutputStreamWriter(new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy wh_insight_stage (" + COLUMNS + ") from stdin with (format csv)", 1 << 16),
                StandardCharsets.UTF_8)) {
            print(out, tenantId, source, mappingVersion, newestPerKey(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // first_loaded_at is the transaction's now() only for rows this statement inserted (the batch has no
        // duplicate keys, see newestPerKey), which tells new rows from restated ones without a second query
        try (Statement sql = connection.createStatement();
             var counts = sql.executeQuery("with merged as (insert into wh_insight_daily (" + COLUMNS + ")"
                     + " select " + COLUMNS + " from wh_insight_stage"
                     + " on conflict (" + KEY + ") do update set"
                     + " account_id = excluded.account_id, spend = excluded.spend,"
                     + " impressions = excluded.impressions, clicks = excluded.clicks,"
                     + " conversions = excluded.conversions, conversion_value = excluded.conversion_value,"
                     + " leads = excluded.leads, currency = excluded.currency, reported_at = excluded.reported_at,"
                     + " raw = excluded.raw, mapping_version = excluded.mapping_version, updated_at = now()"
                     + " where (wh_insight_daily.spend, wh_insight_daily.impressions, wh_insight_daily.clicks,"
                     + " wh_insight_daily.conversions, wh_insight_daily.conversion_value, wh_insight_daily.leads,"
                     + " wh_insight_daily.currency, wh_insight_daily.account_id, wh_insight_daily.mapping_version)"
                     + " is distinct from (excluded.spend, excluded.impressions, excluded.clicks,"
                     + " excluded.conversions, excluded.conversion_value, excluded.leads, excluded.currency,"
                     + " excluded.account_id, excluded.mapping_version)"
                     + " returning first_loaded_at = now() as inserted)"
                     + " select count(*) filter (where inserted), count(*) filter (where not inserted) from merged")) {
            counts.next();
            return new Result(rows.size(), counts.getInt(1), counts.getInt(2));
        }
    }

    /** One row per key, the newest report winning: ON CONFLICT may not touch a row twice in one statement. */
    static List<InsightRow> newestPerKey(List<InsightRow> rows) {
        java.util.Map<List<Object>, InsightRow> byKey = new java.util.LinkedHashMap<>(rows.size() * 2);
        for (InsightRow row : rows) {
            byKey.merge(List.of(row.level(), row.entityId(), row.day(), row.attributionWindow()), row,
                    (kept, next) -> next.reportedAt().isAfter(kept.reportedAt()) ? next : kept);
        }
        return byKey.size() == rows.size() ? rows : List.copyOf(byKey.values());
    }

    /** The batch as CSV in {@link #COLUMNS} order: what a raw COPY baseline loads. */
    public static String csv(UUID tenantId, String source, int mappingVersion, List<InsightRow> rows) {
        StringWriter out = new StringWriter(rows.size() * 160);
        try {
            print(out, tenantId, source, mappingVersion, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void print(Appendable out, UUID tenantId, String source, int mappingVersion, List<InsightRow> rows)
            throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.POSTGRESQL_CSV);
        for (InsightRow r : rows) {
            printer.printRecord(tenantId, source, r.level(), r.entityId(), r.accountId(), r.day(),
                    r.attributionWindow(), r.spend(), r.impressions(), r.clicks(), r.conversions(),
                    r.conversionValue(), r.leads(), r.currency(), r.reportedAt(), r.rawJson(), mappingVersion);
        }
        printer.flush();
    }
}

package io.catalyst.core.metrics;

import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of CRM, commerce and call records in the order they changed in the warehouse ({@code loaded_at}, then
 * source and id, so the order is total and a cursor is exact). A page leaves out changes of the last few seconds:
 * a transaction still writing could commit a change stamped before them, which a cursor already past it would miss.
 */
final class RecordReads {

    static final long SETTLE_SECONDS = 5;

    private RecordReads() {
    }

    private static String table(RecordQuery.Kind kind) {
        return switch (kind) {
            case LEADS -> "wh_lead";
            case CONTACTS -> "wh_contact";
            case DEALS -> "wh_deal";
            case ORDERS -> "wh_order";
            case CALLS -> "wh_call";
        };
    }

    private static String columns(RecordQuery.Kind kind) {
        return switch (kind) {
            case LEADS -> "contact_id, campaign_id, email, status, created_at";
            // a HubSpot-shaped record keeps its fields under "properties"; another source's whole record stands in
            case CONTACTS -> "email, name, company, lifecycle_stage, created_at, updated_at,"
                    + " coalesce(raw -> 'properties', raw)::text as properties";
            case DEALS -> "contact_id, name, stage, amount, currency, close_date, created_at, updated_at";
            case ORDERS -> "contact_id, total, currency, placed_at";
            case CALLS -> "contact_id, campaign_id, started_at, duration_s, caller, outcome, recording_url,"
                    + " direction, answered, customer_name, customer_email, tracking_number, source_name, agent,"
                    + " transcript";
        };
    }

    record Cursor(Instant at, String source, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((at.toString() + "|" + source + "|" + id)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)
                        .split("\\|", 3);
                return new Cursor(Instant.parse(parts[0]), parts[1], parts[2]);
            } catch (RuntimeException e) {
                throw new MetricsException("the cursor is not one this API gave out; start without one");
            }
        }
    }

    static RecordPage read(Connection c, UUID tenantId, RecordQuery query) throws SQLException {
        Cursor since = query.since() == null || query.since().isBlank() ? null : Cursor.decode(query.since());
        StringBuilder sql = new StringBuilder("select source, external_id, loaded_at, " + columns(query.kind())
                + " from " + table(query.kind()) + " where tenant_id = ? and loaded_at < clock_timestamp()"
                + " - make_interval(secs => ?)");
        List<Object> params = new ArrayList<>(List.of(tenantId, SETTLE_SECONDS));
        if (since != null) {
            sql.append(" and (loaded_at, source, external_id) > (?, ?, ?)");
            params.add(Timestamp.from(since.at()));
            params.add(since.source());
            params.add(since.id());
        }
        if (query.source() != null && !query.source().isBlank()) {
            sql.append(" and source = ?");
            params.add(query.source());
        }
        sql.append(" order by loaded_at, source, external_id limit ?");
        params.add(query.limit() + 1);
        List<RecordPage.WarehouseRecord> records = new ArrayList<>();
        boolean more = false;
        Cursor last = since;
        try (PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                q.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = q.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    if (records.size() == query.limit()) {
                        more = true;
                        break;
                    }
                    Instant at = r.getTimestamp(3).toInstant();
                    Map<String, Object> fields = new LinkedHashMap<>();
                    for (int col = 4; col <= meta.getColumnCount(); col++) {
                        fields.put(meta.getColumnName(col), value(r, col));
                    }
                    records.add(new RecordPage.WarehouseRecord(r.getString(1), r.getString(2), at, fields));
                    last = new Cursor(at, r.getString(1), r.getString(2));
                }
            }
        }
        return new RecordPage(records, last == null ? null : last.encode(), more);
    }

    // dates and times as ISO text, numbers as numbers, text as text
    private static Object value(ResultSet r, int col) throws SQLException {
        Object v = r.getObject(col);
        if (v instanceof Timestamp) {
            return r.getObject(col, OffsetDateTime.class).toInstant().toString();
        }
        if (v instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return v;
    }
}

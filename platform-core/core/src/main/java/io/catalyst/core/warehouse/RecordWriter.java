package io.catalyst.core.warehouse;

import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.Entity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * Upserts the warehouse's entity and CRM tables, keyed by tenant, source and the provider's id: loading a record
 * again replaces it. Plain JDBC batches on a connection bound to the tenant, in the caller's transaction.
 */
public final class RecordWriter {

    private RecordWriter() {
    }

    /** Writes entities, each level into its table. */
    public static void entities(Connection c, UUID tenantId, String source, int mappingVersion, List<Entity> rows)
            throws SQLException {
        for (Entity e : rows) {
            switch (e.level()) {
                case "account" -> upsert(c, "wh_ad_account", "name, currency, timezone, channel", tenantId, source,
                        mappingVersion, e, e.name(), e.attributes().get("currency"), e.attributes().get("timezone"),
                        e.attributes().get("channel"));
                case "campaign" -> upsert(c, "wh_campaign", "account_id, name, status, objective", tenantId, source,
                        mappingVersion, e, orEmpty(e.parentId()), e.name(), e.status(),
                        e.attributes().get("objective"));
                case "ad_set" -> upsert(c, "wh_ad_set", "campaign_id, name, status", tenantId, source,
                        mappingVersion, e, orEmpty(e.parentId()), e.name(), e.status());
                case "ad" -> upsert(c, "wh_ad", "ad_set_id, creative_id, name, status", tenantId, source,
                        mappingVersion, e, orEmpty(e.parentId()), e.attributes().get("creative_id"), e.name(),
                        e.status());
                case "creative" -> upsert(c, "wh_creative", "name, title, body, image_url", tenantId, source,
                        mappingVersion, e, e.name(), e.attributes().get("title"), e.attributes().get("body"),
                        e.attributes().get("image_url"));
                default -> throw new IllegalArgumentException("Unknown entity level " + e.level());
            }
        }
    }

    public static void contacts(Connection c, UUID tenantId, String source, int mappingVersion, List<Contact> rows)
            throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("insert into wh_contact (tenant_id, source, external_id,"
                + " email, name, company, lifecycle_stage, created_at, updated_at, raw, mapping_version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (tenant_id, source, external_id)"
                + " do update set email = excluded.email, name = excluded.name, company = excluded.company,"
                + " lifecycle_stage = excluded.lifecycle_stage, created_at = excluded.created_at,"
                + " updated_at = excluded.updated_at, raw = excluded.raw, mapping_version = excluded.mapping_version")) {
            for (Contact r : rows) {
                sql.setObject(1, tenantId);
                sql.setString(2, source);
                sql.setString(3, r.id());
                sql.setString(4, r.email());
                sql.setString(5, r.name());
                sql.setString(6, r.company());
                sql.setString(7, r.lifecycleStage());
                sql.setObject(8, r.createdAt());
                sql.setObject(9, r.updatedAt());
                sql.setString(10, r.rawJson());
                sql.setInt(11, mappingVersion);
                sql.addBatch();
            }
            sql.executeBatch();
        }
    }

    public static void deals(Connection c, UUID tenantId, String source, int mappingVersion, List<Deal> rows)
            throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("insert into wh_deal (tenant_id, source, external_id,"
                + " contact_id, name, stage, amount, currency, close_date, created_at, updated_at, raw,"
                + " mapping_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)"
                + " on conflict (tenant_id, source, external_id) do update set contact_id = excluded.contact_id,"
                + " name = excluded.name, stage = excluded.stage, amount = excluded.amount,"
                + " currency = excluded.currency, close_date = excluded.close_date, created_at = excluded.created_at,"
                + " updated_at = excluded.updated_at, raw = excluded.raw, mapping_version = excluded.mapping_version")) {
            for (Deal r : rows) {
                sql.setObject(1, tenantId);
                sql.setString(2, source);
                sql.setString(3, r.id());
                sql.setString(4, r.contactId());
                sql.setString(5, r.name());
                sql.setString(6, r.stage());
                sql.setBigDecimal(7, r.amount());
                sql.setString(8, r.currency());
                sql.setObject(9, r.closeDate());
                sql.setObject(10, r.createdAt());
                sql.setObject(11, r.updatedAt());
                sql.setString(12, r.rawJson());
                sql.setInt(13, mappingVersion);
                sql.addBatch();
            }
            sql.executeBatch();
        }
    }

    public static void calls(Connection c, UUID tenantId, String source, int mappingVersion, List<Call> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = c.prepareStatement("insert into wh_call (tenant_id, source, external_id,"
                + " contact_id, campaign_id, started_at, duration_s, direction, answered, caller, customer_name,"
                + " customer_email, tracking_number, source_name, agent, outcome, recording_url, transcript, raw,"
                + " mapping_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)"
                + " on conflict (tenant_id, source, external_id) do update set contact_id = excluded.contact_id,"
                + " campaign_id = excluded.campaign_id, started_at = excluded.started_at,"
                + " duration_s = excluded.duration_s, direction = excluded.direction, answered = excluded.answered,"
                + " caller = excluded.caller, customer_name = excluded.customer_name,"
                + " customer_email = excluded.customer_email, tracking_number = excluded.tracking_number,"
                + " source_name = excluded.source_name, agent = excluded.agent, outcome = excluded.outcome,"
                + " recording_url = excluded.recording_url, transcript = excluded.transcript, raw = excluded.raw,"
                + " mapping_version = excluded.mapping_version")) {
            for (Call r : rows) {
                int i = 1;
                sql.setObject(i++, tenantId);
                sql.setString(i++, source);
                sql.setString(i++, r.id());
                sql.setString(i++, r.contactId());
                sql.setString(i++, r.campaignId());
                sql.setObject(i++, r.startedAt());
                sql.setObject(i++, r.durationSeconds(), Types.INTEGER);
                sql.setString(i++, r.direction());
                sql.setObject(i++, r.answered(), Types.BOOLEAN);
                sql.setString(i++, r.caller());
                sql.setString(i++, r.customerName());
                sql.setString(i++, r.customerEmail());
                sql.setString(i++, r.trackingNumber());
                sql.setString(i++, r.sourceName());
                sql.setString(i++, r.agent());
                sql.setString(i++, r.outcome());
                sql.setString(i++, r.recordingUrl());
                sql.setString(i++, r.transcript());
                sql.setString(i++, r.rawJson());
                sql.setInt(i, mappingVersion);
                sql.addBatch();
            }
            sql.executeBatch();
        }
    }

    /** Keeps a record that could not be mapped, with the reason; the run goes on. */
    public static void quarantine(Connection c, UUID tenantId, String source, String stream, UUID connectionId,
                                  UUID jobId, String raw, String reason) throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("insert into wh_quarantine (tenant_id, id, source, stream,"
                + " reason, raw, connection_id, job_id) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            sql.setObject(1, tenantId);
            sql.setObject(2, UUID.randomUUID());
            sql.setString(3, source);
            sql.setString(4, stream);
            sql.setString(5, reason);
            sql.setString(6, raw);
            sql.setObject(7, connectionId);
            sql.setObject(8, jobId);
            sql.executeUpdate();
        }
    }

    private static void upsert(Connection c, String table, String columns, UUID tenantId, String source,
                               int mappingVersion, Entity e, String... values) throws SQLException {
        String[] names = columns.split(", ");
        StringBuilder updates = new StringBuilder();
        for (String name : names) {
            updates.append(name).append(" = excluded.").append(name).append(", ");
        }
        String marks = "?, ".repeat(names.length);
        try (PreparedStatement sql = c.prepareStatement("insert into " + table + " (tenant_id, source, external_id, "
                + columns + ", raw, mapping_version) values (?, ?, ?, " + marks + "cast(? as jsonb), ?)"
                + " on conflict (tenant_id, source, external_id) do update set " + updates
                + "raw = excluded.raw, mapping_version = excluded.mapping_version, updated_at = now()")) {
            int i = 1;
            sql.setObject(i++, tenantId);
            sql.setString(i++, source);
            sql.setString(i++, e.id());
            for (String value : values) {
                if (value == null) {
                    sql.setNull(i++, Types.VARCHAR);
                } else {
                    sql.setString(i++, value);
                }
            }
            sql.setString(i++, e.rawJson());
            sql.setInt(i, mappingVersion);
            sql.executeUpdate();
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

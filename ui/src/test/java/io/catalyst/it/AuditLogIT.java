package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The audit log chains its entries, so `./catalyst audit verify` notices an entry changed behind its back; and the
 * server checkpoints each chain's head, signed, outside the database, so verify also notices a history rewritten with
 * every later hash recomputed, its newest entries deleted, or a whole chain deleted (docs/audit-integrity.md).
 *
 * <p>Each attack runs as the cluster's superuser on a chain of its own, and is undone exactly afterwards (the same
 * rows put back), so the server's checkpoints, which it never moves backwards, match the log again for later tests.
 */
class AuditLogIT {

    private static final Path ANCHOR = Path.of(Server.env("CATALYST_AUDIT_ANCHOR_DIR"));

    @Test
    void verifyPassesOnAnIntactLogAndNamesTheEntryThatWasAltered() throws Exception {
        UUID tenant = UUID.randomUUID();
        try (Connection admin = Server.superuser(); Statement sql = admin.createStatement()) {
            append(sql, tenant, 3);
            assertThat(chain(sql, tenant)).isEqualTo("1,2,3");
            awaitCheckpointed(tenant, 3);

            assertThat(launcher("audit", "verify")).startsWith("0:").contains("intact")
                    .containsPattern("\\d+ checkpoint records in \\d+ file\\(s\\)").contains("the newest checkpoint is from");

            save(sql, tenant);
            try {
                sql.execute("alter table audit_event disable trigger audit_event_no_change");
                sql.execute("update audit_event set after_state = '{\"step\": 42}' where tenant_id = '" + tenant
                        + "' and seq = 2");
                sql.execute("alter table audit_event enable trigger audit_event_no_change");
                String report = launcher("audit", "verify");
                assertThat(report).startsWith("1:").contains(tenant + " 2 content does not match its hash");
            } finally {
                restore(sql, tenant);
            }
        }
        assertThat(launcher("audit", "verify")).startsWith("0:");
    }

    @Test
    void anEntryRewrittenWithEveryLaterHashRecomputedIsCaughtByTheCheckpoints() throws Exception {
        UUID tenant = UUID.randomUUID();
        try (Connection admin = Server.superuser(); Statement sql = admin.createStatement()) {
            append(sql, tenant, 4);
            awaitCheckpointed(tenant, 4);
            save(sql, tenant);
            try {
                sql.execute("set session_replication_role = replica"); // this session's triggers off
                sql.execute("update audit_event set actor = 'someone else' where tenant_id = '" + tenant
                        + "' and seq = 2");
                sql.execute("""
                        do $$
                        declare
                          e audit_event;
                          prev text := repeat('0', 64);
                        begin
                          for e in select * from audit_event where tenant_id = '%s' order by seq loop
                            e.prev_hash := prev;
                            e.hash := audit_hash(e);
                            update audit_event set prev_hash = e.prev_hash, hash = e.hash
                             where tenant_id = e.tenant_id and seq = e.seq;
                            prev := e.hash;
                          end loop;
                        end $$""".formatted(tenant));
                sql.execute("set session_replication_role = origin");
                assertThat(count(sql, "select count(*) from audit_verify() where tenant_id = '" + tenant + "'"))
                        .as("the chain alone shows nothing").isZero();

                String report = launcher("audit", "verify");
                assertThat(report).startsWith("1:").contains("does not match its signed checkpoints")
                        // the server may have checkpointed the chain at entry 2 or 3 too, on its way to 4
                        .containsPattern(tenant + " ([234]) entry \\1 no longer has the hash checkpointed");
            } finally {
                restore(sql, tenant);
            }
        }
        assertThat(launcher("audit", "verify")).startsWith("0:");
    }

    @Test
    void theNewestEntriesDeletedAreCaughtByTheCheckpoints() throws Exception {
        UUID tenant = UUID.randomUUID();
        try (Connection admin = Server.superuser(); Statement sql = admin.createStatement()) {
            append(sql, tenant, 4);
            awaitCheckpointed(tenant, 4);
            save(sql, tenant);
            try {
                sql.execute("set session_replication_role = replica");
                sql.execute("delete from audit_event where tenant_id = '" + tenant + "' and seq > 2");
                sql.execute("set session_replication_role = origin");

                String report = launcher("audit", "verify");
                assertThat(report).startsWith("1:").contains(tenant + " 3 entries 3 to 4 were deleted");
            } finally {
                restore(sql, tenant);
            }
        }
        assertThat(launcher("audit", "verify")).startsWith("0:");
    }

    @Test
    void aWholeChainDeletedIsCaughtByTheCheckpoints() throws Exception {
        UUID tenant = UUID.randomUUID();
        try (Connection admin = Server.superuser(); Statement sql = admin.createStatement()) {
            append(sql, tenant, 2);
            awaitCheckpointed(tenant, 2);
            save(sql, tenant);
            try {
                sql.execute("set session_replication_role = replica");
                sql.execute("delete from audit_event where tenant_id = '" + tenant + "'");
                sql.execute("set session_replication_role = origin");

                String report = launcher("audit", "verify");
                assertThat(report).startsWith("1:").contains(tenant + " 2 the whole chain was deleted");
            } finally {
                restore(sql, tenant);
            }
        }
        assertThat(launcher("audit", "verify")).startsWith("0:");
    }

    @Test
    void aForgedCheckpointLineIsRefused() throws Exception {
        Path forged = ANCHOR.resolve("checkpoints-forger.log");
        Files.writeString(forged, String.join("\t", "purge", "2099-01-01T00:00:00Z", "forger",
                UUID.randomUUID().toString(), "-", "-", "-", "0".repeat(64)) + "\n");
        try {
            assertThat(launcher("audit", "verify")).startsWith("1:")
                    .contains("checkpoints - checkpoints-forger.log line 1: the signature does not verify");
        } finally {
            Files.delete(forged);
        }
        assertThat(launcher("audit", "verify")).startsWith("0:");
    }

    private static void append(Statement sql, UUID tenant, int entries) throws SQLException {
        for (int i = 0; i < entries; i++) {
            sql.execute("insert into audit_event (tenant_id, seq, id, occurred_at, actor, action, after_state,"
                    + " prev_hash, hash) values ('" + tenant + "', 0, '" + UUID.randomUUID() + "', now(),"
                    + " 'it', 'test.step', '{\"step\": " + i + "}', '', '')");
        }
    }

    // the server writes a chain's head into its checkpoint file within a few seconds (CATALYST_AUDIT_ANCHOR_SECONDS)
    private static void awaitCheckpointed(UUID tenant, long seq) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (var files = Files.list(ANCHOR)) {
                return files.filter(f -> f.getFileName().toString().startsWith("checkpoints-")).anyMatch(f -> {
                    try {
                        return Files.readAllLines(f).stream()
                                .anyMatch(line -> line.startsWith("head\t") && line.contains("\t" + tenant + "\t"
                                        + seq + "\t"));
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    // a copy of the chain in this session, to put back exactly as it was
    private static void save(Statement sql, UUID tenant) throws SQLException {
        sql.execute("create temp table saved as select * from audit_event where tenant_id = '" + tenant + "'");
    }

    private static void restore(Statement sql, UUID tenant) throws SQLException {
        sql.execute("set session_replication_role = replica");
        sql.execute("delete from audit_event where tenant_id = '" + tenant + "'");
        sql.execute("insert into audit_event select * from saved");
        sql.execute("set session_replication_role = origin");
        sql.execute("drop table saved");
    }

    private static String chain(Statement sql, UUID tenant) throws SQLException {
        try (ResultSet rows = sql.executeQuery("select string_agg(seq::text, ',' order by seq) from audit_event"
                + " where tenant_id = '" + tenant + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String launcher(String... args) {
        return Server.launcher(args);
    }
}

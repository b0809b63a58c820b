package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit log chains its entries, so `./catalyst audit verify` notices an entry changed behind its back. */
class AuditLogIT {

    @Test
    void verifyPassesOnAnIntactLogAndNamesTheEntryThatWasAltered() throws Exception {
        UUID tenant = UUID.randomUUID();
        try (Connection admin = Server.superuser(); Statement sql = admin.createStatement()) {
            for (int i = 0; i < 3; i++) {
                sql.execute("insert into audit_event (tenant_id, seq, id, occurred_at, actor, action, after_state,"
                        + " prev_hash, hash) values ('" + tenant + "', 0, '" + UUID.randomUUID() + "', now(),"
                        + " 'it', 'test.step', '{\"step\": " + i + "}', '', '')");
            }
            assertThat(chain(sql, tenant)).isEqualTo("1,2,3");

            assertThat(launcher("audit", "verify")).startsWith("0:").contains("intact");

            sql.execute("alter table audit_event disable trigger audit_event_no_change");
            try {
                sql.execute("update audit_event set after_state = '{\"step\": 42}' where tenant_id = '" + tenant
                        + "' and seq = 2");
                String report = launcher("audit", "verify");
                assertThat(report).startsWith("1:").contains(tenant + " 2 content does not match its hash");
            } finally {
                sql.execute("delete from audit_event where tenant_id = '" + tenant + "'");
                sql.execute("alter table audit_event enable trigger audit_event_no_change");
            }
        }
        assertThat(launcher("audit", "verify")).startsWith("0:");
    }

    private static String chain(Statement sql, UUID tenant) throws SQLException {
        try (ResultSet rows = sql.executeQuery("select string_agg(seq::text, ',' order by seq) from audit_event"
                + " where tenant_id = '" + tenant + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String launcher(String... args) {
        return Server.launcher(args);
    }
}

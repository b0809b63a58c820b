package io.catalyst.core.metrics;

import io.catalyst.api.metrics.SourceStatus;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** How fresh each of a tenant's connections is: its last successful sync and the channels it feeds. */
final class SourceReads {

    private SourceReads() {
    }

    static List<SourceStatus> read(Connection c, UUID tenantId) throws SQLException {
        // a connection feeds the channels of its connector's ad accounts (an account may name its own channel)
        String sql = """
                select c.id, c.connector, c.name, c.status,
                       (select max(j.finished_at) from sync_job j where j.tenant_id = c.tenant_id
                          and j.connection_id = c.id and j.status = 'SUCCEEDED') as last_loaded,
                       array(select distinct coalesce(a.channel, a.source) from wh_ad_account a
                              where a.tenant_id = c.tenant_id and a.source = c.connector) as channels
                from connection c where c.tenant_id = ? order by c.name, c.id""";
        List<SourceStatus> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, tenantId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Timestamp last = r.getTimestamp(5);
                    Array channels = r.getArray(6);
                    out.add(new SourceStatus(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                            r.getString(4), last == null ? null : last.toInstant(),
                            Set.of((String[]) channels.getArray())));
                }
            }
        }
        return out;
    }
}

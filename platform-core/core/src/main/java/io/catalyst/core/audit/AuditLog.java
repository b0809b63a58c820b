package io.catalyst.core.audit;

import io.catalyst.core.web.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;

/**
 * The append-only audit log. Each tenant has its own hash chain and the platform has one (under the nil UUID); the
 * database's trigger numbers and chains entries, so the chain cannot be computed two ways. An entry joins the
 * transaction of the action it records: if the action rolls back, so does its entry.
 */
@ApplicationScoped
public class AuditLog {

    /** The chain of platform actions: the nil UUID, which is also the tenant id bound where no tenant is meant. */
    public static final UUID PLATFORM_CHAIN = new UUID(0, 0);

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    AuditScopes scopes;

    @Inject
    RequestOrigin origin;

    @Inject
    Event<AuditEntry> recorded;

    public void record(AuditEntry entry) {
        UUID chain = entry.tenantId() == null ? PLATFORM_CHAIN : entry.tenantId();
        scopes.appending(chain, em -> insert(em, chain, entry));
        recorded.fire(entry); // observers that care only about committed actions observe AFTER_SUCCESS
    }

    /** A tenant's newest entries, newest first. */
    public List<AuditRecord> recent(UUID tenantId, int limit) {
        return scopes.reading(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = sql(em, "select seq, to_char(occurred_at at time zone 'UTC',"
                            + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), actor, action, target_type, target_id,"
                            + " before_state::text, after_state::text, source_ip, request_id, hash from audit_event"
                            + " where tenant_id = ?1 order by seq desc limit ?2")
                    .setParameter(1, tenantId)
                    .setParameter(2, Math.max(1, Math.min(limit, 500)))
                    .getResultList();
            return rows.stream().map(r -> new AuditRecord(((Number) r[0]).longValue(), (String) r[1],
                    (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                    (String) r[8], (String) r[9], (String) r[10])).toList();
        });
    }

    private int insert(EntityManager em, UUID chain, AuditEntry entry) {
        return sql(em, "insert into audit_event (tenant_id, seq, id, occurred_at, actor_id, actor, action,"
                        + " target_type, target_id, before_state, after_state, source_ip, request_id, prev_hash, hash)"
                        + " values (?1, 0, ?2, clock_timestamp(), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, '', '')")
                .setParameter(1, chain)
                .setParameter(2, UUID.randomUUID())
                .setParameter(3, entry.actorId())
                .setParameter(4, entry.actor())
                .setParameter(5, entry.action())
                .setParameter(6, entry.targetType())
                .setParameter(7, entry.targetId())
                .setParameter(8, json(entry.before()))
                .setParameter(9, json(entry.after()))
                .setParameter(10, origin.sourceAddress())
                .setParameter(11, origin.requestId())
                .executeUpdate();
    }

    // native SQL, which EclipseLink refuses in a unit with multitenant entities unless told per query (as Scopes.sql)
    private static Query sql(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true);
    }

    private static String json(Object state) {
        return state == null ? null : JSON.toJson(state);
    }
}

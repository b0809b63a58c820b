package io.catalyst.core.audit;

import io.catalyst.core.tenancy.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The append-only audit log. Each tenant has its own hash chain and the platform has one (under the nil UUID); the
 * database's trigger numbers and chains entries, so the chain cannot be computed two ways. An entry joins the
 * transaction of the action it records: if the action rolls back, so does its entry.
 */
@ApplicationScoped
public class AuditLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Scopes scopes;

    @Inject
    RequestOrigin origin;

    public void record(AuditEntry entry) {
        if (entry.tenantId() == null || Scopes.NO_TENANT.equals(entry.tenantId())) {
            scopes.platform(em -> insert(em, Scopes.NO_TENANT, entry));
        } else {
            scopes.tenant(entry.tenantId(), em -> insert(em, entry.tenantId(), entry));
        }
    }

    private int insert(EntityManager em, UUID chain, AuditEntry entry) {
        return em.createNativeQuery("insert into audit_event (tenant_id, seq, id, occurred_at, actor_id, actor, action,"
                        + " target_type, target_id, before_state, after_state, source_ip, request_id, prev_hash, hash)"
                        + " values (?1, 0, ?2, clock_timestamp(), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, '', '')")
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
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

    private static String json(Object state) {
        return state == null ? null : JSON.toJson(state);
    }
}

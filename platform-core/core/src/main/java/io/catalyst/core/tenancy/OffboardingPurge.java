package io.catalyst.core.tenancy;

import io.catalyst.core.audit.AuditCheckpoints;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.database.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes offboarded tenants whose grace period is over: every row they own, their audit chain included. Runs as
 * the owner role, the only one allowed to delete audit entries, one tenant per transaction. Safe on any number of
 * nodes: a second node finds nothing left to delete. The platform's own chain records each purge.
 */
@ApplicationScoped
public class OffboardingPurge {

    private static final Logger LOG = Logger.getLogger(OffboardingPurge.class.getName());

    @Resource(lookup = "jdbc/catalystOwner", shareable = false)
    DataSource owner;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditLog audit;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    @ConfigProperty(name = "catalyst.offboarding.check-seconds", defaultValue = "3600")
    long checkSeconds;

    void onSchemaReady(@Observes SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(this::purgeDue, checkSeconds, checkSeconds, TimeUnit.SECONDS);
    }

    /** Purges every tenant that is due; returns their ids. */
    public List<UUID> purgeDue() {
        List<UUID> purged = new ArrayList<>();
        try {
            for (UUID tenant : due()) {
                if (purge(tenant)) {
                    purged.add(tenant);
                    audit.record(new AuditEntry(null, null, "system", "tenancy.tenant.purged", "tenant",
                            tenant.toString(), null, Map.of("reason", "offboarding grace period over")));
                    LOG.info(() -> "Purged offboarded tenant " + tenant);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Purging offboarded tenants failed; the next run tries again", e);
        }
        return purged;
    }

    private List<UUID> due() throws SQLException {
        try (Connection db = owner.getConnection()) {
            db.setAutoCommit(false);
            platform(db, null);
            List<UUID> due = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement(
                    "select id from tenant where status = 'OFFBOARDING' and purge_after < now()");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getObject(1, UUID.class));
                }
            }
            db.commit();
            return due;
        }
    }

    private boolean purge(UUID tenant) throws SQLException {
        try (Connection db = owner.getConnection()) {
            db.setAutoCommit(false);
            try {
                platform(db, tenant);
                try (PreparedStatement audit = db.prepareStatement("delete from audit_event where tenant_id = ?");
                     PreparedStatement row = db.prepareStatement("delete from tenant where id = ?"
                             + " and status = 'OFFBOARDING' and purge_after < now()")) {
                    audit.setObject(1, tenant);
                    audit.executeUpdate();
                    purgePluginTables(db, tenant);
                    row.setObject(1, tenant); // every core table's rows follow by cascade
                    boolean deleted = row.executeUpdate() == 1;
                    db.commit();
                    if (deleted) {
                        // signed outside the database, so that audit verify tells this purge from a deletion
                        checkpoints.purged(tenant, db);
                    }
                    return deleted;
                }
            } catch (SQLException e) {
                db.rollback();
                throw e;
            }
        }
    }

    // plugins' tables (schema plugin_<id>) have no foreign key to tenant: their rows are deleted by name
    private static void purgePluginTables(Connection db, UUID tenant) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement find = db.prepareStatement("select format('%I.%I', c.table_schema, c.table_name)"
                + " from information_schema.columns c join information_schema.tables t using (table_schema, table_name)"
                + " where c.table_schema like 'plugin\\_%' and c.column_name = 'tenant_id'"
                + " and t.table_type = 'BASE TABLE'");
             ResultSet found = find.executeQuery()) {
            while (found.next()) {
                tables.add(found.getString(1));
            }
        }
        for (String table : tables) {
            try (PreparedStatement delete = db.prepareStatement("delete from " + table + " where tenant_id = ?")) {
                delete.setObject(1, tenant);
                delete.executeUpdate();
            }
        }
    }

    // The owner is held by row-level security too: it works as the platform, and declares the tenant it purges.
    private static void platform(Connection db, UUID purging) throws SQLException {
        try (PreparedStatement set = db.prepareStatement("select 1 from bind_scope(null, true, null),"
                + " set_config('app.purging', ?, true)")) {
            set.setString(1, purging == null ? "" : purging.toString());
            set.executeQuery().close();
        }
    }
}

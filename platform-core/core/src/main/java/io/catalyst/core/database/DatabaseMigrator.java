package io.catalyst.core.database;

import io.catalyst.core.web.Problems;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the Flyway migrations at startup, as the owner role. When the database cannot be reached yet, it retries
 * until it can; until then {@code /health/ready} reports DOWN rather than the app serving a stale schema.
 */
@ApplicationScoped
public class DatabaseMigrator {

    static final long RETRY_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());
    // The role name goes into GRANT statements as a placeholder: accept a plain identifier only.
    private static final Pattern PLAIN_ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    // Flyway manages its own connections and commits, so it must not share the request's connection.
    @Resource(lookup = "jdbc/catalystOwner", shareable = false)
    DataSource ownerDataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Database database;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile MigrationState state = new MigrationState(MigrationState.Status.PENDING, "not started");

    void onStartup(@Observes Startup startup) {
        migrateOrRetry();
    }

    public MigrationState state() {
        return state;
    }

    void migrateOrRetry() {
        try {
            MigrateResult result = migrate(appRole());
            state = new MigrationState(MigrationState.Status.DONE, "schema version " + result.targetSchemaVersion
                    + ", " + result.migrationsExecuted + " migration(s) applied by this start");
            LOG.info(() -> "Database migrations done: " + state.detail());
            schemaReady.fire(new SchemaReady(result.targetSchemaVersion));
        } catch (RuntimeException e) {
            if (Problems.isConnectionFailure(e)) {
                state = new MigrationState(MigrationState.Status.RETRYING,
                        "database unreachable, retrying every " + RETRY_SECONDS + " s");
                LOG.warning(() -> "Database unreachable for migrations; retrying in " + RETRY_SECONDS + " s: "
                        + rootMessage(e));
                scheduler.schedule(this::migrateOrRetry, RETRY_SECONDS, TimeUnit.SECONDS);
            } else {
                state = new MigrationState(MigrationState.Status.FAILED, rootMessage(e));
                LOG.log(Level.SEVERE, "Database migrations failed; Catalyst will not report ready", e);
            }
        }
    }

    private MigrateResult migrate(String appRole) {
        return Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(ownerDataSource)
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/callback")
                // Liberty needs an empty flyway.location marker in each folder; without it Flyway finds nothing
                .failOnMissingLocations(true)
                .placeholders(Map.of("app_role", appRole))
                .load()
                .migrate();
    }

    // The role that will be granted DML is the one the app really connects as, whatever the configuration says.
    private String appRole() {
        try (Connection connection = database.connect();
             Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("select current_user")) {
            row.next();
            String role = row.getString(1);
            if (!PLAIN_ROLE.matcher(role).matches()) {
                throw new IllegalStateException("The app role name '" + role
                        + "' is not a plain identifier (letters, digits, underscore); rename the role");
            }
            return role;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}

package io.catalyst.core.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the database answers, the migrations are done, and the app's role is one that row-level security
 * holds. Any of these failing takes the node out of service at {@code /health/ready}.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    DatabaseMigrator migrator;

    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        MigrationState migrations = migrator.state();
        response.withData("migrations", migrations.status().name());
        if (!migrations.done()) {
            return response.down().withData("reason", "migrations: " + migrations.detail()).build();
        }
        try {
            long started = System.nanoTime();
            RoleSafety role = database.roleSafety();
            response.withData("latencyMs", (System.nanoTime() - started) / 1_000_000);
            Optional<String> problem = role.problem();
            if (problem.isPresent()) {
                return response.down().withData("reason", problem.get()).build();
            }
            return response.up().build();
        } catch (DatabaseUnavailableException e) {
            return response.down().withData("reason", "database unreachable").build();
        }
    }
}

package io.catalyst.core.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A fresh database in the throwaway cluster {@code ./catalyst test} provides, migrated by the owner role exactly as
 * the server migrates, for tests of SQL-heavy code against real PostgreSQL without a server.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String url;

    public TestDatabase() throws SQLException {
        String clusterUrl = env("CATALYST_TEST_PG_URL");
        url = clusterUrl.substring(0, clusterUrl.lastIndexOf('/') + 1) + name;
        try (Connection admin = superuser(clusterUrl); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name + " owner " + env("CATALYST_DB_OWNER_USER"));
        }
        Flyway.configure(TestDatabase.class.getClassLoader())
                .dataSource(url, env("CATALYST_DB_OWNER_USER"), env("CATALYST_DB_OWNER_PASSWORD"))
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/callback")
                .placeholders(Map.of("app_role", env("CATALYST_DB_USER")))
                .load()
                .migrate();
    }

    /** A tenant row, made as the superuser. */
    public UUID tenant() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection admin = superuser(url);
             PreparedStatement insert = admin.prepareStatement("insert into tenant (id, slug, name) values (?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, "t-" + id.toString().substring(0, 8));
            insert.setString(3, "Tenant " + id);
            insert.executeUpdate();
        }
        return id;
    }

    /** The app role, in a transaction bound to the tenant as the server binds it (null: bound to none). */
    public Connection appFor(UUID tenant) throws SQLException {
        Connection app = DriverManager.getConnection(url, env("CATALYST_DB_USER"), env("CATALYST_DB_PASSWORD"));
        app.setAutoCommit(false);
        if (tenant != null) {
            try (PreparedStatement bind = app.prepareStatement("select bind_scope(?::uuid, false, null)")) {
                bind.setString(1, tenant.toString());
                bind.execute();
            }
        }
        return app;
    }

    /** The app role in platform scope (every tenant's rows), as the server's platform work runs. */
    public Connection appForPlatform() throws SQLException {
        Connection app = appFor(null);
        try (PreparedStatement bind = app.prepareStatement("select bind_scope(null, true, null)")) {
            bind.execute();
        }
        return app;
    }

    public Connection superuser() throws SQLException {
        return superuser(url);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws SQLException {
        String clusterUrl = env("CATALYST_TEST_PG_URL");
        try (Connection admin = superuser(clusterUrl); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static Connection superuser(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", env("CATALYST_TEST_PG_SUPERUSER_PASSWORD"));
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with ./catalyst test");
        }
        return value;
    }
}

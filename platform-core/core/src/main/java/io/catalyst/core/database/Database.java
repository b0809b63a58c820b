package io.catalyst.core.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The runtime connection to PostgreSQL, as the app role: it owns nothing and is subject to row-level security.
 * A connection that cannot be had becomes {@link DatabaseUnavailableException}, which clients see as a 503.
 */
@ApplicationScoped
public class Database {

    static final int QUERY_TIMEOUT_SECONDS = 3;

    @Resource(lookup = "jdbc/catalyst")
    DataSource dataSource;

    public Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }

    /** The newest applied migration, or empty while none has run. */
    public Optional<String> schemaVersion() {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "select version from flyway_schema_history where success and version is not null"
                             + " order by installed_rank desc limit 1")) {
            query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // undefined table: nothing migrated yet
                return Optional.empty();
            }
            throw new DatabaseUnavailableException(e);
        }
    }

    /** What the connected role may do that it should not. */
    public RoleSafety roleSafety() {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(RoleSafety.QUERY)) {
            query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new RoleSafety(row.getString("rolname"), row.getBoolean("rolsuper"),
                        row.getBoolean("rolbypassrls"), row.getLong("owned"));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }
}

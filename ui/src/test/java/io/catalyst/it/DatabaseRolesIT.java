package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app runs as a role that row-level security holds; the schema belongs to the owner role that migrated it. */
class DatabaseRolesIT {

    private static final String APP = Server.env("CATALYST_DB_USER");
    private static final String OWNER = Server.env("CATALYST_DB_OWNER_USER");

    @Test
    void theServerConnectsAsTheAppRole() throws SQLException {
        assertThat(Server.get("/api/system").statusCode()).isEqualTo(200); // makes sure a session is open

        List<String> users = strings("select usename from pg_stat_activity where application_name = 'catalyst'");

        assertThat(users).isNotEmpty().containsOnly(APP);
        assertThat(APP).isNotEqualTo(OWNER);
    }

    @Test
    void theAppRoleCannotBypassRowLevelSecurityAndOwnsNothing() throws SQLException {
        assertThat(strings("select rolsuper::text || ',' || rolbypassrls::text from pg_roles where rolname = '"
                + APP + "'")).containsExactly("false,false");
        assertThat(strings("select count(*)::text from pg_class c join pg_roles r on r.oid = c.relowner"
                + " where r.rolname = '" + APP + "'")).containsExactly("0");
        assertThat(strings("select count(*)::text from pg_namespace n join pg_roles r on r.oid = n.nspowner"
                + " where r.rolname = '" + APP + "'")).containsExactly("0");
    }

    @Test
    void migrationsRanAsTheOwnerWhoOwnsEveryTable() throws SQLException {
        assertThat(strings("select distinct installed_by from flyway_schema_history")).containsExactly(OWNER);
        assertThat(strings("select version from flyway_schema_history where success and version is not null"))
                .contains("1");
        assertThat(strings("select distinct tableowner from pg_tables where schemaname = 'public'"))
                .containsExactly(OWNER);
    }

    @Test
    void theAppRoleCannotChangeTheSchema() throws SQLException {
        try (Connection app = Server.appRole(); Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute("create table sneaky (id int)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.execute("drop table flyway_schema_history"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    private static List<String> strings(String query) throws SQLException {
        return Server.strings(query);
    }
}

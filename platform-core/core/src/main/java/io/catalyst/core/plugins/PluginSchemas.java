package io.catalyst.core.plugins;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A plugin's own tables: its Flyway migrations ({@code src/main/resources/db/plugin/V1__*.sql} in the plugin) run in
 * a schema named after it, {@code plugin_<id>}, by the owner role, under the same rules as the core: every table with
 * a {@code tenant_id} column must have forced row-level security (call {@code public.enable_tenant_rls('<table>')}),
 * and the app role owns nothing. A plugin that breaks a rule is not run.
 */
@ApplicationScoped
public class PluginSchemas {

    /** Where a plugin keeps its migrations. */
    public static final String LOCATION = "db/plugin";

    @Resource(lookup = "jdbc/catalystOwner", shareable = false)
    DataSource ownerDataSource;

    @Resource(lookup = "jdbc/catalyst")
    DataSource appDataSource;

    /** The schema of a plugin's tables. */
    public static String schemaOf(String pluginId) {
        return "plugin_" + pluginId.replace('-', '_');
    }

    /** Runs the plugin's pending migrations, if it has any, and checks the result. */
    public void migrate(String pluginId, ClassLoader pluginLoader) {
        if (pluginLoader.getResource(LOCATION) == null) {
            return; // a plugin without tables
        }
        String schema = schemaOf(pluginId);
        String appRole = appRole();
        try (Connection owner = ownerDataSource.getConnection(); Statement sql = owner.createStatement()) {
            sql.execute("create schema if not exists " + schema);
            sql.execute("grant usage on schema " + schema + " to " + appRole);
            sql.execute("alter default privileges in schema " + schema
                    + " grant select, insert, update, delete on tables to " + appRole);
            sql.execute("alter default privileges in schema " + schema + " grant usage, select on sequences to "
                    + appRole);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare schema " + schema + ": " + e.getMessage(), e);
        }
        Flyway.configure(pluginLoader)
                .dataSource(ownerDataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:" + LOCATION)
                .placeholders(Map.of("app_role", appRole, "schema", schema))
                .load()
                .migrate();
        List<String> problems = check(schema, appRole);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    private List<String> check(String schema, String appRole) {
        List<String> problems = new ArrayList<>();
        try (Connection owner = ownerDataSource.getConnection();
             PreparedStatement query = owner.prepareStatement("select c.relname, c.relrowsecurity,"
                     + " c.relforcerowsecurity, pg_get_userbyid(c.relowner) = ?,"
                     + " exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'"
                     + " and not a.attisdropped)"
                     + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname = ? and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'")) {
            query.setString(1, appRole);
            query.setString(2, schema);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String table = schema + "." + row.getString(1);
                    if (row.getBoolean(4)) {
                        problems.add(table + " is owned by the app role");
                    }
                    if (!row.getBoolean(5)) {
                        problems.add(table + " has no tenant_id column: plugin tables hold tenant data only");
                    } else if (!row.getBoolean(2) || !row.getBoolean(3)) {
                        problems.add(table + " lacks forced row-level security: call public.enable_tenant_rls('"
                                + table + "')");
                    }
                }
            }
        } catch (SQLException e) {
            problems.add("could not check the tables of " + schema + ": " + e.getMessage());
        }
        return problems;
    }

    private String appRole() {
        try (Connection app = appDataSource.getConnection(); Statement sql = app.createStatement();
             ResultSet row = sql.executeQuery("select current_user")) {
            row.next();
            String role = row.getString(1);
            if (!role.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new IllegalStateException("The app role's name is not a plain identifier: " + role);
            }
            return role;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find the app role: " + e.getMessage(), e);
        }
    }
}

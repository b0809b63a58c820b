package io.catalyst.core.plugins;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * a schema named after it, {@code plugin_<id>}, as the plugin's own schema role (never the owner, see
 * {@link PluginDatabases}), under the same rules as the core: every table has a {@code tenant_id} column and forced
 * row-level security with the tenant policy (call {@code public.enable_tenant_rls('<table>')}), no
 * {@code SECURITY DEFINER} function, nothing outside the schema, no grant to anyone but the plugin's runtime role and
 * the app role. A plugin that breaks a rule is not run.
 */
@ApplicationScoped
public class PluginSchemas {

    /** Where a plugin keeps its migrations. */
    public static final String LOCATION = "db/plugin";

    @Resource(lookup = "jdbc/catalystOwner", shareable = false)
    DataSource ownerDataSource;

    @Resource(lookup = "jdbc/catalyst")
    DataSource appDataSource;

    @Inject
    PluginDatabases databases;

    /** The schema of a plugin's tables. */
    public static String schemaOf(String pluginId) {
        return "plugin_" + pluginId.replace('-', '_');
    }

    /** Runs the plugin's pending migrations, if it has any, and checks the result. */
    public void migrate(String pluginId, ClassLoader pluginLoader) {
        databases.close(pluginId); // an upgrade or restart: connections of the old start go
        if (pluginLoader.getResource(LOCATION) == null) {
            return; // a plugin without tables
        }
        String schema = schemaOf(pluginId);
        String appRole = appRole();
        PluginDatabases.Roles roles = databases.roles(pluginId);
        prepare(schema, roles, appRole);
        Flyway.configure(pluginLoader)
                .dataSource(databases.schemaLogin(pluginId))
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .locations("classpath:" + LOCATION)
                .placeholders(Map.of("app_role", appRole, "schema", schema, "plugin_role", roles.runtimeRole()))
                .load()
                .migrate();
        List<String> problems = check(schema, roles, appRole);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        grant(schema, roles, appRole);
        databases.prepared(pluginId);
    }

    /** As the owner: the plugin's two roles, its schema owned by the schema role, and the runtime role's access. */
    private void prepare(String schema, PluginDatabases.Roles roles, String appRole) {
        String owner = roles.schemaRole();
        String runtime = roles.runtimeRole();
        try (Connection db = ownerDataSource.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            try {
                // two nodes starting the same plugin must not both create its roles
                sql.execute("select pg_advisory_xact_lock(hashtext('catalyst plugin roles'))");
                for (String role : List.of(owner, runtime)) {
                    if (!exists(db, "select 1 from pg_roles where rolname = ?", role)) {
                        sql.execute("create role " + role);
                    }
                    // SUPERUSER, REPLICATION and BYPASSRLS are off from CREATE ROLE on, and only a superuser could
                    // turn them on (or even name them in ALTER ROLE): they are checked below instead
                    sql.execute("alter role " + role + " login nocreatedb nocreaterole noinherit "
                            + databases.passwordClause(role));
                    sql.execute("grant connect on database " + quoted(db, "select current_database()") + " to "
                            + role);
                }
                List<String> unsafe = strings(db, "select r.rolname from pg_roles r where r.rolname in (?, ?)"
                        + " and (r.rolsuper or r.rolbypassrls or r.rolreplication or exists (select 1 from"
                        + " pg_auth_members m where m.member = r.oid))", owner, runtime);
                if (!unsafe.isEmpty()) {
                    throw new IllegalStateException("the database role(s) " + unsafe + " exist with more than a"
                            + " plugin may have (superuser, BYPASSRLS, replication, or membership in another role)");
                }
                // the owner acts for the schema role (grants, offboarding's purge); never the other way round
                if (!exists(db, "select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid"
                        + " join pg_roles u on u.oid = m.member where r.rolname = ? and u.rolname = current_user",
                        owner)) {
                    sql.execute("grant " + owner + " to current_user");
                }
                if (!exists(db, "select 1 from pg_namespace where nspname = ?", schema)) {
                    sql.execute("create schema " + schema + " authorization " + owner);
                } else {
                    adopt(db, sql, schema, owner);
                }
                sql.execute("grant execute on function public.enable_tenant_rls(regclass) to " + owner);
                sql.execute("grant usage on schema " + schema + " to " + runtime + ", " + appRole);
                sql.execute("alter default privileges for role " + owner + " in schema " + schema
                        + " grant select, insert, update, delete on tables to " + runtime + ", " + appRole);
                sql.execute("alter default privileges for role " + owner + " in schema " + schema
                        + " grant usage, select on sequences to " + runtime + ", " + appRole);
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            String hint = "42501".equals(e.getSQLState())
                    ? " (the owner role needs CREATEROLE to give plugins database roles of their own:"
                    + " ALTER ROLE <owner> CREATEROLE, see docs/configuration.md)" : "";
            throw new IllegalStateException("Could not prepare schema " + schema + ": " + e.getMessage() + hint, e);
        }
    }

    /**
     * A schema made before plugins had roles of their own belonged to the owner: it and its objects pass to the
     * schema role (whose checks then apply to them too).
     */
    private static void adopt(Connection db, Statement sql, String schema, String owner) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (PreparedStatement find = db.prepareStatement("""
                select format('alter schema %I owner to %I', n.nspname, $2) from pg_namespace n
                 where n.nspname = $1 and pg_get_userbyid(n.nspowner) <> $2
                union all
                select format('alter %s %s owner to %I', case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                         when 'm' then 'materialized view' else 'table' end, c.oid::regclass, $2)
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = $1 and c.relkind in ('r', 'p', 'S', 'v', 'm')
                   and pg_get_userbyid(c.relowner) <> $2
                   and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                   and d.objid = c.oid and d.deptype in ('a', 'i'))
                union all
                select format('alter routine %s owner to %I', p.oid::regprocedure, $2)
                  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = $1 and pg_get_userbyid(p.proowner) <> $2""".replace("$1", "?").replace("$2", "?"))) {
            find.setString(1, owner);
            find.setString(2, schema);
            find.setString(3, owner);
            find.setString(4, owner);
            find.setString(5, schema);
            find.setString(6, owner);
            find.setString(7, owner);
            find.setString(8, schema);
            find.setString(9, owner);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    changes.add(rows.getString(1));
                }
            }
        }
        for (String change : changes) {
            sql.execute(change);
        }
    }

    /** What the migrations left, checked as the owner: the rules a plugin's schema must keep. */
    private List<String> check(String schema, PluginDatabases.Roles roles, String appRole) {
        List<String> problems = new ArrayList<>();
        try (Connection db = ownerDataSource.getConnection()) {
            // tables: tenant_id, forced RLS, the tenant policy and no other permissive one, owned by the schema role
            try (PreparedStatement query = db.prepareStatement("select c.relname, c.relrowsecurity,"
                    + " c.relforcerowsecurity, pg_get_userbyid(c.relowner),"
                    + " exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'"
                    + " and not a.attisdropped),"
                    + " (select string_agg(p.polname, ', ') from pg_policy p where p.polrelid = c.oid"
                    + "   and p.polpermissive and (p.polname <> 'tenant_isolation'"
                    + "   or pg_get_expr(p.polqual, p.polrelid) is distinct from (select pg_get_expr(r.polqual,"
                    + "      r.polrelid) from pg_policy r where r.polrelid = 'public.custom_role'::regclass"
                    + "      and r.polname = 'tenant_isolation')"
                    + "   or pg_get_expr(p.polwithcheck, p.polrelid) is distinct from (select pg_get_expr("
                    + "      r.polwithcheck, r.polrelid) from pg_policy r where r.polrelid = 'public.custom_role'::regclass"
                    + "      and r.polname = 'tenant_isolation')))"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = ? and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'")) {
                query.setString(1, schema);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        String table = schema + "." + row.getString(1);
                        if (!roles.schemaRole().equals(row.getString(4))) {
                            problems.add(table + " is owned by " + row.getString(4) + ", not the plugin's schema role");
                        }
                        if (!row.getBoolean(5)) {
                            problems.add(table + " has no tenant_id column: plugin tables hold tenant data only");
                        } else if (!row.getBoolean(2) || !row.getBoolean(3)) {
                            problems.add(table + " lacks forced row-level security: call public.enable_tenant_rls('"
                                    + table + "')");
                        }
                        if (row.getString(6) != null) {
                            problems.add(table + " has policies other than the tenant policy that widen access ("
                                    + row.getString(6) + "): only public.enable_tenant_rls() makes policies");
                        }
                    }
                }
            }
            for (String function : strings(db, "select p.oid::regprocedure::text from pg_proc p"
                    + " join pg_namespace n on n.oid = p.pronamespace where n.nspname = ? and p.prosecdef", schema)) {
                problems.add(function + " is a SECURITY DEFINER function: plugin migrations may not define any");
            }
            for (String object : strings(db, """
                    select 'relation ' || c.oid::regclass::text from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                     where pg_get_userbyid(c.relowner) in (?, ?) and n.nspname <> ? and n.nspname not like 'pg\\_temp%'
                       and n.nspname not like 'pg\\_toast%'
                    union all select 'function ' || p.oid::regprocedure::text from pg_proc p
                      join pg_namespace n on n.oid = p.pronamespace
                     where pg_get_userbyid(p.proowner) in (?, ?) and n.nspname <> ?
                    union all select 'schema ' || nspname from pg_namespace
                     where pg_get_userbyid(nspowner) in (?, ?) and nspname <> ?
                       and nspname not like 'pg\\_temp%' and nspname not like 'pg\\_toast%'""",
                    roles.schemaRole(), roles.runtimeRole(), schema, roles.schemaRole(), roles.runtimeRole(), schema,
                    roles.schemaRole(), roles.runtimeRole(), schema)) {
                problems.add(object + " was created outside " + schema + ": plugin migrations create only there");
            }
            for (String grant : strings(db, """
                    select distinct c.relname || ' to ' || case when a.grantee = 0 then 'PUBLIC'
                           else pg_get_userbyid(a.grantee) end
                      from pg_class c join pg_namespace n on n.oid = c.relnamespace,
                           lateral aclexplode(c.relacl) a
                     where n.nspname = ? and a.grantee <> c.relowner
                       and (a.grantee = 0 or pg_get_userbyid(a.grantee) not in (?, ?))""",
                    schema, roles.runtimeRole(), appRole)) {
                problems.add(schema + " grants " + grant + ": only the plugin's own roles and the app may reach it");
            }
        } catch (SQLException e) {
            problems.add("could not check the tables of " + schema + ": " + e.getMessage());
        }
        return problems;
    }

    /** Tables made before the default privileges (or by an adopted schema) get the same grants. */
    private void grant(String schema, PluginDatabases.Roles roles, String appRole) {
        try (Connection db = ownerDataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("grant select, insert, update, delete on all tables in schema " + schema + " to "
                    + roles.runtimeRole() + ", " + appRole);
            sql.execute("grant usage, select on all sequences in schema " + schema + " to " + roles.runtimeRole()
                    + ", " + appRole);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the plugin's role its tables: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection db, String query, String value) throws SQLException {
        return !strings(db, query, value).isEmpty();
    }

    private static String quoted(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(
                "select quote_ident((" + query + "))")) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> strings(Connection db, String query, String... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
            return out;
        }
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
            throw new IllegalStateException("The app role could not be found: " + e.getMessage(), e);
        }
    }
}

package io.catalyst.core.plugins;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.catalyst.api.host.PluginData;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PasswordUtil;

/**
 * Each plugin's own database roles, and the connections its SQL runs on.
 *
 * <p>A plugin with tables gets two login roles, named after the database and the plugin
 * ({@code <db>_schema_<id>} and {@code <db>_plugin_<id>}):
 * <ul>
 *   <li>the <b>schema role</b> owns the schema {@code plugin_<id>} and everything in it, and runs the plugin's
 *       migrations: it can create only there (public is closed to everyone but the owner, V1), and may execute
 *       {@code enable_tenant_rls};</li>
 *   <li>the <b>runtime role</b> runs {@code ctx.data()}: DML on the schema's tables and use of its sequences, and
 *       {@code current_tenant()}/{@code platform_scope()}, nothing else. It owns nothing, so it cannot switch RLS off,
 *       and it is a login of its own, so {@code RESET ROLE} or {@code set_config('role', ...)} has no other role to
 *       fall back to.</li>
 * </ul>
 * The owner role creates them (it needs CREATEROLE) and is made a member of the schema role, so it can still purge an
 * offboarded tenant's rows and grant the app role its access. Passwords are HMAC-SHA-256 of the role name under the
 * database's scope key ({@code scope_key}, readable by the owner only), so every node derives the same one and none
 * is stored or logged; {@code ALTER ROLE} gets a SCRAM verifier computed here, never the password.
 *
 * <p>Every {@code data()} call is one transaction on a small pool of the runtime role's connections (HikariCP),
 * bound to the tenant with a binding the host signs with the same key: HMAC over the tenant, the backend's pid and
 * the transaction's start, which {@code current_tenant()} verifies. Plugin SQL can read that signature but can forge
 * no other, and a signature is worthless outside its transaction.
 */
@ApplicationScoped
public class PluginDatabases {

    private static final Logger LOG = Logger.getLogger(PluginDatabases.class.getName());
    private static final int MAX_ROLE = 63;

    @Resource(lookup = "jdbc/catalystOwner", shareable = false)
    DataSource ownerDataSource;

    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();
    private volatile Facts facts;

    /** What the host learns once from the owner's connection. */
    private record Facts(String url, String database, byte[] key) {
    }

    /** The two roles of one plugin. */
    public record Roles(String schemaRole, String runtimeRole) {
    }

    /** The plugin's roles in this database. */
    public Roles roles(String pluginId) {
        String database = facts().database();
        String id = pluginId.replace('-', '_');
        return new Roles(roleName(database, "schema", id), roleName(database, "plugin", id));
    }

    /** {@code <db>_<kind>_<id>}, cut and suffixed with a hash when longer than PostgreSQL's 63 bytes. */
    static String roleName(String database, String kind, String id) {
        String db = database.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = db + "_" + kind + "_" + id;
        if (name.length() <= MAX_ROLE) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, MAX_ROLE - 9) + "_" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A login as the plugin's schema role: Flyway runs the plugin's migrations with it. */
    DataSource schemaLogin(String pluginId) {
        return login(roles(pluginId).schemaRole(), "catalyst-plugin-migrations");
    }

    /** Marks the plugin as having tables on this node: its {@code data()} may run. */
    void prepared(String pluginId) {
        prepared.add(pluginId);
    }

    /** The password of a plugin role: the same on every node, never stored. */
    String password(String role) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(facts().key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("login|" + role).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** The SQL that sets a role's password, with a SCRAM verifier rather than the password itself. */
    String passwordClause(String role) {
        return "password '" + PasswordUtil.encodeScramSha256(password(role).toCharArray()) + "'";
    }

    /** The binding's signature, as {@code scope_sig} computes it in SQL. */
    String signature(String tenant, String platform, String user, int pid, long transactionMicros) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(facts().key(), "HmacSHA256"));
            String message = String.join("|", tenant, platform, user, Integer.toString(pid),
                    Long.toString(transactionMicros));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** {@code ctx.data()} for one plugin in one tenant. */
    public PluginData data(String pluginId, UUID tenantId) {
        String schema = PluginSchemas.schemaOf(pluginId);
        return new PluginData() {
            @Override
            public List<Map<String, Object>> query(String sql, Object... params) {
                return run(pluginId, tenantId, schema, sql, params, true).rows();
            }

            @Override
            public int update(String sql, Object... params) {
                return run(pluginId, tenantId, schema, sql, params, false).count();
            }
        };
    }

    private record Outcome(List<Map<String, Object>> rows, int count) {
    }

    private Outcome run(String pluginId, UUID tenantId, String schema, String sql, Object[] params, boolean query) {
        if (!prepared.contains(pluginId)) {
            throw new IllegalStateException("plugin " + pluginId + " has no tables on this server: ctx.data() needs"
                    + " migrations in db/plugin/ (docs/plugin-sdk.md, \"Your plugin's tables\")");
        }
        try (Connection connection = pool(pluginId).getConnection()) {
            try {
                bind(connection, tenantId, schema);
                Outcome outcome;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        statement.setObject(i + 1, params[i]);
                    }
                    if (query) {
                        try (ResultSet rows = statement.executeQuery()) {
                            outcome = new Outcome(rows(rows), 0);
                        }
                    } else {
                        outcome = new Outcome(List.of(), statement.executeUpdate());
                    }
                }
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL of plugin " + pluginId + " failed: " + e.getMessage(), e);
        }
    }

    /** Binds the transaction to the tenant, signed for this backend and this transaction, and sets the path. */
    private void bind(Connection connection, UUID tenantId, String schema) throws SQLException {
        int pid;
        long micros;
        try (PreparedStatement now = connection.prepareStatement("select pg_backend_pid(),"
                + " ((extract(epoch from transaction_timestamp()) * 1000000)::bigint)");
             ResultSet row = now.executeQuery()) {
            row.next();
            pid = row.getInt(1);
            micros = row.getLong(2);
        }
        String tenant = tenantId.toString();
        try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true),"
                + " set_config('app.platform', 'off', true), set_config('app.user_id', '', true),"
                + " set_config('app.scope_sig', ?, true), set_config('search_path', ?, true)")) {
            set.setString(1, tenant);
            set.setString(2, signature(tenant, "off", "", pid, micros));
            set.setString(3, schema + ", public");
            set.executeQuery().close();
        }
    }

    /** A row as plugins get it: lower-case column names, timestamps as {@code OffsetDateTime} in UTC. */
    private static List<Map<String, Object>> rows(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rows.getObject(i);
                if (value instanceof java.sql.Timestamp timestamp) {
                    value = OffsetDateTime.ofInstant(timestamp.toInstant(), ZoneOffset.UTC);
                } else if (value instanceof java.sql.Date date) {
                    value = date.toLocalDate();
                }
                row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
            }
            out.add(row);
        }
        return out;
    }

    private HikariDataSource pool(String pluginId) {
        return pools.computeIfAbsent(pluginId, id -> {
            HikariConfig config = new HikariConfig();
            config.setDataSource(login(roles(id).runtimeRole(), "catalyst-plugin-" + id));
            config.setPoolName("catalyst-plugin-" + id);
            config.setAutoCommit(false);
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            config.setIdleTimeout(60_000);
            config.setMaxLifetime(30 * 60_000);
            config.setConnectionTimeout(10_000);
            config.setInitializationFailTimeout(-1); // connect on first use, not here
            return new HikariDataSource(config);
        });
    }

    /** Closes the plugin's connections (it stopped, is upgraded or uninstalled); a later call opens new ones. */
    void close(String pluginId) {
        prepared.remove(pluginId);
        HikariDataSource pool = pools.remove(pluginId);
        if (pool != null) {
            pool.close();
        }
    }

    /**
     * The plugin was uninstalled: its connections close and its roles may no longer sign in (its schema, data and
     * roles stay for a reinstall, which lets them sign in again).
     */
    void retire(String pluginId) {
        close(pluginId);
        Roles roles = roles(pluginId);
        try (Connection db = ownerDataSource.getConnection();
             PreparedStatement find = db.prepareStatement("select rolname from pg_roles where rolname in (?, ?)")) {
            find.setString(1, roles.schemaRole());
            find.setString(2, roles.runtimeRole());
            List<String> existing = new ArrayList<>();
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
            for (String role : existing) {
                try (PreparedStatement alter = db.prepareStatement("alter role " + role + " nologin")) {
                    alter.execute();
                }
            }
        } catch (SQLException e) {
            LOG.warning(() -> "The database roles of plugin " + pluginId + " could not be locked: " + e.getMessage());
        }
    }

    @PreDestroy
    void closeAll() {
        List.copyOf(pools.keySet()).forEach(this::close);
    }

    private DataSource login(String role, String applicationName) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(facts().url());
        source.setUser(role);
        source.setPassword(password(role));
        source.setApplicationName(applicationName);
        source.setConnectTimeout(5);
        source.setSocketTimeout(60);
        source.setStringType("unspecified");
        return source;
    }

    private Facts facts() {
        Facts known = facts;
        if (known == null) {
            try (Connection owner = ownerDataSource.getConnection();
                 PreparedStatement query = owner.prepareStatement("select current_database(), k from scope_key");
                 ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the scope key is missing (migration V13)");
                }
                String url = owner.getMetaData().getURL();
                known = new Facts(url, row.getString(1), row.getBytes(2));
                facts = known;
                LOG.fine(() -> "Plugin roles connect to " + url.replaceAll("\\?.*", ""));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the database's scope key: " + e.getMessage(), e);
            }
        }
        return known;
    }
}

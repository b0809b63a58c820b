package io.catalyst.api.host;

import java.util.List;
import java.util.Map;

/**
 * SQL on the plugin's own database schema, {@code plugin_<id>} (dashes become underscores), whose tables the plugin's
 * migrations create (see {@code docs/plugin-sdk.md}, "Your plugin's tables"). Only a plugin with migrations in
 * {@code db/plugin/} has a schema; for any other, every call throws {@link IllegalStateException}.
 *
 * <p>Each call is its own transaction, on a connection that logs in as the plugin's own database role, bound to the
 * context's tenant, with the search path set to the plugin's schema, then {@code public}. That role reaches the
 * plugin's tables (SELECT, INSERT, UPDATE, DELETE, and its sequences) and the functions
 * {@code public.current_tenant()} and {@code public.platform_scope()}, nothing else: the core's tables, other
 * plugins' schemas and every other function answer "permission denied". Every plugin table is under forced row-level
 * security, so only the current tenant's rows are visible or writable. The tenant binding is signed by the host for
 * this one transaction: setting {@code app.tenant_id} or {@code app.platform} with {@code set_config} does not change
 * the tenant; it makes {@code current_tenant()} fail, and with it the statement.
 *
 * <p>Parameters are positional JDBC {@code ?} markers; never concatenate values into the SQL text. Rows come back as
 * maps keyed by lower-case column name; {@code timestamptz} values are {@code java.time.OffsetDateTime} (UTC) and
 * {@code date} values {@code java.time.LocalDate}. A table's {@code tenant_id} can default to
 * {@code public.current_tenant()}. SQL that fails throws an unchecked exception with the database's message.
 */
public interface PluginData {

    /**
     * Runs a query.
     *
     * @return one map per row, column label to value, in column order
     */
    List<Map<String, Object>> query(String sql, Object... params);

    /**
     * Runs an INSERT, UPDATE or DELETE.
     *
     * @return the number of rows changed
     */
    int update(String sql, Object... params);
}

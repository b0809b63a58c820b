package io.catalyst.api.host;

import java.util.List;
import java.util.Map;

/**
 * SQL on the plugin's own database schema, {@code plugin_<id>} (dashes become underscores), whose tables the plugin's
 * migrations create (see {@code docs/plugin-sdk.md}, "Your plugin's tables"). The host sets the search path to that
 * schema, then {@code public}, and binds row-level security to the current tenant, so tables under RLS show only the
 * current tenant's rows. Name only your own tables: the search path does not stop SQL on other schemas yet. Each call
 * is its own transaction. Parameters are positional
 * JDBC {@code ?} markers; never concatenate values into the SQL text. Rows come back as maps keyed by lower-case
 * column name; {@code timestamptz} values are {@code java.time.OffsetDateTime} (UTC) and {@code date} values
 * {@code java.time.LocalDate}. A table's {@code tenant_id} can default to {@code public.current_tenant()}.
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

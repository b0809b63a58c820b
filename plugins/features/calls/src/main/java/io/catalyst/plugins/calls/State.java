package io.catalyst.plugins.calls;

import io.catalyst.api.PluginContext;
import java.util.List;
import java.util.Map;

/** Small named values of the company's calls: the warehouse read cursors. */
final class State {

    private State() {
    }

    static String get(PluginContext ctx, String key) {
        List<Map<String, Object>> rows = ctx.data().query("select value from calls_state where key = ?", key);
        return rows.isEmpty() ? null : (String) rows.get(0).get("value");
    }

    static void put(PluginContext ctx, String key, String value) {
        ctx.data().update("insert into calls_state (key, value) values (?, ?) on conflict (tenant_id, key)"
                + " do update set value = excluded.value", key, value);
    }
}

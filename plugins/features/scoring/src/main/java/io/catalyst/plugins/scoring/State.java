package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import java.util.List;
import java.util.Map;

/** Small named values of the company's scoring: read cursors, the training's progress. */
final class State {

    private State() {
    }

    static String get(PluginContext ctx, String key) {
        List<Map<String, Object>> rows = ctx.data().query("select value from scoring_state where key = ?", key);
        return rows.isEmpty() ? null : (String) rows.get(0).get("value");
    }

    static void put(PluginContext ctx, String key, String value) {
        ctx.data().update("insert into scoring_state (key, value) values (?, ?) on conflict (tenant_id, key)"
                + " do update set value = excluded.value, updated_at = now()", key, value);
    }
}

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

    /**
     * Takes a named lock of the company's calls for one run of a job, so two runs (two nodes, two requested runs)
     * never work at once. A lock older than {@code staleMinutes} counts as left behind by a run that died.
     *
     * @return false if another run holds it
     */
    static boolean lock(PluginContext ctx, String name, int staleMinutes) {
        return !ctx.data().query("insert into calls_state (key, value, updated_at) values (?, 'held', now())"
                + " on conflict (tenant_id, key) do update set value = 'held', updated_at = now()"
                + " where calls_state.value = 'free' or calls_state.updated_at < now() - make_interval(mins => ?)"
                + " returning key", "lock." + name, staleMinutes).isEmpty();
    }

    static void unlock(PluginContext ctx, String name) {
        ctx.data().update("update calls_state set value = 'free', updated_at = now() where key = ?", "lock." + name);
    }

    static void put(PluginContext ctx, String key, String value) {
        ctx.data().update("insert into calls_state (key, value) values (?, ?) on conflict (tenant_id, key)"
                + " do update set value = excluded.value", key, value);
    }
}

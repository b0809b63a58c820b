package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import java.util.Optional;
import java.util.UUID;

/** The intake's idempotency keys: which lead a key's first post made. */
final class Intakes {

    private Intakes() {
    }

    static Optional<UUID> lead(PluginContext ctx, String key) {
        return ctx.data().query("select lead_id from scoring_intake_key where key = ?", key).stream().findFirst()
                .map(r -> (UUID) r.get("lead_id"));
    }

    /** Keeps the key; a concurrent post with the same key that got here first wins, and this one is forgotten. */
    static void remember(PluginContext ctx, String key, UUID lead) {
        ctx.data().update("insert into scoring_intake_key (key, lead_id) values (?, ?) on conflict do nothing", key,
                lead);
    }
}

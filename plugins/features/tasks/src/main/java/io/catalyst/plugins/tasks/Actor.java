package io.catalyst.plugins.tasks;

import io.catalyst.api.PluginContext;
import java.util.UUID;

/** Who makes a change: the signed-in user, or, for background work, the plugin that asked for it. */
record Actor(UUID id, String name) {

    static Actor of(PluginContext ctx) {
        return ctx.user().map(u -> new Actor(u.id(), u.name())).orElse(new Actor(null, "Catalyst"));
    }

    static Actor plugin(String pluginId) {
        return new Actor(null, "plugin " + pluginId);
    }
}

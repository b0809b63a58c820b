package io.catalyst.runtime;

/**
 * A call into a plugin failed: it threw, timed out, the plugin is not running, or it is paused for this caller after
 * repeated failures. Only this call failed unless the plugin failed at start or for several callers (see
 * {@link CallBreaker}); callers map this to a clean error (HTTP 502, a UI notice) and carry on.
 */
public final class PluginFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    PluginFailure(String pluginId, String reason, Throwable cause) {
        super("plugin " + pluginId + ": " + reason, cause);
        this.pluginId = pluginId;
    }

    /** The plugin that failed. */
    public String pluginId() {
        return pluginId;
    }
}

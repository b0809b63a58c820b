package io.catalyst.runtime;

/**
 * A call into a plugin failed: it threw, timed out, or the plugin is not running. The plugin has been marked FAILED
 * (unless it already was); callers map this to a clean error (HTTP 503, a UI notice) and carry on.
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

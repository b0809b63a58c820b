package io.catalyst.runtime;

/**
 * One extension instance and the plugin it came from. Hand it back to {@link PluginRuntime#call} to invoke it.
 *
 * @param pluginId  the contributing plugin
 * @param extension the cached extension instance
 * @param <T>       the extension point
 */
public record Contribution<T>(String pluginId, T extension) {
}

package io.catalyst.api.host;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache scoped to the current tenant and plugin, shared by the cluster. Values are text (for example JSON) because
 * plugin classes neither travel to other cluster members nor survive a plugin upgrade.
 */
public interface PluginCache {

    /** The cached value, or empty if absent or expired. */
    Optional<String> get(String key);

    /** Stores a value for at most {@code ttl}; the host may evict it sooner. */
    void put(String key, String value, Duration ttl);

    /** Removes a value. */
    void remove(String key);
}

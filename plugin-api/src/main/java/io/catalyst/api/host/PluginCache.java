package io.catalyst.api.host;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache scoped to the current tenant and plugin. Today each node keeps its own, in memory: another node does not
 * see a value put here, a restart empties it, and {@link #remove} clears this node's copy only, so cache only what
 * may be stale or recomputed. Values are text (for example JSON) because plugin classes do not survive a plugin
 * upgrade (and could not travel to other nodes once the cache is shared).
 */
public interface PluginCache {

    /** The cached value, or empty if absent or expired. */
    Optional<String> get(String key);

    /** Stores a value on this node for at most {@code ttl}; the host may evict it sooner. */
    void put(String key, String value, Duration ttl);

    /** Removes a value from this node's cache. */
    void remove(String key);
}

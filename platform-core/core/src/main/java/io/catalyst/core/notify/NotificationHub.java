package io.catalyst.core.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells open browsers that a user's unread count changed. Each browser tab of a signed-in user subscribes (the bell
 * in the shell) and pushes the new count to its page. In one JVM today; a cluster relays the same calls between
 * nodes.
 */
@ApplicationScoped
public class NotificationHub {

    private static final Logger LOG = Logger.getLogger(NotificationHub.class.getName());

    private record Key(UUID tenantId, UUID userId) {
    }

    private final Map<Key, Set<IntConsumer>> subscribers = new ConcurrentHashMap<>();

    /** Calls {@code onCount} with the new unread count whenever it changes; close the answer to stop. */
    public AutoCloseable subscribe(UUID tenantId, UUID userId, IntConsumer onCount) {
        Key key = new Key(tenantId, userId);
        subscribers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(onCount);
        return () -> subscribers.computeIfPresent(key, (k, set) -> {
            set.remove(onCount);
            return set.isEmpty() ? null : set;
        });
    }

    void changed(UUID tenantId, UUID userId, int unread) {
        for (IntConsumer subscriber : subscribers.getOrDefault(new Key(tenantId, userId), Set.of())) {
            try {
                subscriber.accept(unread);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A browser could not take the unread count", e); // it went away meanwhile
            }
        }
    }
}

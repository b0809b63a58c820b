package io.catalyst.api.host;

import java.util.Map;

/** Publishes {@link io.catalyst.api.events.PlatformEvent}s in the current tenant. */
public interface EventPublisher {

    /**
     * Publishes an event after the current work succeeds.
     *
     * @param topic   dotted name, e.g. {@code lead-scoring.scored}; plugins should prefix topics with their id
     * @param payload JSON-like values only (strings, numbers, booleans, lists, maps), since listeners may run on
     *                another cluster member
     */
    void publish(String topic, Map<String, Object> payload);
}

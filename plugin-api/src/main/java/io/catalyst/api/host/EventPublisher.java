package io.catalyst.api.host;

import java.util.Map;

/** Publishes {@link io.catalyst.api.events.PlatformEvent}s in the current tenant. */
public interface EventPublisher {

    /**
     * Publishes an event at once: listeners of plugins enabled for the tenant get it asynchronously, on this node,
     * whatever the rest of the current call does (there is no surrounding transaction to wait for: each
     * {@link PluginData} call commits on its own).
     *
     * @param topic   dotted name under the plugin's id, e.g. {@code lead-scoring.scored}, or a contract topic that any
     *                plugin may publish: {@link io.catalyst.api.tasks.TaskRequest#TOPIC} (the host then sets the
     *                payload's {@link io.catalyst.api.tasks.TaskRequest#SOURCE} to this plugin's id)
     * @param payload JSON-like values only (strings, numbers, booleans, lists, maps), so that events can later travel
     *                between nodes
     * @throws IllegalArgumentException if the topic is neither under {@code <plugin-id>.} nor a contract topic
     */
    void publish(String topic, Map<String, Object> payload);
}

package io.catalyst.api.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened in the platform or in a plugin.
 *
 * @param topic      dotted name, e.g. {@code campaign.created}
 * @param tenantId   the tenant it happened in
 * @param payload    JSON-like values describing it
 * @param occurredAt when it happened
 */
public record PlatformEvent(String topic, UUID tenantId, Map<String, Object> payload, Instant occurredAt) {

    /** Copies the payload into an unmodifiable map that keeps its order and allows null values. */
    public PlatformEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        payload = payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }
}

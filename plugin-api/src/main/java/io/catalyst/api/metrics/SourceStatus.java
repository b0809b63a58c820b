package io.catalyst.api.metrics;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * How fresh one of the tenant's data connections is: what alerting needs to tell "the numbers dropped" from "the
 * numbers stopped arriving". Since API 0.5.0.
 *
 * @param connectionId the connection
 * @param connector    the connector's plugin id, e.g. {@code meta-ads}
 * @param name         the connection's name as the tenant gave it
 * @param status       {@code ACTIVE}, {@code NEEDS_REAUTH} or {@code PAUSED}
 * @param lastLoadedAt when a sync of this connection last succeeded, or null if none has
 * @param channels     the channel keys (as the {@code channel} dimension names them) whose figures this connection
 *                     loads; empty for CRM and other sources without ad figures
 */
public record SourceStatus(UUID connectionId, String connector, String name, String status, Instant lastLoadedAt,
                           Set<String> channels) {

    /** Copies the channels. */
    public SourceStatus {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }
}

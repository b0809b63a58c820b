package io.catalyst.api.connect;

import java.util.Objects;

/**
 * A stream a connector offers.
 *
 * @param name the stream's name, e.g. {@code campaign_insights} or {@code contacts}
 * @param sync how the host decides what to read
 */
public record StreamSpec(String name, Sync sync) {

    /** How a stream is read incrementally. */
    public enum Sync {
        /**
         * Daily figures that the provider restates for a while: each run reads from the last synced day minus the
         * connection's lookback window, so late changes overwrite earlier figures.
         */
        DAILY,
        /** Records with a cursor the connector defines (e.g. a modification time): each run goes on from it. */
        CURSOR
    }

    public StreamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sync, "sync");
    }
}

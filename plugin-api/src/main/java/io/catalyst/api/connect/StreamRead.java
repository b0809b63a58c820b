package io.catalyst.api.connect;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run should read of a stream.
 *
 * @param stream   the stream's name
 * @param accounts the provider accounts the tenant picked
 * @param from     first day to read (inclusive), for {@link StreamSpec.Sync#DAILY} streams
 * @param to       last day to read (inclusive)
 * @param cursor   where to go on from: the last {@link RecordSink#checkpoint} of an interrupted run of this job, or
 *                 for {@link StreamSpec.Sync#CURSOR} streams the cursor the previous run ended with
 */
public record StreamRead(String stream, List<String> accounts, LocalDate from, LocalDate to, Optional<String> cursor) {

    public StreamRead {
        Objects.requireNonNull(stream, "stream");
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        cursor = cursor == null ? Optional.empty() : cursor;
    }
}

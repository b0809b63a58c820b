package io.catalyst.api.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records in the order they changed in the warehouse.
 *
 * @param records what changed, oldest change first
 * @param next    the cursor to ask with next time: after the last record here (or the one asked with, when none)
 * @param more    whether more records are waiting beyond this page
 */
public record RecordPage(List<WarehouseRecord> records, String next, boolean more) {

    public RecordPage {
        records = List.copyOf(records);
    }

    /**
     * One record.
     *
     * @param source    where it came from, e.g. {@code hubspot}
     * @param id        the source's id
     * @param changedAt when the warehouse last stored a change of it
     * @param fields    its fields (see {@link RecordQuery.Kind}); values are strings, numbers or null
     */
    public record WarehouseRecord(String source, String id, Instant changedAt, Map<String, Object> fields) {
        public WarehouseRecord {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(id, "id");
        }
    }
}

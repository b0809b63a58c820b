package io.catalyst.api.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a write did, record by record: a provider may take some records of a batch and refuse others (a deleted
 * contact). Since API 0.7.0.
 *
 * @param written the ids of the records the provider took
 * @param failed  the ids it refused, each with the provider's reason in words
 */
public record WriteResult(List<String> written, Map<String, String> failed) {

    public WriteResult {
        written = List.copyOf(written);
        failed = Map.copyOf(failed);
    }

    /** Every record written. */
    public static WriteResult all(List<WriteRecord> records) {
        return new WriteResult(records.stream().map(WriteRecord::id).toList(), Map.of());
    }

    /** Every record refused for one reason. */
    public static WriteResult none(List<WriteRecord> records, String reason) {
        Map<String, String> failed = new LinkedHashMap<>();
        records.forEach(r -> failed.put(r.id(), reason));
        return new WriteResult(List.of(), failed);
    }

    /** This result and another, as one. */
    public WriteResult plus(WriteResult other) {
        List<String> w = new ArrayList<>(written);
        w.addAll(other.written);
        Map<String, String> f = new LinkedHashMap<>(failed);
        f.putAll(other.failed);
        return new WriteResult(w, f);
    }
}

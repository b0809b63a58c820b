package io.catalyst.sdk.testkit;

import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import io.catalyst.api.host.WriteBack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The host's write-back as a plugin test sees it: connections that accept writes are arranged with
 * {@link #target}, the host's checks apply (declared objects and fields only, at most 1,000 records a call), and
 * every call is kept for assertions. A provider's refusals are arranged with {@link #refuse} and {@link #failWith}.
 */
public final class FakeWriteBack implements WriteBack {

    /** One write call the plugin made. */
    public record Call(String source, String object, List<WriteRecord> records) {
    }

    private record Declared(Target target, String object) {
    }

    private final List<Declared> targets = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private volatile ProviderException failure;

    FakeWriteBack() {
    }

    /** A connection of {@code source} that accepts these fields of {@code object}. */
    public FakeWriteBack target(String source, String name, String object, String... fields) {
        targets.add(new Declared(new Target(source, name, Set.of(fields), "Writes " + object + " of " + name),
                object));
        return this;
    }

    /** The provider refuses this record's writes, with a reason (a deleted contact). */
    public FakeWriteBack refuse(String id, String reason) {
        refused.put(id, reason);
        return this;
    }

    /** The provider refuses every call as a whole (null: takes them again). */
    public FakeWriteBack failWith(ProviderException e) {
        failure = e;
        return this;
    }

    /** Every call, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The values each record has now, as far as the fake provider knows: the last write wins. */
    public Map<String, Map<String, String>> written() {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (Call c : calls) {
            for (WriteRecord r : c.records()) {
                if (!refused.containsKey(r.id())) {
                    values.computeIfAbsent(r.id(), k -> new LinkedHashMap<>()).putAll(r.values());
                }
            }
        }
        return values;
    }

    @Override
    public List<Target> targets(String object) {
        return targets.stream().filter(d -> d.object().equals(object)).map(Declared::target).toList();
    }

    @Override
    public WriteResult write(String source, String object, List<WriteRecord> records) {
        if (records.size() > 1_000) {
            throw new IllegalArgumentException("A write takes at most 1000 records, not " + records.size());
        }
        Target target = targets.stream().filter(d -> d.object().equals(object) && d.target().source().equals(source))
                .map(Declared::target).findFirst().orElseThrow(() -> new IllegalStateException(
                        "The company has no active, authorised " + source + " connection that accepts " + object));
        for (WriteRecord r : records) {
            for (String field : r.values().keySet()) {
                if (!target.fields().contains(field)) {
                    throw new IllegalArgumentException(source + " does not accept writes of the field " + field);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        calls.add(new Call(source, object, List.copyOf(records)));
        List<String> written = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (WriteRecord r : records) {
            if (refused.containsKey(r.id())) {
                failed.put(r.id(), refused.get(r.id()));
            } else {
                written.add(r.id());
            }
        }
        return new WriteResult(written, failed);
    }
}

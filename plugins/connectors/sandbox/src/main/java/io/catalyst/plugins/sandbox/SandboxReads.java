package io.catalyst.plugins.sandbox;

import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.demodata.DemoData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run's reading of a stream, with checkpoints the host can resume from:
 * <ul>
 *   <li>insights: the last day done ({@code 2026-12-06}), after each day;</li>
 *   <li>entities: today and how many records are done ({@code 2026-12-07|500}), every {@value #BATCH} records: the
 *   data of a day is fixed, so a resumed run skips that many; a cursor of another day starts afresh;</li>
 *   <li>contacts and deals: the latest modification time handed over ({@code 2026-12-01T10:15:30Z}), records read
 *   in modification order, every {@value #BATCH} records but never between two of the same time, so a resumed run
 *   can go on from strictly after it;</li>
 *   <li>calls: the same, by the time they started (a call does not change once made).</li>
 * </ul>
 */
final class SandboxReads {

    static final int BATCH = 500;

    private final DemoData demo;
    private final List<String> channels;
    private final RecordSink sink;

    SandboxReads(DemoData demo, List<String> channels, RecordSink sink) {
        this.demo = demo;
        this.channels = channels;
        this.sink = sink;
    }

    void insights(LocalDate from, LocalDate to, Optional<String> cursor) {
        LocalDate first = from == null || from.isBefore(demo.firstDay()) ? demo.firstDay() : from;
        LocalDate last = to == null || to.isAfter(demo.today()) ? demo.today() : to;
        if (cursor.isPresent()) {
            LocalDate done = LocalDate.parse(cursor.get());
            first = done.plusDays(1).isAfter(first) ? done.plusDays(1) : first;
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (String channel : channels) {
                demo.insights(channel, day, day, sink::insight);
            }
            sink.checkpoint(day.toString());
        }
    }

    void entities(Optional<String> cursor) {
        String today = demo.today().toString();
        long skip = cursor.filter(c -> c.startsWith(today + "|"))
                .map(c -> Long.parseLong(c.substring(today.length() + 1))).orElse(0L);
        long[] seen = {0};
        for (String channel : channels) {
            demo.entities(channel, entity -> {
                if (++seen[0] > skip) {
                    sink.entity(entity);
                    if (seen[0] % BATCH == 0) {
                        sink.checkpoint(today + "|" + seen[0]);
                    }
                }
            });
        }
        sink.checkpoint(today + "|" + Math.max(seen[0], skip));
    }

    void contacts(Optional<String> cursor) {
        changedSince(cursor, demo::contacts, Contact::updatedAt, Contact::id, sink::contact);
    }

    void deals(Optional<String> cursor) {
        changedSince(cursor, demo::deals, Deal::updatedAt, Deal::id, sink::deal);
    }

    void calls(Optional<String> cursor) {
        changedSince(cursor, demo::calls, Call::startedAt, Call::id, sink::call);
    }

    /** The records modified after the cursor, oldest first, checkpointed in batches. */
    private <T> void changedSince(Optional<String> cursor, Consumer<Consumer<T>> source,
                                  Function<T, OffsetDateTime> modified, Function<T, String> id, Consumer<T> out) {
        Instant since = cursor.map(Instant::parse).orElse(Instant.EPOCH);
        List<T> changed = new ArrayList<>();
        source.accept(record -> {
            if (modified.apply(record).toInstant().isAfter(since)) {
                changed.add(record);
            }
        });
        changed.sort(Comparator.comparing((T r) -> modified.apply(r).toInstant()).thenComparing(id));
        Instant highest = since;
        int inBatch = 0;
        for (int i = 0; i < changed.size(); i++) {
            T record = changed.get(i);
            out.accept(record);
            highest = modified.apply(record).toInstant();
            boolean sameTimeNext = i + 1 < changed.size()
                    && modified.apply(changed.get(i + 1)).toInstant().equals(highest);
            if (++inBatch >= BATCH && !sameTimeNext) {
                sink.checkpoint(highest.toString());
                inBatch = 0;
            }
        }
        sink.checkpoint(highest.toString());
    }
}

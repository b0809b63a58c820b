package io.catalyst.core.sync;

import io.catalyst.core.warehouse.InsightRow;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What one sync run committed to the warehouse, for the {@value #TOPIC} event that consumers (dashboards' caches,
 * alerts, lead scoring) react to instead of polling.
 */
final class LoadSummary {

    static final String TOPIC = "warehouse.data.loaded";

    private final TreeSet<String> levels = new TreeSet<>();
    private LocalDate from;
    private LocalDate to;
    private long insights;
    private long entities;
    private long contacts;
    private long deals;
    private long calls;

    synchronized void add(WarehouseSink.Batch batch) {
        for (InsightRow row : batch.insights()) {
            levels.add(row.level());
            from = from == null || row.day().isBefore(from) ? row.day() : from;
            to = to == null || row.day().isAfter(to) ? row.day() : to;
        }
        insights += batch.insights().size();
        entities += batch.entities().size();
        contacts += batch.contacts().size();
        deals += batch.deals().size();
        calls += batch.calls().size();
    }

    synchronized boolean empty() {
        return insights + entities + contacts + deals + calls == 0;
    }

    /** The event's payload: JSON-like values only. */
    synchronized Map<String, Object> payload(String source, UUID connection, String outcome) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", source);
        p.put("connection", connection.toString());
        p.put("levels", levels.stream().toList());
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("rows", insights);
        p.put("entities", entities);
        p.put("contacts", contacts);
        p.put("deals", deals);
        p.put("calls", calls);
        p.put("outcome", outcome);
        return p;
    }
}

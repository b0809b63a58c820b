package io.catalyst.core.sync;

import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.core.warehouse.InsightRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Buffers what a connector reads and hands it to the engine in batches: at each checkpoint (with the cursor, to be
 * written in the same transaction) and whenever the buffer grows large (without a cursor: idempotent upserts make an
 * early write harmless). Rows the warehouse would refuse are quarantined here with a reason, so one bad record never
 * stops a run.
 */
final class WarehouseSink implements RecordSink {

    static final int FLUSH_AT = 5_000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final java.util.Set<String> DIRECTIONS = java.util.Set.of("inbound", "outbound");

    /** A record the connector or the sink could not use. */
    record Quarantined(String raw, String reason) {
    }

    /** What is written in one transaction; {@code cursor} null when no checkpoint was reached. */
    record Batch(List<InsightRow> insights, List<Entity> entities, List<Contact> contacts, List<Deal> deals,
                 List<Call> calls, List<Quarantined> quarantined, String cursor) {
        int records() {
            return insights.size() + entities.size() + contacts.size() + deals.size() + calls.size();
        }
    }

    /** Writes a batch durably, or throws. */
    @FunctionalInterface
    interface Writer {
        void write(Batch batch);
    }

    private final Writer writer;
    private final Clock clock;
    private List<InsightRow> insights = new ArrayList<>();
    private List<Entity> entities = new ArrayList<>();
    private List<Contact> contacts = new ArrayList<>();
    private List<Deal> deals = new ArrayList<>();
    private List<Call> calls = new ArrayList<>();
    private List<Quarantined> quarantined = new ArrayList<>();
    private String lastCursor;

    WarehouseSink(Writer writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void insight(Insight i) {
        String problem = problem(i);
        if (problem != null) {
            quarantine(i.rawJson(), problem);
            return;
        }
        insights.add(new InsightRow(i.level(), i.entityId(), i.accountId(), i.day(), i.attributionWindow(),
                i.spend(), i.impressions(), i.clicks(), i.conversions(), i.conversionValue(), i.leads(),
                i.currency(), OffsetDateTime.now(clock), i.rawJson()));
        flushIfFull();
    }

    @Override
    public void entity(Entity entity) {
        if (!InsightRow.LEVELS.contains(entity.level()) && !"creative".equals(entity.level())) {
            quarantine(entity.rawJson(), "unknown entity level '" + entity.level() + "'");
            return;
        }
        String currency = entity.attributes().get("currency");
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            quarantine(entity.rawJson(), "currency '" + currency + "' is not an ISO 4217 code");
            return;
        }
        entities.add(entity);
        flushIfFull();
    }

    @Override
    public void contact(Contact contact) {
        contacts.add(contact);
        flushIfFull();
    }

    @Override
    public void deal(Deal deal) {
        deals.add(deal);
        flushIfFull();
    }

    @Override
    public void call(Call call) {
        if (call.direction() != null && !DIRECTIONS.contains(call.direction())) {
            quarantine(call.rawJson(), "direction '" + call.direction() + "' is neither inbound nor outbound");
            return;
        }
        if (call.durationSeconds() != null && call.durationSeconds() < 0) {
            quarantine(call.rawJson(), "the duration " + call.durationSeconds() + " s is negative");
            return;
        }
        calls.add(call);
        flushIfFull();
    }

    @Override
    public void quarantine(String raw, String reason) {
        quarantined.add(new Quarantined(raw, reason == null || reason.isBlank() ? "unreadable record" : reason));
        flushIfFull();
    }

    @Override
    public void checkpoint(String cursor) {
        flush(cursor);
        lastCursor = cursor;
    }

    /** Writes what is left; call when the stream is done. */
    void drain() {
        if (!insights.isEmpty() || !entities.isEmpty() || !contacts.isEmpty() || !deals.isEmpty()
                || !calls.isEmpty() || !quarantined.isEmpty()) {
            flush(null);
        }
    }

    /** The cursor of the last checkpoint in this run, or null. */
    String lastCursor() {
        return lastCursor;
    }

    private void flushIfFull() {
        if (insights.size() + entities.size() + contacts.size() + deals.size() + calls.size() + quarantined.size()
                >= FLUSH_AT) {
            flush(null);
        }
    }

    private void flush(String cursor) {
        writer.write(new Batch(insights, entities, contacts, deals, calls, quarantined, cursor));
        insights = new ArrayList<>();
        entities = new ArrayList<>();
        contacts = new ArrayList<>();
        deals = new ArrayList<>();
        calls = new ArrayList<>();
        quarantined = new ArrayList<>();
    }

    // what the warehouse's constraints would refuse, said so that a person can act on it
    private static String problem(Insight i) {
        if (!InsightRow.LEVELS.contains(i.level())) {
            return "unknown level '" + i.level() + "'";
        }
        if (!CURRENCY.matcher(i.currency()).matches()) {
            return "currency '" + i.currency() + "' is not an ISO 4217 code";
        }
        if (i.spend() != null && i.spend().signum() < 0) {
            return "negative spend " + i.spend();
        }
        if (i.impressions() < 0 || i.clicks() < 0 || i.leads() < 0) {
            return "negative counts";
        }
        return null;
    }
}

package io.catalyst.sdk.testkit;

import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.RecordSink;
import java.util.ArrayList;
import java.util.List;

/** A {@link RecordSink} that keeps everything in lists, for assertions. */
public final class CollectingSink implements RecordSink {

    /** A quarantined record and why. */
    public record Quarantined(String raw, String reason) {
    }

    public final List<Insight> insights = new ArrayList<>();
    public final List<Entity> entities = new ArrayList<>();
    public final List<Contact> contacts = new ArrayList<>();
    public final List<Deal> deals = new ArrayList<>();
    public final List<Call> calls = new ArrayList<>();
    public final List<Quarantined> quarantined = new ArrayList<>();
    /** Cursors in the order the connector saved them. */
    public final List<String> checkpoints = new ArrayList<>();

    @Override
    public void insight(Insight insight) {
        insights.add(insight);
    }

    @Override
    public void entity(Entity entity) {
        entities.add(entity);
    }

    @Override
    public void contact(Contact contact) {
        contacts.add(contact);
    }

    @Override
    public void deal(Deal deal) {
        deals.add(deal);
    }

    @Override
    public void call(Call call) {
        calls.add(call);
    }

    @Override
    public void quarantine(String raw, String reason) {
        quarantined.add(new Quarantined(raw, reason));
    }

    @Override
    public void checkpoint(String cursor) {
        checkpoints.add(cursor);
    }
}

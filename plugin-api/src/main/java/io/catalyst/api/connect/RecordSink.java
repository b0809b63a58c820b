package io.catalyst.api.connect;

/**
 * Where a connector puts what it read. Records are buffered and written to the warehouse in batches; upserts are
 * idempotent, so a record read twice is stored once.
 */
public interface RecordSink {

    /** A day of an entity's performance. */
    void insight(Insight insight);

    /** An account, campaign, ad set, ad or creative. */
    void entity(Entity entity);

    /** A CRM contact. */
    void contact(Contact contact);

    /** A CRM deal. */
    void deal(Deal deal);

    /** A call (since 0.9.0). */
    void call(Call call);

    /**
     * A record the connector could not map: kept with the reason for someone to look at, and the run goes on.
     *
     * @param raw    the record as the provider sent it
     * @param reason what was wrong, in words a non-engineer can act on
     */
    void quarantine(String raw, String reason);

    /**
     * Marks progress: everything handed over so far is written, then the cursor is saved in the same transaction,
     * so a cursor is never ahead of the data. A resumed run starts from the last cursor saved.
     */
    void checkpoint(String cursor);
}

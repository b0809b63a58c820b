package io.catalyst.api.metrics;

import java.util.Objects;

/**
 * A read of warehouse records changed since a cursor.
 *
 * @param kind   which records
 * @param source only this source (e.g. {@code hubspot}), or null for all
 * @param since  a {@link RecordPage#next()} cursor, or null from the beginning
 * @param limit  at most this many (1 to 1,000; 0 for 500)
 */
public record RecordQuery(Kind kind, String source, String since, int limit) {

    public static final int MAX_LIMIT = 1_000;

    /**
     * The kinds of records, with their fields. Every record has {@code source}, {@code id} and the fields below.
     * <ul>
     *   <li>{@code LEADS}: contact_id, campaign_id, email, status, created_at</li>
     *   <li>{@code CONTACTS}: email, name, company, lifecycle_stage, created_at, updated_at, and (since 0.6.0)
     *   properties: the source's own fields of the contact as JSON object text (HubSpot's {@code properties}, e.g.
     *   {@code jobtitle}, {@code numberofemployees}), or null</li>
     *   <li>{@code DEALS}: contact_id, name, stage, amount, currency, close_date, created_at, updated_at</li>
     *   <li>{@code ORDERS}: contact_id, total, currency, placed_at</li>
     *   <li>{@code CALLS}: contact_id, campaign_id, started_at, duration_s, caller, outcome, recording_url, and
     *   (since 0.9.0) direction, answered, customer_name, customer_email, tracking_number, source_name, agent,
     *   transcript (see {@link io.catalyst.api.connect.Call})</li>
     * </ul>
     */
    public enum Kind { LEADS, CONTACTS, DEALS, ORDERS, CALLS }

    public RecordQuery {
        Objects.requireNonNull(kind, "kind");
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new MetricsException("limit is between 1 and " + MAX_LIMIT);
        }
        limit = limit == 0 ? 500 : limit;
    }
}

package io.catalyst.api.connect;

import io.catalyst.api.host.HttpResult;
import io.catalyst.api.settings.SettingField;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A data source such as an ad platform or a CRM. The host owns everything around a connector: the authorisation
 * flow, the credentials (a connector never sees or stores them; {@link ConnectorSession#send} applies them), the
 * schedule, retries, checkpoints and the warehouse. A connector only turns provider responses into canonical
 * records.
 */
public interface Connector extends ExtensionPoint {

    /** Stable id, e.g. {@code meta-ads}; also the warehouse's {@code source}. */
    String id();

    /** Name shown to tenants. */
    String displayName();

    /** What kind of data it brings, e.g. {@code ads} or {@code crm}; groups the Integrations screen. */
    default String category() {
        return "ads";
    }

    /** How a tenant connects an account, and how the host applies the credential to requests. */
    AuthSpec auth();

    /**
     * The provider's API root, e.g. {@code https://graph.facebook.com/v21.0}. A connection may replace its scheme,
     * host and port (to reach a local fake); paths stay as the provider documents them.
     */
    URI baseUrl();

    /** The streams it offers. */
    List<StreamSpec> streams();

    /**
     * Settings the platform supplies to every connection, such as an app-level developer token: each {@code name}
     * is configured once as {@code catalyst.connectors.<id>.<name, _ as ->} (environment
     * {@code CATALYST_CONNECTORS_<ID>_<NAME>}) and appears in {@link ConnectorSession#settings()}. They are never
     * stored with a connection nor shown to tenants.
     */
    default List<String> platformSettings() {
        return List.of();
    }

    /**
     * Settings a company chooses per connection, with a label, a default and help, e.g. which actions count as
     * conversions. {@link ConnectorSession#settings()} holds each one's value, or its default when the connection
     * sets none, so a connector never needs its own fallback. Keys as {@link SettingField} requires them (lower case,
     * digits, dashes). Since API 0.3.0.
     */
    default List<SettingField> connectionSettings() {
        return List.of();
    }

    /**
     * What an answer means in the provider's own terms. The host asks this for every answer, before the connector
     * gets it back from {@link ConnectorSession#send}, and acts on the kind:
     * <ul>
     *   <li>{@link ProviderException.Kind#RATE_LIMITED}: a wait up to the host's limit is slept and the same request
     *   sent again; a longer one ends the run without another request, the job is rescheduled for then and the
     *   connection says when it resumes. Give the wait the provider's own signals say (a delay in the body, quota
     *   headers, a policy name), or null for the host's backoff. An answer need not be a 429: a code inside a
     *   200 counts too.</li>
     *   <li>{@link ProviderException.Kind#AUTH_EXPIRED}: the host refreshes an OAuth token once and sends again; if
     *   that fails, the connection needs a new authorisation, and people read your message.</li>
     *   <li>{@link ProviderException.Kind#PROVIDER_FAILED} on a 5xx: retried with backoff; your message is what
     *   people read if it keeps failing.</li>
     * </ul>
     * Any other answer, or empty, goes back to the connector as it came. Without an override the host reads only
     * HTTP: 401 is expired authorisation, 429 a rate limit ({@code Retry-After}, else backoff), 5xx a failure. Keep
     * it cheap: it runs for every answer, including the successful ones. Since API 0.3.0.
     *
     * @param answer  the provider's answer, headers in lower case
     * @param session the connection it was sent for
     */
    default Optional<ProviderException> classify(HttpResult answer, ConnectorSession session) {
        return Optional.empty();
    }

    /** The version of the mapping from provider records to canonical ones; raise it when the mapping changes. */
    default int mappingVersion() {
        return 1;
    }

    /** The accounts (ad accounts, portals, properties) the connection's credential reaches, for the tenant to pick. */
    List<ProviderAccount> accounts(ConnectorSession session);

    /**
     * Reads one stream for the request's accounts and range, handing records to the sink. Call
     * {@link RecordSink#checkpoint} after each unit of progress: the host makes the records before it durable
     * together with the cursor, and a resumed run gets that cursor back in {@link StreamRead#cursor()}.
     *
     * @throws ProviderException for errors the host should classify (expired auth, rate limits, provider failures)
     */
    void read(ConnectorSession session, StreamRead read, RecordSink sink);

    /**
     * What this connector may write back to its provider; empty (the default) for a read-only connector. The host
     * refuses any write of an object or field not declared here. Since API 0.7.0.
     */
    default List<WriteSpec> writes() {
        return List.of();
    }

    /**
     * Sets fields of the provider's records, one batch of at most the spec's {@link WriteSpec#maxBatch} records
     * for an object and fields it declared in {@link #writes()} (the host has checked both). Send through
     * {@link ConnectorSession#send}, which applies the credential and the provider's rate limits; a write must be
     * safe to repeat, as the host may send the same values again after a failure. Since API 0.7.0.
     *
     * @return which records the provider took and which it refused, with its reason
     * @throws ProviderException when the provider refused the whole batch (expired authorisation, a missing
     *                           permission, a rate limit longer than a call holds, a failure)
     */
    default WriteResult write(ConnectorSession session, String object, List<WriteRecord> records) {
        throw new UnsupportedOperationException(id() + " writes nothing");
    }

    /**
     * A provider URI moved to another origin (scheme, host and port), its path and query kept: how a connection's
     * local stand-in replaces the provider. Returns {@code uri} when {@code origin} is null.
     */
    static URI withOrigin(URI uri, URI origin) {
        if (origin == null) {
            return uri;
        }
        return URI.create(origin.getScheme() + "://" + origin.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}

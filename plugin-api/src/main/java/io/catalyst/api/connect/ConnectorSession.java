package io.catalyst.api.connect;

import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.logging.Logger;

/** What the host gives a connector for one tenant's connection. */
public interface ConnectorSession {

    /**
     * The connection's API root: the connector's {@link Connector#baseUrl()}, or its local stand-in. Build request
     * URIs from it, never from a hard-coded host.
     */
    URI baseUrl();

    /**
     * Sends a request with the connection's credential applied, within the provider's rate limits: 429 and 5xx are
     * retried with backoff (honouring {@code Retry-After}), and usage headers slow requests down before the provider
     * blocks them. Other answers, 4xx included, are returned for the connector to read.
     *
     * @param limitKey what the provider rate-limits by, e.g. the ad account's id; null for the connection
     * @throws ProviderException when the credential was refused (401), the provider keeps failing, or asks for a
     *                           longer wait than a run holds
     * @throws SecurityException if the URI leaves the connector's declared hosts
     */
    HttpResult send(HttpRequestSpec request, String limitKey);

    /**
     * The connection's settings (e.g. a Google Ads login customer id), and the platform's
     * {@link Connector#platformSettings()}.
     */
    Map<String, String> settings();

    /** Today in the connection's time zone: what "yesterday" means to the tenant. */
    LocalDate today();

    /** A logger whose records name the tenant and connection. Never log a credential. */
    Logger log();
}

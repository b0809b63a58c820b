package io.catalyst.api.connect;

import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
     * Sends a request with the connection's credential applied, within the provider's rate limits. Each answer is
     * first classified by {@link Connector#classify} (else by its HTTP status): rate limits are waited out and sent
     * again, or end the run to be rescheduled when the wait is long; 5xx are retried with backoff; usage headers slow
     * requests down before the provider blocks them. Other answers, 4xx included, are returned for the connector to
     * read.
     *
     * @param limitKey what the provider rate-limits by, e.g. the ad account's id; null for the connection
     * @throws ProviderException when the credential was refused (401), the provider keeps failing, or asks for a
     *                           longer wait than a run holds; its message keeps the provider's own reason
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

    /**
     * The connection's time zone, the company's: {@link #today()} is counted in it, and a provider whose quota
     * resets at midnight "in your time zone" usually means this one. Since API 0.3.0.
     */
    default ZoneId zone() {
        return ZoneOffset.UTC;
    }

    /** A logger whose records name the tenant and connection. Never log a credential. */
    Logger log();
}

package io.catalyst.runtime.connect;

import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * A connector's requests to its provider, on the one path the host's sessions and the plugin testkit's harness both
 * take: the credential applied as the connector's {@link AuthSpec} says, every answer classified by the connector
 * ({@link Connector#classify}) and acted on by {@link ProviderHttp} (rate limits waited out or handed back for a
 * reschedule, 5xx retried), a refused credential renewed once, and the outcome as a {@link ProviderException} whose
 * message keeps the provider's reason, with every secret masked.
 */
public final class ProviderCalls {

    /** The connection's credential, as whoever runs the session holds it. */
    public interface Credential {
        /** The secret to apply now (an OAuth token refreshed first when it expires soon), or null for none. */
        String current();

        /**
         * A new credential after the provider refused the current one: true when there is one to try.
         *
         * @throws ProviderException when the provider refuses to renew it
         */
        boolean renew();
    }

    private final Connector connector;
    private final ProviderHttp http;
    private final Credential credential;
    private final String connectionKey;
    private final Supplier<Collection<String>> secrets;

    /**
     * @param connectionKey the rate-limit key of requests that name none, e.g. the connection's id
     * @param secrets       values no message may show: the credential, the platform's settings
     */
    public ProviderCalls(Connector connector, ProviderHttp http, Credential credential, String connectionKey,
                         Supplier<Collection<String>> secrets) {
        this.connector = connector;
        this.http = http;
        this.credential = credential;
        this.connectionKey = connectionKey;
        this.secrets = secrets;
    }

    /**
     * Sends one request as {@link ConnectorSession#send} promises.
     *
     * @param session the session the connector's {@code classify} is told about
     */
    public HttpResult send(HttpRequestSpec request, String limitKey, ConnectorSession session) {
        String key = connector.id() + ":" + (limitKey == null ? connectionKey : limitKey);
        ProviderHttp.Classifier classifier = answer -> connector.classify(answer, session);
        try {
            try {
                return http.send(build(request), key, classifier);
            } catch (ProviderHttp.AuthExpired refused) {
                if (!credential.renew()) {
                    throw refused;
                }
                return http.send(build(request), key, classifier); // a token revoked early: a fresh one tells
            }
        } catch (ProviderHttp.AuthExpired e) {
            throw new ProviderException(ProviderException.Kind.AUTH_EXPIRED, mask(connector.displayName()
                    + " no longer accepts this connection's authorisation: " + e.getMessage()), null);
        } catch (ProviderHttp.RateLimited e) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, mask(e.getMessage()), e.retryAfter());
        } catch (ProviderHttp.ProviderFailed e) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED, mask(e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED, "The run was interrupted", null);
        }
    }

    /** The request with the credential where the connector's {@link AuthSpec} puts it. */
    private HttpRequest build(HttpRequestSpec spec) {
        AuthSpec auth = connector.auth();
        URI uri = spec.uri();
        String secret = credential.current();
        if (auth.placement() == AuthSpec.Placement.QUERY && secret != null) {
            uri = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + auth.name() + "="
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(spec.timeout());
        spec.headers().forEach(builder::header);
        if (auth.placement() == AuthSpec.Placement.HEADER && secret != null) {
            builder.header(auth.name(), auth.prefix() + secret);
        }
        builder.method(spec.method(), spec.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(spec.body()));
        return builder.build();
    }

    // a message may name the request: a key or an app secret sent as a query parameter of any name must not reach
    // a run's error text
    private String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = ProviderHttp.redact(text);
        for (String secret : secrets.get()) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, "***")
                        .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "***");
            }
        }
        return masked;
    }
}

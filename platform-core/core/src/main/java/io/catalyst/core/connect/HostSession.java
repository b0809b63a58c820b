package io.catalyst.core.connect;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A connector's way out, for one connection: requests go only to the connector's hosts (or the connection's local
 * stand-in), carry the credential the connector never sees, refresh an expiring OAuth token first and once more on
 * a 401, and share the provider's rate limits through {@link ProviderHttp}. Counts the pages it fetched.
 */
public final class HostSession implements ConnectorSession {

    private final ConnectionSessions sessions;
    private final Connector connector;
    private final UUID tenantId;
    private final UUID connectionId;
    private final URI origin;
    private final ProviderHttp http;
    private final Map<String, String> settings;
    private final ZoneId zone;
    private final Clock clock;
    private final Logger log;
    private final AtomicInteger pages = new AtomicInteger();
    private Credentials credentials;

    HostSession(ConnectionSessions sessions, Connector connector, UUID tenantId, Connections.View connection,
                ProviderHttp http, Credentials credentials, Map<String, String> settings, ZoneId zone, Clock clock) {
        this.sessions = sessions;
        this.connector = connector;
        this.tenantId = tenantId;
        this.connectionId = connection.id();
        this.origin = Connections.origin(connection.baseUrl());
        this.http = http;
        this.settings = Map.copyOf(settings);
        this.credentials = credentials;
        this.zone = zone;
        this.clock = clock;
        this.log = Logger.getLogger("io.catalyst.connector." + connector.id());
    }

    @Override
    public URI baseUrl() {
        return Connector.withOrigin(connector.baseUrl(), origin);
    }

    @Override
    public HttpResult send(HttpRequestSpec request, String limitKey) {
        AuthSpec auth = connector.auth();
        if (auth.kind() == AuthKind.OAUTH2 && credentials.expiresSoon(clock.instant())) {
            refresh();
        }
        String key = connector.id() + ":" + (limitKey == null ? connectionId : limitKey);
        try {
            HttpResponse<String> response;
            try {
                response = http.send(build(request), key);
            } catch (ProviderHttp.AuthExpired expired) {
                if (auth.kind() != AuthKind.OAUTH2 || credentials.refreshToken() == null) {
                    throw expired;
                }
                refresh(); // the token may have been revoked early; a fresh one tells
                response = http.send(build(request), key);
            }
            pages.incrementAndGet();
            Map<String, List<String>> headers = new HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new HttpResult(response.statusCode(), headers, response.body());
        } catch (ProviderHttp.AuthExpired e) {
            throw new ProviderException(ProviderException.Kind.AUTH_EXPIRED, connector.displayName()
                    + " no longer accepts this connection's authorisation", null);
        } catch (ProviderHttp.RateLimited e) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, connector.displayName()
                    + " asked to slow down", e.retryAfter());
        } catch (ProviderHttp.ProviderFailed e) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED, mask(e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED, "The run was interrupted", null);
        }
    }

    // a message names the request: a key or an app secret sent as a query parameter of any name must not reach a
    // run's error text
    private String mask(String text) {
        List<String> hidden = new java.util.ArrayList<>();
        hidden.add(credentials.secret());
        connector.platformSettings().forEach(name -> hidden.add(settings.get(name)));
        for (String secret : hidden) {
            if (text != null && secret != null && !secret.isEmpty()) {
                text = text.replace(secret, "***").replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "***");
            }
        }
        return text;
    }

    private void refresh() {
        try {
            credentials = sessions.refresh(tenantId, connectionId, credentials);
        } catch (OAuthClient.TokenRefused refused) {
            if (refused.invalidGrant()) {
                throw new ProviderException(ProviderException.Kind.AUTH_EXPIRED, refused.getMessage(), null);
            }
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED, refused.getMessage(), null);
        }
    }

    private HttpRequest build(HttpRequestSpec spec) {
        AuthSpec auth = connector.auth();
        URI uri = spec.uri();
        String secret = credentials.secret();
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

    /** Requests answered so far. */
    public int pages() {
        return pages.get();
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Override
    public Logger log() {
        return log;
    }
}

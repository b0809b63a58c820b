package io.catalyst.core.connect;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import io.catalyst.runtime.connect.ConnectionSettings;
import io.catalyst.runtime.connect.ProviderCalls;
import io.catalyst.runtime.connect.ProviderHttp;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A connector's way out, for one connection: requests go only to the connector's hosts (or the connection's local
 * stand-in), carry the credential the connector never sees, refresh an expiring OAuth token first and once more when
 * the provider refuses it, and go through {@link ProviderCalls}, the path the testkit's harness takes too: the
 * connector classifies each answer, {@link ProviderHttp} waits out or hands back rate limits (shared across runs per
 * limit key) and retries failures, and what people read keeps the provider's reason. Counts the pages it fetched.
 */
public final class HostSession implements ConnectorSession {

    private final ConnectionSessions sessions;
    private final Connector connector;
    private final UUID tenantId;
    private final UUID connectionId;
    private final URI origin;
    private final Map<String, String> settings;
    private final ZoneId zone;
    private final Clock clock;
    private final Logger log;
    private final ProviderCalls calls;
    private final AtomicInteger pages = new AtomicInteger();
    private Credentials credentials;

    HostSession(ConnectionSessions sessions, Connector connector, UUID tenantId, Connections.View connection,
                ProviderHttp http, Credentials credentials, Map<String, String> settings, ZoneId zone, Clock clock) {
        this.sessions = sessions;
        this.connector = connector;
        this.tenantId = tenantId;
        this.connectionId = connection.id();
        this.origin = Connections.origin(connection.baseUrl());
        this.settings = ConnectionSettings.withDefaults(connector, settings);
        this.credentials = credentials;
        this.zone = zone;
        this.clock = clock;
        this.log = Logger.getLogger("io.catalyst.connector." + connector.id());
        this.calls = new ProviderCalls(connector, http, new ProviderCalls.Credential() {
            @Override
            public String current() {
                if (connector.auth().kind() == AuthKind.OAUTH2 && HostSession.this.credentials.expiresSoon(
                        clock.instant())) {
                    refresh();
                }
                return HostSession.this.credentials.secret();
            }

            @Override
            public boolean renew() {
                if (connector.auth().kind() != AuthKind.OAUTH2 || HostSession.this.credentials.refreshToken() == null) {
                    return false;
                }
                refresh();
                return true;
            }
        }, connectionId.toString(), this::secrets);
    }

    @Override
    public URI baseUrl() {
        return Connector.withOrigin(connector.baseUrl(), origin);
    }

    @Override
    public HttpResult send(HttpRequestSpec request, String limitKey) {
        HttpResult result = calls.send(request, limitKey, this);
        pages.incrementAndGet();
        return result;
    }

    // the credential and the platform's app secrets: never in a run's error text
    private List<String> secrets() {
        List<String> hidden = new ArrayList<>();
        hidden.add(credentials.secret());
        connector.platformSettings().forEach(name -> hidden.add(settings.get(name)));
        return hidden;
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
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Logger log() {
        return log;
    }
}

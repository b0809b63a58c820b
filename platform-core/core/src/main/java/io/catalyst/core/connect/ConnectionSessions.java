package io.catalyst.core.connect;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.secrets.SecretBox;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.runtime.connect.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * A connector's session for one connection ({@link HostSession}): its credential opened (and refreshed when it
 * expires, the fresh one sealed again), the platform's settings for the connector, the company's time zone, and an
 * HTTP client shared per connector and origin. Only the sync engine and the account picker open one; the credential
 * never leaves the session.
 */
@ApplicationScoped
public class ConnectionSessions {

    @Inject
    Scopes scopes;

    @Inject
    SecretBox secrets;

    @Inject
    Connections connections;

    @Inject
    ConnectionAuthorization authorization;

    @Inject
    ConnectorRegistry registry;

    @Inject
    Config config;

    @Inject
    PluginHost host;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, ProviderHttp> clients = new ConcurrentHashMap<>();

    /**
     * Opens a connector session for a sync run, or empty while the connection has no credential. The HTTP client is
     * shared per connector and origin, so its rate-limit pauses hold across runs and connections.
     */
    public Optional<HostSession> session(UUID tenantId, Connections.View view, ConnectorRegistry.Available available) {
        Connector connector = available.connector();
        Optional<Credentials> credentials = connector.auth().kind() == AuthKind.NONE
                ? Optional.of(new Credentials(null, null, null, null)) : credentials(tenantId, view.id());
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        URI origin = Connections.origin(view.baseUrl());
        Set<String> hosts = new HashSet<>(available.egressHosts());
        hosts.add(Connector.withOrigin(connector.baseUrl(), origin).getHost());
        ProviderHttp http = clients.computeIfAbsent(connector.id() + " " + origin, key -> new ProviderHttp(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                new ProviderHttp.Policy(hosts, 4, maxWait(), Duration.ofSeconds(1)),
                duration -> Thread.sleep(duration.toMillis()), clock));
        return Optional.of(new HostSession(this, connector, tenantId, view, http, credentials.get(),
                settings(connector, view), zone(tenantId), clock));
    }

    /** The accounts the connection's credential reaches, asked of the provider through the connector. */
    public List<ProviderAccount> providerAccounts(UUID tenantId, UUID id) {
        Connections.View view = connections.get(tenantId, id);
        ConnectorRegistry.Available available = registry.find(view.connector()).orElseThrow(() ->
                new ProblemException(ProblemType.CONFLICT, view.connectorName() + " is not installed any more"));
        HostSession session = session(tenantId, view, available).orElseThrow(() ->
                new ProblemException(ProblemType.CONFLICT, "Authorise the connection first"));
        try {
            return host.runtime().call(available.contribution(), tenantId.toString(), "accounts", Duration.ofSeconds(60),
                    c -> c.accounts(session));
        } catch (ProviderException e) {
            throw new ProblemException(ProblemType.CONFLICT, view.connectorName() + ": " + e.getMessage());
        }
    }

    /** The credential for a session, opened; empty while the connection has none. */
    Optional<Credentials> credentials(UUID tenantId, UUID id) {
        String sealed = scopes.tenant(tenantId, em -> (String) Scopes.sql(em, "select credentials from connection"
                + " where id = ?1").setParameter(1, id).getResultStream().findFirst().orElse(null));
        return sealed == null ? Optional.empty()
                : Optional.of(Credentials.fromJson(secrets.open(sealed, Connections.context(tenantId, id))));
    }

    /** Refreshes an OAuth token and stores the result (with the rotated refresh token, if the provider sent one). */
    Credentials refresh(UUID tenantId, UUID id, Credentials current) {
        Connections.View view = connections.get(tenantId, id);
        Connector connector = connections.connector(view.connector());
        Credentials fresh = authorization.refresh(view, connector, current);
        scopes.tenant(tenantId, em -> {
            connections.store(em, tenantId, id, fresh);
            return null;
        });
        return fresh;
    }

    /**
     * What the connector gets in {@code session.settings()}: the connection's settings, and the values the platform
     * configures once for the connector ({@code catalyst.connectors.<id>.<name>}, with {@code -} for {@code _}).
     */
    Map<String, String> settings(Connector connector, Connections.View view) {
        Map<String, String> settings = new HashMap<>(view.settings());
        // the platform's settings (Google's developer token) come from the platform only, never from a connection
        connector.platformSettings().forEach(settings::remove);
        for (String name : connector.platformSettings()) {
            config.getOptionalValue("catalyst.connectors." + connector.id() + "." + name.replace('_', '-'),
                    String.class).ifPresent(value -> settings.put(name, value));
        }
        return settings;
    }

    // the company's days are the ones its figures are reported in
    private ZoneId zone(UUID tenantId) {
        String name = scopes.tenant(tenantId, em -> (String) Scopes.sql(em, "select timezone from tenant where id"
                + " = ?1").setParameter(1, tenantId).getSingleResult());
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    // a wait up to this long is slept inside the run; a longer one reschedules the job instead of holding a thread
    private Duration maxWait() {
        return Duration.ofSeconds(config.getOptionalValue("catalyst.sync.max-wait-seconds", Integer.class)
                .orElse(60));
    }
}

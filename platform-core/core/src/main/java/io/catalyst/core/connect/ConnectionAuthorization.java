package io.catalyst.core.connect;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.Connector;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.secrets.SecretBox;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authorising a connection with OAuth 2.0 and PKCE, with the platform's OAuth app for its provider: the consent URL,
 * the provider's redirect back (the code exchanged, the tokens sealed), and refreshing a token. A flow's state is
 * random, stored only hashed, and good once for 15 minutes.
 */
@ApplicationScoped
public class ConnectionAuthorization {

    static final Duration FLOW_LIFETIME = Duration.ofMinutes(15);

    /** How an OAuth callback ended, for the page the browser lands on. */
    public record Completed(UUID tenantId, UUID connectionId, String returnTo, String error) {
    }

    @Inject
    Scopes scopes;

    @Inject
    SecretBox secrets;

    @Inject
    Connections connections;

    @Inject
    AuditLog audit;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "catalyst.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ConnectionAuthorization.class.getName());

    private final Clock clock = Clock.systemUTC();
    private final OAuthClient oauth = new OAuthClient(HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build(), clock);

    /**
     * Starts an OAuth authorisation of a connection: returns where to send the browser. The state is random, stored
     * hashed with the tenant, the user (or share link) and the PKCE verifier, and good once for 15 minutes.
     */
    public URI authorize(UUID tenantId, UUID userId, UUID linkId, UUID id, String returnTo) {
        Connections.View view = connections.get(tenantId, id);
        Connector connector = connections.connector(view.connector());
        if (connector.auth().kind() != AuthKind.OAUTH2) {
            throw Connections.invalid("connector", view.connectorName() + " connects with an API key, not OAuth");
        }
        String state = OAuthClient.randomToken();
        String verifier = OAuthClient.randomToken();
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into oauth_flow (tenant_id, state_hash, connector,"
                        + " connection_id, user_id, link_id, verifier, return_to, expires_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, tenantId).setParameter(2, hash(state)).setParameter(3, connector.id())
                .setParameter(4, id).setParameter(5, userId).setParameter(6, linkId)
                .setParameter(7, secrets.seal(verifier, "oauth-flow/" + hash(state)))
                .setParameter(8, safeReturn(returnTo))
                .setParameter(9, Timestamp.from(clock.instant().plus(FLOW_LIFETIME))).executeUpdate());
        URI authorizeUrl = Connector.withOrigin(connector.auth().authorizeUrl(), Connections.origin(view.baseUrl()));
        return OAuthClient.authorizeUri(authorizeUrl, app(connector), connector.auth().scopes(), state, verifier);
    }

    /**
     * The provider's redirect back: finds the flow by its state (whoever's browser brings it), exchanges the code
     * with the PKCE verifier, and stores the tokens sealed. A state is good once.
     */
    public Completed complete(String state, String code, String providerError) {
        if (Connections.blank(state)) {
            return new Completed(null, null, null, "The link is incomplete: it has no state. Start connecting again.");
        }
        Object[] flow = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "delete from oauth_flow where state_hash = ?1 returning tenant_id,"
                            + " connection_id, connector, verifier, return_to, expires_at, user_id, link_id")
                    .setParameter(1, hash(state)).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (flow == null) {
            return new Completed(null, null, null, "This authorisation was already used or is unknown."
                    + " Start connecting again.");
        }
        UUID tenantId = (UUID) flow[0];
        UUID id = (UUID) flow[1];
        String returnTo = (String) flow[4];
        if (Connections.toInstant(flow[5]).isBefore(clock.instant())) {
            return new Completed(tenantId, id, returnTo, "The authorisation took longer than 15 minutes."
                    + " Start connecting again.");
        }
        if (!Connections.blank(providerError)) {
            return new Completed(tenantId, id, returnTo, "The provider did not grant access (" + providerError
                    + "). Nothing was changed.");
        }
        if (Connections.blank(code)) {
            return new Completed(tenantId, id, returnTo, "The provider sent no authorisation code.");
        }
        Connections.View view;
        try {
            view = connections.get(tenantId, id);
        } catch (ProblemException gone) {
            return new Completed(tenantId, id, returnTo, "The connection was removed while it was being authorised.");
        }
        Connector connector = connections.connector(view.connector());
        String verifier = secrets.open((String) flow[3], "oauth-flow/" + hash(state));
        Credentials tokens;
        try {
            tokens = oauth.exchange(tokenUrl(connector, view), app(connector), code, verifier);
        } catch (OAuthClient.TokenRefused refused) {
            return new Completed(tenantId, id, returnTo, refused.getMessage());
        }
        scopes.tenant(tenantId, em -> {
            connections.store(em, tenantId, id, tokens);
            Scopes.sql(em, "update connection set status = 'ACTIVE', last_error = null, updated_at = now()"
                    + " where id = ?1").setParameter(1, id).executeUpdate();
            return null;
        });
        UUID userId = (UUID) flow[6];
        UUID linkId = (UUID) flow[7];
        if (linkId != null) { // a share link is used up only by an authorisation that succeeded
            scopes.tenant(tenantId, em -> Scopes.sql(em, "update connect_link set used_at = now() where id = ?1")
                    .setParameter(1, linkId).executeUpdate());
        }
        audit.record(new AuditEntry(tenantId, userId, linkId == null ? "user" : "share link " + linkId,
                "connections.connection.authorised", "connection", id.toString(), null,
                Map.of("connector", connector.id())));
        return new Completed(tenantId, id, returnTo, null);
    }

    /**
     * Asks the provider for a fresh access token for a connection's credential; the answer carries the rotated
     * refresh token, if the provider sent one. Storing it is the caller's ({@link ConnectionSessions}).
     *
     * @throws OAuthClient.TokenRefused if the provider refuses (invalid_grant: the user must consent again)
     */
    Credentials refresh(Connections.View view, Connector connector, Credentials current) {
        return oauth.refresh(tokenUrl(connector, view), app(connector), current);
    }

    private static URI tokenUrl(Connector connector, Connections.View view) {
        return Connector.withOrigin(connector.auth().tokenUrl(), Connections.origin(view.baseUrl()));
    }

    /**
     * Whether companies can connect this connector now: an OAuth connector needs the platform's OAuth app (client id
     * and secret); an API-key connector needs nothing of the platform.
     */
    public boolean configured(Connector connector) {
        return missingSettings(connector).isEmpty();
    }

    /** The platform settings (environment variables) a connector still lacks, for platform admins' eyes only. */
    public java.util.List<String> missingSettings(Connector connector) {
        if (connector.auth() == null || connector.auth().kind() != io.catalyst.api.connect.AuthKind.OAUTH2) {
            return java.util.List.of();
        }
        String prefix = "catalyst.connectors." + connector.id() + ".";
        String env = "CATALYST_CONNECTORS_" + connector.id().toUpperCase(Locale.ROOT).replace('-', '_');
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (config.getOptionalValue(prefix + "client-id", String.class).filter(v -> !v.isBlank()).isEmpty()) {
            missing.add(env + "_CLIENT_ID");
        }
        if (config.getOptionalValue(prefix + "client-secret", String.class).filter(v -> !v.isBlank()).isEmpty()) {
            missing.add(env + "_CLIENT_SECRET");
        }
        return missing;
    }

    /** The platform's OAuth app for a connector's provider, or why it cannot be connected yet. */
    OAuthClient.App app(Connector connector) {
        String prefix = "catalyst.connectors." + connector.id() + ".";
        Optional<String> clientId = config.getOptionalValue(prefix + "client-id", String.class);
        Optional<String> clientSecret = config.getOptionalValue(prefix + "client-secret", String.class);
        if (clientId.isEmpty() || clientSecret.isEmpty()) {
            // not a 503: retrying cannot help until someone configures it. The setting names are for operators.
            String env = "CATALYST_CONNECTORS_" + connector.id().toUpperCase(Locale.ROOT).replace('-', '_');
            LOG.warning(() -> connector.displayName() + " cannot be authorised: set " + env + "_CLIENT_ID and "
                    + env + "_CLIENT_SECRET (docs/connectors.md)");
            throw new ProblemException(ProblemType.NOT_CONFIGURED, connector.displayName() + " cannot be connected"
                    + " yet: the platform's administrators have not set up its OAuth app. Ask them to.");
        }
        return new OAuthClient.App(clientId.get(), clientSecret.get(),
                URI.create(publicUrl.replaceAll("/+$", "") + "/api/connect/oauth/callback"));
    }

    /** SHA-256 in hex: what is stored of a flow's state or a share link's token. */
    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // only paths inside the product: an open redirect would hand the user to anyone
    static String safeReturn(String returnTo) {
        return returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/integrations";
    }
}

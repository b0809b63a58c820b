package io.catalyst.core.connect;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.tenancy.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links the client's own staff open to authorise a connection without a Catalyst account. Only a link's hash is
 * stored; it works until one authorisation through it succeeds, for seven days, and opening it starts the OAuth flow ({@link ConnectionAuthorization}) in
 * the link's name.
 */
@ApplicationScoped
public class ShareLinks {

    static final Duration LINK_LIFETIME = Duration.ofDays(7);

    @Inject
    Scopes scopes;

    @Inject
    Connections connections;

    @Inject
    ConnectionAuthorization authorization;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "catalyst.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    private final Clock clock = Clock.systemUTC();

    /** A new link for a connection that is authorised with OAuth. */
    public URI create(UUID tenantId, UUID actorId, String actor, UUID id) {
        Connections.View view = connections.get(tenantId, id);
        if (connections.connector(view.connector()).auth().kind() != AuthKind.OAUTH2) {
            throw Connections.invalid("connector", view.connectorName()
                    + " connects with an API key; share that instead");
        }
        String token = OAuthClient.randomToken();
        UUID linkId = UUID.randomUUID();
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into connect_link (tenant_id, id, token_hash,"
                        + " connection_id, created_by, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tenantId).setParameter(2, linkId)
                .setParameter(3, ConnectionAuthorization.hash(token)).setParameter(4, id)
                .setParameter(5, actorId).setParameter(6, Timestamp.from(clock.instant().plus(LINK_LIFETIME)))
                .executeUpdate());
        audit.record(new AuditEntry(tenantId, actorId, actor, "connections.link.created", "connection",
                id.toString(), null, Map.of("link", linkId.toString())));
        // the token rides in the query string, which the access log and error logs leave out
        return URI.create(publicUrl.replaceAll("/+$", "") + "/api/connect/link?token=" + token);
    }

    /**
     * Opens a link: starts the OAuth flow in its name; empty if used, expired or unknown. The link stays good until an
     * authorisation through it succeeds ({@link ConnectionAuthorization#complete}), so a failed attempt (the client
     * declined, the platform's app is not set up yet) does not use it up.
     */
    public Optional<URI> open(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Object[] link = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select tenant_id, id, connection_id from connect_link"
                            + " where token_hash = ?1 and used_at is null and expires_at > now()")
                    .setParameter(1, ConnectionAuthorization.hash(token)).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (link == null) {
            return Optional.empty();
        }
        return Optional.of(authorization.authorize((UUID) link[0], null, (UUID) link[1], (UUID) link[2],
                "/connected"));
    }
}

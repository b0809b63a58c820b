package io.catalyst.core.notify;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.secrets.SecretBox;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's webhooks: where notifications are also posted (a Slack incoming webhook, a chat bot, a ticketing
 * system), signed with a secret shown once at creation. Only https addresses on the public internet are taken,
 * checked again at every call, so a webhook cannot reach the platform's own network; development and tests may allow
 * private addresses ({@code catalyst.webhooks.allow-private}). Creating and removing are audited.
 */
@ApplicationScoped
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_PER_TENANT = 20;

    @Inject
    Scopes scopes;

    @Inject
    SecretBox secrets;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "catalyst.webhooks.allow-private", defaultValue = "false")
    boolean allowPrivate;

    /** A webhook as its owners see it; never its secret. */
    public record Webhook(UUID id, String name, String url, List<String> kinds, boolean enabled, Instant createdAt) {
    }

    /** A new webhook and its signing secret, shown only in this answer. */
    public record Created(Webhook webhook, String secret) {
    }

    public Created create(UUID tenantId, UUID actorId, String actor, String name, String url, List<String> kinds) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new Problem.FieldError("name", "1 to 100 characters"));
        }
        String why = refusal(url);
        if (why != null) {
            errors.add(new Problem.FieldError("url", why));
        }
        List<String> patterns = kinds == null ? List.of() : kinds;
        if (patterns.size() > 50 || patterns.stream().anyMatch(k -> k == null
                || !k.matches("(\\*|[a-z0-9][a-z0-9-]{0,62}(/(\\*|[a-z0-9][a-z0-9.-]{0,62}\\*?))?)"))) {
            errors.add(new Problem.FieldError("kinds", "up to 50 patterns such as alerts, alerts/alert.firing or"
                    + " tasks/task.*; none means every notification"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The webhook is not valid.", errors, null);
        }
        if (list(tenantId).size() >= MAX_PER_TENANT) {
            throw new ProblemException(ProblemType.CONFLICT, "A company has at most " + MAX_PER_TENANT
                    + " webhooks: remove one first.");
        }
        UUID id = UUID.randomUUID();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String sealed = secrets.seal(secret, context(tenantId, id));
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into notification_webhook (tenant_id, id, name, url,"
                        + " secret, kinds, created_by) values (?1, ?2, ?3, ?4, ?5, cast(?6 as text[]), ?7)")
                .setParameter(1, tenantId).setParameter(2, id).setParameter(3, name.strip()).setParameter(4, url)
                .setParameter(5, sealed).setParameter(6, "{" + String.join(",", patterns) + "}")
                .setParameter(7, actorId).executeUpdate());
        audit.record(new AuditEntry(tenantId, actorId, actor, "notifications.webhook.created", "webhook",
                id.toString(), null, Map.of("name", name.strip(), "host", URI.create(url).getHost(),
                "kinds", patterns)));
        return new Created(get(tenantId, id), secret);
    }

    public List<Webhook> list(UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select id, name, url, kinds, enabled, created_at"
                    + " from notification_webhook order by created_at").getResultList();
            return rows.stream().map(Webhooks::webhook).toList();
        });
    }

    /** One of the tenant's webhooks; another tenant's answers 404 like a missing one. */
    public Webhook get(UUID tenantId, UUID id) {
        return list(tenantId).stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such webhook."));
    }

    public void delete(UUID tenantId, UUID actorId, String actor, UUID id) {
        Webhook before = get(tenantId, id);
        scopes.tenant(tenantId, em -> Scopes.sql(em, "delete from notification_webhook where id = ?1")
                .setParameter(1, id).executeUpdate());
        audit.record(new AuditEntry(tenantId, actorId, actor, "notifications.webhook.deleted", "webhook",
                id.toString(), Map.of("name", before.name(), "host", URI.create(before.url()).getHost()), null));
    }

    /** The secret, for signing a call; only the outbox asks. */
    String secret(UUID tenantId, UUID id, String sealed) {
        return secrets.open(sealed, context(tenantId, id));
    }

    /**
     * Why an address cannot take webhook calls, or null if it can: https only, and no loopback, private or
     * link-local address (unless allowed for development).
     */
    String refusal(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return "an https:// address of up to 2000 characters";
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return "not a valid address";
        }
        if (uri.getHost() == null || uri.getUserInfo() != null
                || !("https".equals(uri.getScheme()) || allowPrivate && "http".equals(uri.getScheme()))) {
            return "an https:// address with a host name, and no user name or password in it";
        }
        if (allowPrivate) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || address.getHostAddress().startsWith("fc") || address.getHostAddress().startsWith("fd")) {
                    return "an address on the public internet; " + uri.getHost() + " is a private or local one";
                }
            }
        } catch (UnknownHostException e) {
            return "a host name that resolves; " + uri.getHost() + " does not";
        }
        return null;
    }

    /** Whether a webhook subscribed with these patterns gets a notification of this source and kind. */
    static boolean subscribed(String[] patterns, String source, String kind) {
        if (patterns == null || patterns.length == 0) {
            return true;
        }
        String full = source + "/" + kind;
        return Arrays.stream(patterns).anyMatch(p -> p.equals("*") || p.equals(source) || p.equals(full)
                || p.endsWith("*") && full.startsWith(p.substring(0, p.length() - 1)));
    }

    private static String context(UUID tenantId, UUID id) {
        return "tenant/" + tenantId + "/webhook/" + id;
    }

    /** A text[] column as the driver hands it over. */
    static String[] patterns(Object kinds) {
        return kinds instanceof String[] a ? a : kinds instanceof java.sql.Array arr
                ? arrayOf(arr).toArray(String[]::new) : new String[0];
    }

    private static Webhook webhook(Object[] r) {
        List<String> patterns = List.of(patterns(r[3]));
        Object created = r[5];
        Instant at = created instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) created).toInstant();
        return new Webhook((UUID) r[0], (String) r[1], (String) r[2], patterns, (Boolean) r[4], at);
    }

    private static List<String> arrayOf(java.sql.Array array) {
        try {
            return List.of((String[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

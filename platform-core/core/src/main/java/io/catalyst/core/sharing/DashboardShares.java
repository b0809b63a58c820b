package io.catalyst.core.sharing;

import io.catalyst.api.ui.UiScreen;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.identity.OneTimeTokens;
import io.catalyst.core.plugins.PluginDispatch;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.core.web.Texts;
import io.catalyst.runtime.Contribution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Read-only links to one dashboard screen, for people without an account. A link names the tenant, the plugin and
 * the screen; whoever opens it sees that screen with the company's data and can change its period and filters, and
 * nothing else: no other screen, no navigation, no account. It ends at its expiry (1 to 90 days) or when revoked.
 * Creating, revoking and every opening are audited.
 */
@ApplicationScoped
public class DashboardShares {

    static final int MAX_DAYS = 90;

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    @Inject
    PluginDispatch dispatch;

    /** What a shared screen may do: read the company's figures. */
    public static final String READ = "dashboards:read";

    @Inject
    @ConfigProperty(name = "catalyst.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    /** A link as its owners see it (never the token, which exists only in the answer that created it). */
    public record Share(UUID id, String pluginId, String route, String title, Instant createdAt, Instant expiresAt,
                        Instant revokedAt, int opens, Instant lastOpenedAt) {
        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A new link and its URL, shown once. */
    public record Created(Share share, String url) {
    }

    /** What a valid link opens. */
    public record Opened(UUID tenantId, String pluginId, String route, String title, Instant expiresAt) {
    }

    public Created create(UUID tenantId, UUID actorId, String actor, String pluginId, String route, String title,
                          int days) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Texts.check(errors, "pluginId", pluginId, Texts.KEY);
        Texts.check(errors, "route", route, Texts.KEY);
        Texts.check(errors, "title", title, Texts.NAME);
        Texts.require(errors, "The link");
        if (pluginId == null || route == null || pluginId.isBlank() || route.isBlank()) {
            throw invalid("route", "name the plugin and the screen to share");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw invalid("expiresInDays", "between 1 and " + MAX_DAYS);
        }
        if (screen(tenantId, pluginId, route).isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The company has no dashboard " + pluginId + "/" + route
                    + " to share: only screens of enabled plugins that read figures (dashboards:read) can be.");
        }
        String token = OneTimeTokens.next();
        UUID id = UUID.randomUUID();
        Instant expires = Instant.now().plus(Duration.ofDays(days));
        String name = title == null || title.isBlank() ? route : title.strip();
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into dashboard_share (tenant_id, id, token_hash,"
                        + " plugin_id, route, title, created_by, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, tenantId).setParameter(2, id).setParameter(3, OneTimeTokens.hash(token))
                .setParameter(4, pluginId).setParameter(5, route).setParameter(6, name).setParameter(7, actorId)
                .setParameter(8, Timestamp.from(expires)).executeUpdate());
        audit.record(new AuditEntry(tenantId, actorId, actor, "sharing.link.created", "share", id.toString(), null,
                Map.of("screen", pluginId + "/" + route, "expiresAt", expires.toString())));
        return new Created(get(tenantId, id), publicUrl.replaceAll("/+$", "") + "/share?token=" + token);
    }

    /** The screen, if the tenant has it (its plugin enabled) and it only reads figures: what a link may show. */
    public Optional<Contribution<UiScreen>> screen(UUID tenantId, String pluginId, String route) {
        for (Contribution<UiScreen> screen : dispatch.extensions(tenantId, UiScreen.class)) {
            if (screen.pluginId().equals(pluginId)) {
                try {
                    String permission = dispatch.describe(screen, "permission", UiScreen::requiredPermission);
                    if (route.equals(dispatch.describe(screen, "route", UiScreen::route))
                            && (permission == null || READ.equals(permission))) {
                        return Optional.of(screen);
                    }
                } catch (RuntimeException failing) {
                    return Optional.empty(); // a failing plugin shares nothing
                }
            }
        }
        return Optional.empty();
    }

    public List<Share> list(UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, SELECT + " order by created_at desc").getResultList();
            return rows.stream().map(DashboardShares::share).toList();
        });
    }

    /** A link of the tenant; another tenant's answers 404 like a missing one. */
    public Share get(UUID tenantId, UUID id) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, SELECT + " where id = ?1").setParameter(1, id).getResultList();
            return rows.stream().map(DashboardShares::share).findFirst()
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such link."));
        });
    }

    public Share revoke(UUID tenantId, UUID actorId, String actor, UUID id) {
        Share before = get(tenantId, id);
        if (before.revokedAt() == null) {
            scopes.tenant(tenantId, em -> Scopes.sql(em, "update dashboard_share set revoked_at = now() where id = ?1")
                    .setParameter(1, id).executeUpdate());
            audit.record(new AuditEntry(tenantId, actorId, actor, "sharing.link.revoked", "share", id.toString(),
                    Map.of("screen", before.pluginId() + "/" + before.route()), null));
        }
        return get(tenantId, id);
    }

    /**
     * What a token opens, if it is a live link: counted and audited. A wrong, expired or revoked token answers
     * empty, the same for each.
     */
    public Optional<Opened> open(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Object[] row = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select tenant_id, id, plugin_id, route, title, expires_at"
                    + " from dashboard_share where token_hash = ?1 and revoked_at is null and expires_at > now()")
                    .setParameter(1, OneTimeTokens.hash(token)).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (row == null) {
            return Optional.empty();
        }
        UUID tenantId = (UUID) row[0];
        UUID id = (UUID) row[1];
        scopes.tenant(tenantId, em -> Scopes.sql(em, "update dashboard_share set opens = opens + 1,"
                + " last_opened_at = now() where id = ?1").setParameter(1, id).executeUpdate());
        audit.record(new AuditEntry(tenantId, null, "anyone with the link", "sharing.link.opened", "share",
                id.toString(), null, Map.of("screen", row[2] + "/" + row[3])));
        return Optional.of(new Opened(tenantId, (String) row[2], (String) row[3], (String) row[4],
                instant(row[5])));
    }

    private static final String SELECT = "select id, plugin_id, route, title, created_at, expires_at, revoked_at,"
            + " opens, last_opened_at from dashboard_share";

    private static Share share(Object[] r) {
        return new Share((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], instant(r[4]), instant(r[5]),
                instant(r[6]), ((Number) r[7]).intValue(), instant(r[8]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The link is not valid.",
                List.of(new Problem.FieldError(field, message)), null);
    }
}

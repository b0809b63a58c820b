package io.catalyst.core.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for platform administration: tenant manifests, the platform API and the {@code catalyst} CLI. Like
 * tenant tokens they are signed JWTs kept only as a SHA-256, but they name no tenant, hold only {@code platform:}
 * permissions, and work only while their user still holds those.
 */
@ApplicationScoped
public class PlatformTokens {

    /** The {@code token_type} claim that marks a platform token. */
    static final String TYPE = "platform";

    @Inject
    Scopes scopes;

    @Inject
    Tokens tokens;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    /** A new platform token; its secret is shown once and never stored. */
    public record Issued(UUID id, String secret, OffsetDateTime expiresAt) {
    }

    @Transactional
    public Issued issue(UUID actorId, String actor, UUID userId, String name, List<String> permissions,
                        Duration lifetime) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new Problem.FieldError("name", "1 to 100 characters"));
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()
                || lifetime.compareTo(Tokens.MAX_LIFETIME) > 0) {
            errors.add(new Problem.FieldError("expiresInDays", "from 1 to 366 days"));
        }
        if (permissions == null || permissions.isEmpty()) {
            errors.add(new Problem.FieldError("permissions", "choose at least one"));
        } else {
            for (String permission : permissions) {
                if (!permission.startsWith("platform:") || !Permissions.registry().known(permission)) {
                    errors.add(new Problem.FieldError("permissions", "not a platform permission: " + permission));
                } else if (!access.permittedOnPlatform(userId, permission)) {
                    errors.add(new Problem.FieldError("permissions", "the user does not hold " + permission));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The token cannot be issued.", errors, null);
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime expires = OffsetDateTime.now().plus(lifetime);
        String secret = tokens.sign(id, userId.toString(), new JWTClaimsSet.Builder()
                .claim("token_type", TYPE).claim("groups", permissions), expires);
        scopes.platform(em -> Scopes.sql(em, "insert into platform_token (id, name, user_id, permissions,"
                        + " token_hash, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, name.trim()).setParameter(3, userId)
                .setParameter(4, String.join(",", permissions)).setParameter(5, Tokens.sha256(secret))
                .setParameter(6, expires).executeUpdate());
        audit.record(new AuditEntry(null, actorId, actor, "identity.platform-token.created", "platform-token",
                id.toString(), null, Map.of("name", name.trim(), "user", userId.toString(),
                        "permissions", permissions, "expiresAt", expires.toString())));
        return new Issued(id, secret, expires);
    }

    /** Revokes a user's live platform tokens of one name, such as the CLI's previous operator token. */
    @Transactional
    public int revokeNamed(UUID actorId, String actor, UUID userId, String name) {
        int revoked = scopes.platform(em -> Scopes.sql(em, "update platform_token set revoked_at = now()"
                        + " where user_id = ?1 and name = ?2 and revoked_at is null")
                .setParameter(1, userId).setParameter(2, name).executeUpdate());
        if (revoked > 0) {
            audit.record(new AuditEntry(null, actorId, actor, "identity.platform-token.revoked", "platform-token",
                    name, null, Map.of("user", userId.toString(), "count", revoked)));
        }
        return revoked;
    }

    /** The caller a verified platform JWT stands for, if the token is still live and its user active. */
    Caller verify(UUID tokenId, String hash) {
        Object[] row = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "update platform_token t set last_used_at = now()"
                            + " from app_user u where t.id = ?1 and t.token_hash = ?2 and t.revoked_at is null"
                            + " and t.expires_at > now() and u.id = t.user_id and u.status = 'ACTIVE'"
                            + " returning t.user_id, t.permissions")
                    .setParameter(1, tokenId).setParameter(2, hash).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (row == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The token was revoked, has expired, or is"
                    + " unknown.");
        }
        return new Caller(null, (UUID) row[0], ApiToken.Kind.PLATFORM, tokenId, RoleList.parse((String) row[1]));
    }
}

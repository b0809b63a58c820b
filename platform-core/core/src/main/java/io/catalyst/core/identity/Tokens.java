package io.catalyst.core.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.TenantStatus;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.core.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * API tokens: issued as signed MP JWTs (ES256) scoped to one tenant and a subset of permissions, kept only as a
 * SHA-256, revocable, and checked against the database on every use. A personal token never does more than its user
 * may do at that moment; a service token holds at most what its creator held when making it.
 */
@ApplicationScoped
public class Tokens {

    public static final String ISSUER = "catalyst";
    static final Duration MAX_LIFETIME = Duration.ofDays(366);

    @Inject
    TokenKeys keys;

    @Inject
    Scopes scopes;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    PlatformTokens platformTokens;

    /** A new token: the record, and the token itself, which is shown once and never stored. */
    public record Issued(ApiToken token, String secret) {
    }

    @Transactional
    public Issued issue(UUID actorId, String actor, UUID tenantId, ApiToken.Kind kind, String name,
                        List<String> permissions, Duration lifetime) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new Problem.FieldError("name", "1 to 100 characters"));
        } else {
            Texts.check(errors, "name", name, 100);
        }
        Texts.checkAll(errors, "permissions", permissions, Texts.KEY);
        if (kind != ApiToken.Kind.PERSONAL && kind != ApiToken.Kind.SERVICE) {
            // platform tokens are the operator's (PlatformTokens), never a company's
            errors.add(new Problem.FieldError("kind", "personal or service"));
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            errors.add(new Problem.FieldError("expiresInDays", "from 1 to 366 days"));
        }
        if (permissions == null || permissions.isEmpty()) {
            errors.add(new Problem.FieldError("permissions", "choose at least one"));
        } else {
            for (String permission : permissions) {
                if (!Permissions.registry().known(permission) || permission.startsWith("platform:")) {
                    errors.add(new Problem.FieldError("permissions", "unknown permission: " + permission));
                } else if (!access.permitted(actorId, tenantId, permission)) {
                    errors.add(new Problem.FieldError("permissions", "you do not hold " + permission));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The token cannot be issued.", errors, null);
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime expires = OffsetDateTime.now().plus(lifetime);
        String secret = sign(id, tenantId, actorId, kind, permissions, expires);
        ApiToken token = scopes.tenant(tenantId, em -> {
            ApiToken created = new ApiToken(id, kind, name.trim(), actorId, permissions, sha256(secret), expires);
            em.persist(created);
            return created;
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.token.created", "api-token", id.toString(),
                null, Map.of("name", token.name(), "kind", kind.name(), "permissions", permissions,
                        "expiresAt", expires.toString())));
        return new Issued(token, secret);
    }

    /** The caller a bearer token stands for; a token that is forged, expired, revoked or unknown is refused. */
    public Caller verify(String bearer) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(bearer);
            if (!jwt.verify(keys.verifier())) {
                throw unauthorized("The token's signature is not valid.");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw unauthorized("The token is not a valid Catalyst token.");
        }
        if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                || claims.getExpirationTime().before(new Date())) {
            throw unauthorized("The token has expired or was not issued by Catalyst.");
        }
        UUID tenantId;
        UUID tokenId;
        try {
            tokenId = UUID.fromString(claims.getJWTID());
            if (PlatformTokens.TYPE.equals(claims.getClaim("token_type"))) {
                return platformTokens.verify(tokenId, sha256(bearer));
            }
            tenantId = UUID.fromString((String) claims.getClaim("tenant_id"));
        } catch (RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw unauthorized("The token is not a valid Catalyst token.");
        }
        String hash = sha256(bearer);
        ApiToken token = scopes.tenant(tenantId, em -> {
            Tenant tenant = em.find(Tenant.class, tenantId);
            if (tenant == null || tenant.status() != TenantStatus.ACTIVE) {
                return null; // a suspended or offboarding company's tokens stop working with it
            }
            ApiToken found = em.find(ApiToken.class, tokenId);
            if (found != null && found.usable(OffsetDateTime.now()) && found.tokenHash().equals(hash)) {
                found.used(OffsetDateTime.now());
                return found;
            }
            return null;
        });
        if (token == null) {
            throw unauthorized("The token was revoked, is unknown, or its company is suspended.");
        }
        return new Caller(tenantId, token.userId(), token.kind(), tokenId, token.permissions());
    }

    /** Whether the caller may do something: the token must hold it, and a personal token's user must too. */
    public boolean permits(Caller caller, String permission) {
        WildcardPermission wanted = new WildcardPermission(permission);
        boolean held = caller.permissions().stream().anyMatch(p -> new WildcardPermission(p).implies(wanted));
        if (caller.kind() == ApiToken.Kind.PLATFORM || permission.startsWith("platform:")) {
            // platform tokens do platform work only, and only while their user still may
            return held && caller.kind() == ApiToken.Kind.PLATFORM && permission.startsWith("platform:")
                    && access.permittedOnPlatform(caller.userId(), permission);
        }
        return held && (caller.kind() == ApiToken.Kind.SERVICE
                || access.permitted(caller.userId(), caller.tenantId(), permission));
    }

    public List<ApiToken> list(UUID tenantId) {
        return scopes.tenant(tenantId, em -> em.createQuery(
                "select t from ApiToken t order by t.createdAt desc", ApiToken.class).getResultList());
    }

    /** Revokes a token of the tenant; another tenant's token is not found. */
    @Transactional
    public void revoke(UUID actorId, String actor, UUID tenantId, UUID tokenId) {
        ApiToken token = scopes.tenant(tenantId, em -> {
            ApiToken found = em.find(ApiToken.class, tokenId);
            if (found != null) {
                found.revoke();
            }
            return found;
        });
        if (token == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such token.");
        }
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.token.revoked", "api-token",
                tokenId.toString(), null, Map.of("name", token.name())));
    }

    private String sign(UUID id, UUID tenantId, UUID userId, ApiToken.Kind kind, List<String> permissions,
                        OffsetDateTime expires) {
        String subject = kind == ApiToken.Kind.SERVICE ? "service:" + id : userId.toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("token_type", kind.name().toLowerCase())
                .claim("groups", permissions);
        if (tenantId != null) {
            claims.claim("tenant_id", tenantId.toString());
        }
        return sign(id, subject, claims, expires);
    }

    /** Signs a token with the platform's key: the common claims here, the kind's own in {@code claims}. */
    String sign(UUID id, String subject, JWTClaimsSet.Builder claims, OffsetDateTime expires) {
        claims.issuer(ISSUER)
                .subject(subject)
                .claim("upn", subject)
                .jwtID(id.toString())
                .issueTime(new Date())
                .expirationTime(Date.from(expires.toInstant()));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(TokenKeys.ALGORITHM).type(JOSEObjectType.JWT)
                .keyID(keys.keyId()).build(), claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail);
    }
}

package io.catalyst.core.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** An issued API token: what it may do, until when, and the hash that identifies it. Never the token itself. */
@Entity
@Table(name = "api_token")
@Multitenant(MultitenantType.SINGLE_TABLE)
// tenant_id also leads the table's primary key; within a tenant-bound EntityManager the id alone is unique
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class ApiToken {

    /**
     * Personal tokens act as their user; service tokens act for the tenant. Platform tokens act for platform
     * administration and are kept apart, in {@link PlatformTokens}; no tenant's token is ever one.
     */
    public enum Kind { PERSONAL, SERVICE, PLATFORM }

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String name;
    @Column(name = "user_id")
    private UUID userId;
    private String permissions = "";
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;
    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(UUID id, Kind kind, String name, UUID userId, List<String> permissions, String tokenHash,
             OffsetDateTime expiresAt) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.userId = userId;
        this.permissions = RoleList.format(permissions);
        this.tokenHash = tokenHash;
        this.createdAt = OffsetDateTime.now();
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public UUID userId() {
        return userId;
    }

    public List<String> permissions() {
        return RoleList.parse(permissions);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }

    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }

    String tokenHash() {
        return tokenHash;
    }

    boolean usable(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = OffsetDateTime.now();
        }
    }

    void used(OffsetDateTime now) {
        // at most one write a minute per token
        if (lastUsedAt == null || lastUsedAt.isBefore(now.minusMinutes(1))) {
            lastUsedAt = now;
        }
    }
}

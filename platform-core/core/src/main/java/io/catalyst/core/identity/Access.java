package io.catalyst.core.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.mgt.DefaultSecurityManager;

/**
 * Authentication and permission checks, through Shiro's security manager over {@link CatalystRealm}. No subject is
 * bound to threads: callers pass who is acting and in which tenant, which works the same for REST, the UI and jobs.
 */
@ApplicationScoped
public class Access {

    @Inject
    IdentityDirectory directory;

    private DefaultSecurityManager security;

    @PostConstruct
    void init() {
        security = new DefaultSecurityManager(new CatalystRealm(directory));
    }

    /** Checks a password; throws Shiro's AuthenticationException subclasses on failure. */
    public UUID authenticate(String email, String password) {
        UsernamePasswordToken token = new UsernamePasswordToken(email.trim().toLowerCase(), password);
        try {
            AuthenticationInfo info = security.authenticate(token);
            return info.getPrincipals().oneByType(CatalystRealm.UserId.class).value();
        } finally {
            token.clear();
        }
    }

    /** Whether the user, working in the tenant, holds a tenant-relative permission such as {@code users:manage}. */
    public boolean permitted(UUID userId, UUID tenantId, String permission) {
        return tenantId != null && security.isPermitted(CatalystRealm.principals(userId, tenantId),
                CatalystRealm.tenantPermission(tenantId, permission));
    }

    /** Whether the user holds a platform permission such as {@code platform:tenants:manage}. */
    public boolean permittedOnPlatform(UUID userId, String permission) {
        if (!permission.startsWith("platform:")) {
            throw new IllegalArgumentException("Not a platform permission: " + permission);
        }
        return security.isPermitted(CatalystRealm.principals(userId, null), permission);
    }
}

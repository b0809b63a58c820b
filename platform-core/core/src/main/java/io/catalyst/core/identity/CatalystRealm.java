package io.catalyst.core.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExcessiveAttemptsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.PasswordMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.SimplePrincipalCollection;

/**
 * Shiro's view of Catalyst's own user store. A login is an email and a password; a subject is a user, optionally
 * working in one tenant. Permissions are tenant-relative: a role's {@code users:manage} in tenant T is granted as
 * {@code tenant:T:users:manage}, so it implies nothing in any other tenant.
 */
public class CatalystRealm extends AuthorizingRealm {

    static final String NAME = "catalyst";

    /** Where the realm reads accounts and grants; the database in the server, a map in tests. */
    public interface Directory {

        Optional<Account> account(String email);

        /** The platform-wide roles of a user. */
        List<String> platformRoles(UUID userId);

        /** The roles of a user in a tenant: built-in ids and custom role names. */
        List<String> tenantRoles(UUID userId, UUID tenantId);

        /** The permissions of a tenant's custom role, or empty when it has none by that name. */
        List<String> customRolePermissions(UUID tenantId, String roleName);
    }

    /** What authentication needs to know of an account. */
    public record Account(UUID id, String passwordHash, boolean active, boolean locked) {
    }

    /** The user principal. */
    public record UserId(UUID value) implements Serializable {
    }

    /** The tenant a subject is working in. */
    public record TenantId(UUID value) implements Serializable {
    }

    private final Directory directory;

    public CatalystRealm(Directory directory) {
        super(new PasswordMatcher());
        ((PasswordMatcher) getCredentialsMatcher()).setPasswordService(Passwords.service());
        this.directory = directory;
        setName(NAME);
        setAuthenticationTokenClass(UsernamePasswordToken.class);
        // grants are read when checked, so a role change takes effect on the next check
        setAuthorizationCachingEnabled(false);
        setAuthenticationCachingEnabled(false);
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        String email = ((UsernamePasswordToken) token).getUsername();
        Account account = directory.account(email).orElseThrow(() -> new UnknownAccountException("unknown account"));
        if (!account.active()) {
            throw new DisabledAccountException("account is not active");
        }
        if (account.locked()) {
            throw new ExcessiveAttemptsException("account is locked");
        }
        return new SimpleAuthenticationInfo(new UserId(account.id()), account.passwordHash(), NAME);
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        UserId user = principals.oneByType(UserId.class);
        if (user == null) {
            return info;
        }
        for (String role : directory.platformRoles(user.value())) {
            BuiltInRole.of(role).filter(r -> r == BuiltInRole.PLATFORM_ADMIN)
                    .ifPresent(r -> info.addStringPermissions(r.permissions()));
        }
        TenantId tenant = principals.oneByType(TenantId.class);
        if (tenant != null) {
            for (String role : directory.tenantRoles(user.value(), tenant.value())) {
                List<String> permissions = BuiltInRole.of(role)
                        .filter(r -> r != BuiltInRole.PLATFORM_ADMIN)
                        .map(Permissions.registry()::of)
                        .orElseGet(() -> directory.customRolePermissions(tenant.value(), role));
                for (String permission : permissions) {
                    info.addStringPermission(tenantPermission(tenant.value(), permission));
                }
            }
        }
        return info;
    }

    /** The principals of a user, working in a tenant or (tenant null) in none. */
    public static PrincipalCollection principals(UUID userId, UUID tenantId) {
        SimplePrincipalCollection principals = new SimplePrincipalCollection(new UserId(userId), NAME);
        if (tenantId != null) {
            principals.add(new TenantId(tenantId), NAME);
        }
        return principals;
    }

    /** {@code users:manage} in tenant T, as Shiro checks it. */
    public static String tenantPermission(UUID tenantId, String permission) {
        return "tenant:" + tenantId + ":" + permission;
    }
}

package io.catalyst.core.identity;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.tenancy.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.ExcessiveAttemptsException;
import org.apache.shiro.authc.IncorrectCredentialsException;

/**
 * Signing in with an email and a password, with lockout per account (after {@value #ACCOUNT_FAILURES} consecutive
 * failures, for {@link #LOCK}) and per source address. Every attempt is audited on the platform chain.
 */
@ApplicationScoped
public class SignIn {

    static final int ACCOUNT_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final int SOURCE_FAILURES = 20;

    @Inject
    Access access;

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    @Inject
    IdentityDirectory directory;

    @Inject
    io.catalyst.core.mail.Mailer mailer;

    private final SourceThrottle sources = new SourceThrottle(SOURCE_FAILURES, LOCK, Clock.systemUTC());

    public SignedIn signIn(String email, String password, String sourceAddress) {
        String attempted = email == null ? "" : email.trim().toLowerCase();
        if (sources.blocked(sourceAddress)) {
            failed(attempted, null, "throttled");
            throw new SignInException(SignInException.Reason.THROTTLED);
        }
        UUID userId;
        try {
            userId = access.authenticate(attempted, password == null ? "" : password);
        } catch (ExcessiveAttemptsException e) {
            // the same answer, in the same time, as an unknown address: a lock must not tell that an account exists
            Passwords.matches(password == null ? "" : password, null);
            sources.failed(sourceAddress);
            failed(attempted, null, "locked");
            throw new SignInException(SignInException.Reason.BAD_CREDENTIALS);
        } catch (IncorrectCredentialsException e) {
            sources.failed(sourceAddress);
            UUID user = countFailure(attempted);
            failed(attempted, user, "wrong password");
            throw new SignInException(SignInException.Reason.BAD_CREDENTIALS);
        } catch (AuthenticationException e) { // unknown or inactive account: told apart only in the audit log
            Passwords.matches(password == null ? "" : password, null);
            sources.failed(sourceAddress);
            failed(attempted, null, "unknown or inactive account");
            throw new SignInException(SignInException.Reason.BAD_CREDENTIALS);
        }
        // a success does not clear the address's failures: one's own account must not reset guesses at others
        scopes.anonymous(em -> {
            em.find(User.class, userId).signInSucceeded();
            return null;
        });
        SignedIn signedIn = load(userId);
        audit.record(new AuditEntry(null, userId, signedIn.email(), "identity.sign-in.succeeded", "user",
                userId.toString(), null, null));
        return signedIn;
    }

    /**
     * The user's current memberships and permissions, as the session keeps them; reloaded before every screen. An
     * account that is no longer active is refused.
     */
    public SignedIn load(UUID userId) {
        User user = scopes.anonymous(em -> em.find(User.class, userId));
        if (user == null || user.status() != User.Status.ACTIVE) {
            throw new SignInException(SignInException.Reason.BAD_CREDENTIALS); // disabled or deleted meanwhile
        }
        List<Object[]> memberships = scopes.user(userId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select t.id, t.slug, t.name, m.roles,"
                            + " t.onboarded_at is not null from membership m join tenant t on t.id = m.tenant_id"
                            + " where m.user_id = ?1 and t.status = 'ACTIVE' order by t.name")
                    .setParameter(1, userId)
                    .getResultList();
            return rows;
        });
        List<SignedIn.TenantAccess> tenants = memberships.stream().map(row -> {
            UUID tenantId = (UUID) row[0];
            List<String> roles = RoleList.parse((String) row[3]);
            return new SignedIn.TenantAccess(tenantId, (String) row[1], (String) row[2], roles,
                    permissionsOf(tenantId, roles), (Boolean) row[4]);
        }).toList();
        return new SignedIn(user.id(), user.email(), user.name(),
                user.platformRoles().contains(BuiltInRole.PLATFORM_ADMIN.id()), tenants);
    }

    // What roles grant in a tenant: built-in roles from code, custom roles from the tenant's own table.
    private List<String> permissionsOf(UUID tenantId, List<String> roles) {
        List<String> permissions = new java.util.ArrayList<>();
        for (String role : roles) {
            permissions.addAll(BuiltInRole.of(role).filter(r -> r != BuiltInRole.PLATFORM_ADMIN)
                    .map(Permissions.registry()::of) // plugins' grants to analysts and viewers included
                    .orElseGet(() -> directory.customRolePermissions(tenantId, role)));
        }
        return permissions.stream().distinct().toList();
    }

    // Counts a wrong password against the account, and locks it at the limit. Returns the account's id.
    private UUID countFailure(String email) {
        return scopes.anonymous(em -> em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email)
                .getResultStream().findFirst()
                .map(user -> {
                    int failures = user.failedSignIns() + 1;
                    user.signInFailed(failures, failures >= ACCOUNT_FAILURES ? OffsetDateTime.now().plus(LOCK) : null);
                    if (failures == ACCOUNT_FAILURES) {
                        lockedNotice(user.email());
                    }
                    return user.id();
                }).orElse(null));
    }

    // The screen says nothing of a lock (that would reveal the account); its owner learns of it by mail.
    private void lockedNotice(String email) {
        try {
            mailer.send(email, "Your Catalyst account is locked for " + LOCK.toMinutes() + " minutes",
                    "Hello,\n\nSomeone entered a wrong password for this account " + ACCOUNT_FAILURES
                            + " times in a row, so it is locked for " + LOCK.toMinutes() + " minutes.\n\nIf that"
                            + " was not you, reset your password from the sign-in page once the lock ends.\n");
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(SignIn.class.getName()).warning(
                    "Could not send the account-locked notice: " + e.getMessage());
        }
    }

    private void failed(String attempted, UUID userId, String why) {
        audit.record(new AuditEntry(null, userId, attempted.isEmpty() ? "(no email)" : attempted,
                "identity.sign-in.failed", "user", userId != null ? userId.toString() : null, null,
                Map.of("reason", why)));
    }
}

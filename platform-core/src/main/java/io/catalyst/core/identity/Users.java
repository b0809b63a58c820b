package io.catalyst.core.identity;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Accounts and memberships. */
@ApplicationScoped
public class Users {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    /** Creates an active account with a password; the email must be free. A platform action, audited as such. */
    @Transactional
    public User create(UUID actorId, String actor, String email, String name, String password,
                       List<String> platformRoles) {
        String normalized = email == null ? "" : email.trim().toLowerCase();
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (!EMAIL.matcher(normalized).matches()) {
            errors.add(new Problem.FieldError("email", "not an email address"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new Problem.FieldError("name", "required"));
        }
        Passwords.weakness(password, normalized).ifPresent(why -> errors.add(new Problem.FieldError("password", why)));
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The account is not valid.", errors, null);
        }
        User user = scopes.platform(em -> {
            if (!em.createQuery("select u.id from User u where lower(u.email) = :email")
                    .setParameter("email", normalized).getResultList().isEmpty()) {
                throw new ProblemException(ProblemType.CONFLICT, "An account with this email exists.",
                        List.of(new Problem.FieldError("email", "already in use")), null);
            }
            User created = new User(UUID.randomUUID(), normalized, name.trim());
            created.passwordHash(Passwords.hash(password));
            created.platformRoles(platformRoles);
            em.persist(created);
            return created;
        });
        audit.record(new AuditEntry(null, actorId, actor, "identity.user.created", "user", user.id().toString(),
                null, Map.of("email", normalized, "platformRoles", platformRoles)));
        return user;
    }

    /** Gives a user roles in a tenant, replacing any they had there. */
    @Transactional
    public void grant(UUID actorId, String actor, UUID tenantId, UUID userId, List<String> roles) {
        List<String> before = scopes.tenant(tenantId, em -> {
            Membership membership = em.find(Membership.class, userId);
            if (membership == null) {
                em.persist(new Membership(userId, roles));
                return null;
            }
            List<String> previous = membership.roles();
            membership.roles(roles);
            return previous;
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.membership.granted", "user",
                userId.toString(), before == null ? null : Map.of("roles", before), Map.of("roles", roles)));
    }

    /** Whether any account holds the platform-admin role. */
    public boolean platformAdminExists() {
        return scopes.anonymous(em -> !em.createQuery("select u.id from User u where u.platformRoles like :role")
                .setParameter("role", "%" + BuiltInRole.PLATFORM_ADMIN.id() + "%")
                .setMaxResults(1).getResultList().isEmpty());
    }
}

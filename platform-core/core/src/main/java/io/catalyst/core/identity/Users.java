package io.catalyst.core.identity;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.core.web.Texts;
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

    @Inject
    jakarta.enterprise.event.Event<MembershipEnded> membershipEnded;

    /** Creates an active account with a password; the email must be free. A platform action, audited as such. */
    @Transactional
    public User create(UUID actorId, String actor, String email, String name, String password,
                       List<String> platformRoles) {
        String normalized = email == null ? "" : email.trim().toLowerCase();
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (!EMAIL.matcher(normalized).matches() || normalized.length() > Texts.EMAIL) {
            errors.add(new Problem.FieldError("email", "not an email address"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new Problem.FieldError("name", "required"));
        }
        Texts.check(errors, "name", name, Texts.NAME);
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

    /** The people with access to a tenant, by name. */
    public List<Member> members(UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select u.id, u.email, u.name, m.roles from membership m"
                            + " join app_user u on u.id = m.user_id order by u.name, u.email")
                    .getResultList();
            return rows.stream().map(row -> new Member((UUID) row[0], (String) row[1], (String) row[2],
                    RoleList.parse((String) row[3]))).toList();
        });
    }

    /** One member of a tenant; someone who is not a member (of this tenant) is not found. */
    public Member member(UUID tenantId, UUID userId) {
        return members(tenantId).stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such member."));
    }

    /**
     * Changes a member's roles; each must be a built-in tenant role or one of the tenant's custom roles. The grantor
     * must hold every permission of the roles the member has and gets (so nobody promotes past themselves or demotes
     * someone stronger), and the company keeps at least one admin.
     */
    @Transactional
    public Member changeRoles(UUID actorId, String actor, Grantor grantor, UUID tenantId, UUID userId,
                              List<String> roles) {
        List<Problem.FieldError> invalid = new java.util.ArrayList<>();
        Texts.checkAll(invalid, "roles", roles, Texts.KEY);
        Texts.require(invalid, "The roles");
        Member current = member(tenantId, userId);
        List<String> unknown = scopes.tenant(tenantId, em -> roles.stream()
                .filter(role -> BuiltInRole.of(role).map(r -> r == BuiltInRole.PLATFORM_ADMIN).orElseGet(() ->
                        em.createQuery("select r.id from CustomRole r where r.name = :name")
                                .setParameter("name", role).getResultList().isEmpty()))
                .toList());
        if (roles.isEmpty() || !unknown.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The roles are not valid.",
                    List.of(new Problem.FieldError("roles", roles.isEmpty() ? "give at least one role"
                            : "unknown roles: " + String.join(", ", unknown))), null);
        }
        List<String> touched = new java.util.ArrayList<>(current.roles());
        touched.addAll(roles);
        requireHeld(grantor, tenantId, touched);
        String admin = BuiltInRole.TENANT_ADMIN.id();
        if (current.roles().contains(admin) && !roles.contains(admin) && members(tenantId).stream()
                .noneMatch(m -> !m.userId().equals(userId) && m.roles().contains(admin))) {
            throw new ProblemException(ProblemType.CONFLICT, "A company keeps at least one admin: make someone else"
                    + " admin first.", List.of(new Problem.FieldError("roles", "the company's last admin")), null);
        }
        grant(actorId, actor, tenantId, userId, roles);
        return member(tenantId, userId);
    }

    /**
     * Takes someone out of a company: their membership, and their personal API tokens there. Refused for the
     * company's last admin, and for anyone holding a role whose permissions the remover lacks (as giving it would
     * be). Their sessions end through {@link MembershipEnded}.
     */
    @Transactional
    public void remove(UUID actorId, String actor, Grantor grantor, UUID tenantId, UUID userId) {
        Member current = member(tenantId, userId);
        requireHeld(grantor, tenantId, current.roles());
        String admin = BuiltInRole.TENANT_ADMIN.id();
        if (current.roles().contains(admin) && members(tenantId).stream()
                .noneMatch(m -> !m.userId().equals(userId) && m.roles().contains(admin))) {
            throw new ProblemException(ProblemType.CONFLICT, "A company keeps at least one admin: make someone else"
                    + " admin first.");
        }
        int revoked = scopes.tenant(tenantId, em -> {
            Scopes.sql(em, "delete from membership where user_id = ?1").setParameter(1, userId).executeUpdate();
            return Scopes.sql(em, "update api_token set revoked_at = now() where user_id = ?1 and kind = 'PERSONAL'"
                    + " and revoked_at is null").setParameter(1, userId).executeUpdate();
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.membership.removed", "user",
                userId.toString(), Map.of("email", current.email(), "roles", current.roles()),
                Map.of("personalTokensRevoked", revoked)));
        membershipEnded.fire(new MembershipEnded(tenantId, userId));
    }

    /** Refuses roles whose permissions the grantor does not hold, naming what is missing. */
    public void requireHeld(Grantor grantor, UUID tenantId, java.util.Collection<String> roles) {
        java.util.Set<String> lacking = new java.util.TreeSet<>();
        for (String role : new java.util.LinkedHashSet<>(roles)) {
            List<String> permissions = BuiltInRole.of(role).map(Permissions.registry()::of)
                    .orElseGet(() -> customRolePermissions(tenantId, role));
            permissions.stream().filter(p -> !grantor.holds(p)).forEach(lacking::add);
        }
        if (!lacking.isEmpty()) {
            String why = lacking.contains("*") ? "only the company's admins can give or take the admin role"
                    : "you do not hold " + String.join(", ", lacking);
            throw new ProblemException(ProblemType.FORBIDDEN, "You can only give roles whose permissions you hold"
                    + " yourself: " + why + ".", List.of(new Problem.FieldError("roles", why)), null);
        }
    }

    private List<String> customRolePermissions(UUID tenantId, String role) {
        return scopes.tenant(tenantId, em -> em.createQuery("select r from CustomRole r where r.name = :name",
                CustomRole.class).setParameter("name", role).getResultStream().findFirst()
                .map(CustomRole::permissions).orElse(List.of()));
    }

    /** The roles a tenant admin can give: the built-in tenant roles, then the tenant's custom roles. */
    public List<String> assignableRoles(UUID tenantId) {
        List<String> roles = new java.util.ArrayList<>(List.of(BuiltInRole.TENANT_ADMIN.id(),
                BuiltInRole.ANALYST.id(), BuiltInRole.VIEWER.id()));
        roles.addAll(scopes.tenant(tenantId, em -> em.createQuery(
                "select r.name from CustomRole r order by r.name", String.class).getResultList()));
        return roles;
    }

    /** The account with this email, if there is one. */
    public java.util.Optional<UUID> accountId(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase();
        return scopes.platform(em -> em.createQuery("select u.id from User u where lower(u.email) = :email",
                UUID.class).setParameter("email", normalized).getResultList().stream().findFirst());
    }

    /** Whether any account holds the platform-admin role. */
    public boolean platformAdminExists() {
        return scopes.anonymous(em -> !em.createQuery("select u.id from User u where u.platformRoles like :role")
                .setParameter("role", "%" + BuiltInRole.PLATFORM_ADMIN.id() + "%")
                .setMaxResults(1).getResultList().isEmpty());
    }
}

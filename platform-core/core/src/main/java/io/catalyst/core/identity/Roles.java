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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** A tenant's custom roles, made from the permission registry by its admins. */
@ApplicationScoped
public class Roles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    /** A role as listed: built-in or the tenant's own. */
    public record RoleView(String name, String description, List<String> permissions, boolean builtIn) {
    }

    public List<RoleView> list(UUID tenantId) {
        List<RoleView> roles = new ArrayList<>();
        for (BuiltInRole role : BuiltInRole.values()) {
            if (role != BuiltInRole.PLATFORM_ADMIN) {
                roles.add(new RoleView(role.id(), role.description(), Permissions.registry().of(role), true));
            }
        }
        roles.addAll(scopes.tenant(tenantId, em -> em.createQuery("select r from CustomRole r order by r.name",
                CustomRole.class).getResultList()).stream()
                .map(r -> new RoleView(r.name(), r.description(), r.permissions(), false)).toList());
        return roles;
    }

    /** Creates a custom role; its name must be new and its permissions from the registry, tenant-relative. */
    @Transactional
    public RoleView create(UUID actorId, String actor, Grantor grantor, UUID tenantId, String name,
                           String description, List<String> permissions) {
        check(name, description, permissions);
        requireHeld(grantor, permissions);
        CustomRole role = scopes.tenant(tenantId, em -> {
            if (!em.createQuery("select r.id from CustomRole r where r.name = :name").setParameter("name", name)
                    .getResultList().isEmpty()) {
                throw new ProblemException(ProblemType.CONFLICT, "A role named " + name + " exists.",
                        List.of(new Problem.FieldError("name", "already in use")), null);
            }
            CustomRole created = new CustomRole(UUID.randomUUID(), name, description, permissions);
            em.persist(created);
            return created;
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.role.created", "role", name, null,
                Map.of("permissions", permissions)));
        return new RoleView(role.name(), role.description(), role.permissions(), false);
    }

    /** Changes a custom role's description and permissions; its members gain or lose them at once. */
    @Transactional
    public RoleView update(UUID actorId, String actor, Grantor grantor, UUID tenantId, String name,
                           String description, List<String> permissions) {
        check(name, description, permissions);
        requireHeld(grantor, permissions);
        List<String> before = new ArrayList<>();
        CustomRole role = scopes.tenant(tenantId, em -> {
            CustomRole found = em.createQuery("select r from CustomRole r where r.name = :name", CustomRole.class)
                    .setParameter("name", name).getResultList().stream().findFirst()
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no role " + name + "."));
            requireHeld(grantor, found.permissions()); // nor weaken a role stronger than one's own
            before.addAll(found.permissions());
            found.change(description, permissions);
            return found;
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.role.updated", "role", name,
                Map.of("permissions", before), Map.of("permissions", permissions)));
        return new RoleView(role.name(), role.description(), role.permissions(), false);
    }

    /** A role never grants more than the person who makes or changes it holds. */
    private static void requireHeld(Grantor grantor, List<String> permissions) {
        List<String> lacking = permissions.stream().filter(p -> !grantor.holds(p)).sorted().toList();
        if (!lacking.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A role can only grant permissions you hold yourself.",
                    List.of(new Problem.FieldError("permissions", "you do not hold " + String.join(", ", lacking))),
                    null);
        }
    }

    private static void check(String name, String description, List<String> permissions) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Texts.checkMultiLine(errors, "description", description, Texts.DESCRIPTION);
        Texts.checkAll(errors, "permissions", permissions, Texts.KEY);
        if (name == null || !NAME.matcher(name).matches() || BuiltInRole.of(name).isPresent()) {
            errors.add(new Problem.FieldError("name", "2 to 63 lower-case letters, digits and hyphens, not a built-in"
                    + " role's name"));
        }
        List<String> known = Permissions.registry().tenantRelative().stream().map(Permission::name).toList();
        if (permissions == null || permissions.isEmpty() || !known.containsAll(permissions)) {
            errors.add(new Problem.FieldError("permissions", "choose from " + String.join(", ", known)));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The role is not valid.", errors, null);
        }
    }
}

package io.catalyst.core.manifest;

import io.catalyst.core.identity.BuiltInRole;
import io.catalyst.core.identity.Grantor;
import io.catalyst.core.identity.Invitations;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Permission;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Roles;
import io.catalyst.core.identity.Users;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.plugins.TenantPlugins;
import io.catalyst.core.tenancy.Onboarding;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.TenantStatus;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.runtime.PluginStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Tenant-as-code: makes a tenant match its manifest, and writes a tenant's state back as one. Applying goes through
 * the same services as the UI and REST (so the same validation and audit), in one transaction: a manifest that fails
 * anywhere changes nothing. It is idempotent: applying the same manifest again changes nothing and says so. It only
 * adds and updates; members and roles missing from a manifest stay, because removing people is not done by omission.
 */
@ApplicationScoped
public class TenantManifests {

    @Inject
    Tenants tenants;

    @Inject
    Onboarding onboarding;

    @Inject
    Users users;

    @Inject
    Roles roles;

    @Inject
    Invitations invitations;

    @Inject
    PluginHost plugins;

    @Inject
    TenantPlugins tenantPlugins;

    /** What applying did: the tenant, whether it is new, and each change made (none when already up to date). */
    public record Applied(UUID tenantId, String slug, boolean created, List<String> changes) {
    }

    @Transactional
    public Applied apply(UUID actorId, String actor, TenantManifest manifest) {
        // the first work binds this transaction to the platform, inside which each tenant step may run
        Optional<Tenant> existing = tenants.bySlug(manifest.slug());
        validate(manifest, existing.map(Tenant::id));
        List<String> changes = new ArrayList<>();
        Tenant tenant;
        if (existing.isPresent()) {
            tenant = existing.get();
            if (tenant.status() == TenantStatus.OFFBOARDING) {
                throw new ProblemException(ProblemType.CONFLICT, "The tenant " + manifest.slug()
                        + " is being offboarded; a manifest cannot change it.");
            }
        } else {
            tenant = step("slug", () -> tenants.create(actorId, actor, manifest.slug(), manifest.profile().name()));
            changes.add("created the tenant");
        }
        UUID id = tenant.id();

        Onboarding.Profile profile = manifest.profile();
        if (!Objects.equals(profile.name(), tenant.name())
                || !Objects.equals(profile.primaryColor(), tenant.primaryColor())) {
            tenant = step("profile", () -> onboarding.saveProfile(actorId, actor, id, profile));
            changes.add("profile");
        }
        Onboarding.Locale locale = manifest.locale();
        if (locale != null && (!locale.timezone().equals(tenant.timezone())
                || !locale.currency().equals(tenant.currency()))) {
            tenant = step("locale", () -> onboarding.saveLocale(actorId, actor, id, locale));
            changes.add("locale");
        }
        if (manifest.plan() != null) {
            Tenant current = tenant;
            TenantManifest.Quotas quotas = manifest.plan().quotas() == null
                    ? new TenantManifest.Quotas(null, null, null) : manifest.plan().quotas();
            int quotaUsers = Optional.ofNullable(quotas.users()).orElse(current.quotaUsers());
            int quotaConnections = Optional.ofNullable(quotas.connections()).orElse(current.quotaConnections());
            int quotaAi = Optional.ofNullable(quotas.aiCredits()).orElse(current.quotaAiCredits());
            if (!manifest.plan().name().equals(current.plan()) || quotaUsers != current.quotaUsers()
                    || quotaConnections != current.quotaConnections() || quotaAi != current.quotaAiCredits()) {
                tenant = step("plan", () -> tenants.changePlan(actorId, actor, id, manifest.plan().name(),
                        quotaUsers, quotaConnections, quotaAi));
                changes.add("plan");
            }
        }
        if (manifest.goals() != null) {
            TenantManifest.Goals goals = manifest.goals();
            if (!same(goals.targetCpa(), tenant.targetCpa()) || !same(goals.targetRoas(), tenant.targetRoas())
                    || !same(goals.monthlyBudget(), tenant.monthlyBudget())) {
                tenant = step("goals", () -> onboarding.saveGoals(actorId, actor, id, goals.toSettings()));
                changes.add("goals");
            }
        }

        Map<String, Roles.RoleView> ownRoles = new java.util.HashMap<>();
        roles.list(id).stream().filter(r -> !r.builtIn()).forEach(r -> ownRoles.put(r.name(), r));
        for (int i = 0; i < manifest.roles().size(); i++) {
            TenantManifest.Role role = manifest.roles().get(i);
            Roles.RoleView current = ownRoles.get(role.name());
            String at = "roles[" + i + "]";
            if (current == null) {
                step(at, () -> roles.create(actorId, actor, Grantor.PLATFORM, id, role.name(), role.description(), role.permissions()));
                changes.add("created role " + role.name());
            } else if (!Set.copyOf(current.permissions()).equals(Set.copyOf(role.permissions()))
                    || !Objects.equals(current.description(), role.description())) {
                step(at, () -> roles.update(actorId, actor, Grantor.PLATFORM, id, role.name(), role.description(), role.permissions()));
                changes.add("updated role " + role.name());
            }
        }

        Map<String, Member> members = new java.util.HashMap<>();
        users.members(id).forEach(m -> members.put(m.email().toLowerCase(), m));
        Map<String, List<String>> pending = invitations.pending(id);
        for (int i = 0; i < manifest.users().size(); i++) {
            TenantManifest.User user = manifest.users().get(i);
            String email = user.email().trim().toLowerCase();
            String at = "users[" + i + "]";
            Member member = members.get(email);
            if (member != null) {
                if (!Set.copyOf(member.roles()).equals(Set.copyOf(user.roles()))) {
                    step(at, () -> users.changeRoles(actorId, actor, Grantor.PLATFORM, id, member.userId(), user.roles()));
                    changes.add("changed the roles of " + email);
                }
                continue;
            }
            Optional<UUID> account = users.accountId(email);
            if (account.isPresent()) {
                step(at, () -> {
                    users.grant(actorId, actor, id, account.get(), user.roles());
                    return null;
                });
                changes.add("added " + email);
            } else if (!pending.containsKey(email) || !Set.copyOf(pending.get(email)).equals(Set.copyOf(user.roles()))) {
                step(at, () -> {
                    invitations.invite(actorId, actor, Grantor.PLATFORM, id, email, user.roles());
                    return null;
                });
                changes.add("invited " + email);
            }
        }

        for (int i = 0; i < manifest.plugins().size(); i++) {
            TenantManifest.Plugin plugin = manifest.plugins().get(i);
            String at = "plugins[" + i + "]";
            boolean enable = plugin.enabled() == null || plugin.enabled();
            TenantPlugins.View current = tenantPlugins.view(id, plugin.id());
            Map<String, String> wanted = new java.util.TreeMap<>();
            if (plugin.settings() != null) {
                plugin.settings().forEach((key, value) -> wanted.put(key, String.valueOf(value)));
            }
            if (plugin.settings() != null && !wanted.equals(new java.util.TreeMap<>(current.settings()))) {
                step(at + ".settings", () -> tenantPlugins.saveSettings(actorId, actor, id, plugin.id(), wanted));
                changes.add("settings of plugin " + plugin.id());
            }
            if (enable != current.enabled()) {
                step(at, () -> tenantPlugins.setEnabled(actorId, actor, id, plugin.id(), enable));
                changes.add((enable ? "enabled" : "disabled") + " plugin " + plugin.id());
            }
        }

        if (!tenant.onboarded()) {
            // a company described as code is set up; its admins skip the wizard
            step("$", () -> onboarding.completeStep(actorId, actor, id, Onboarding.STEPS));
            changes.add("marked onboarded");
        }
        return new Applied(id, manifest.slug(), existing.isEmpty(), List.copyOf(changes));
    }

    /** The tenant's current state as a manifest: applying it back changes nothing. */
    public TenantManifest export(String slug) {
        Tenant tenant = tenants.bySlug(slug).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "There is no tenant " + slug + "."));
        UUID id = tenant.id();
        List<TenantManifest.Role> ownRoles = roles.list(id).stream().filter(r -> !r.builtIn())
                .map(r -> new TenantManifest.Role(r.name(), r.description(), r.permissions())).toList();
        List<TenantManifest.User> people = new ArrayList<>();
        users.members(id).forEach(m -> people.add(new TenantManifest.User(m.email(), m.name(), m.roles())));
        Set<String> listed = new HashSet<>(people.stream().map(u -> u.email().toLowerCase()).toList());
        invitations.pending(id).forEach((email, offered) -> {
            if (listed.add(email.toLowerCase())) {
                people.add(new TenantManifest.User(email, null, offered));
            }
        });
        TenantManifest.Goals goals = tenant.targetCpa() == null && tenant.targetRoas() == null
                && tenant.monthlyBudget() == null ? null
                : new TenantManifest.Goals(tenant.targetCpa(), tenant.targetRoas(), tenant.monthlyBudget());
        return new TenantManifest(TenantManifest.API_VERSION, TenantManifest.KIND, tenant.slug(),
                new Onboarding.Profile(tenant.name(), tenant.primaryColor()),
                new Onboarding.Locale(tenant.timezone(), tenant.currency()),
                new TenantManifest.Plan(tenant.plan(), new TenantManifest.Quotas(tenant.quotaUsers(),
                        tenant.quotaConnections(), tenant.quotaAiCredits())),
                goals, ownRoles, people, plugins.ready() ? tenantPlugins.list(id).stream()
                .filter(p -> p.enabled() || !p.settings().isEmpty())
                .map(p -> new TenantManifest.Plugin(p.pluginId(), p.enabled(),
                        p.settings().isEmpty() ? null : Map.<String, Object>copyOf(p.settings())))
                .toList() : List.of());
    }

    /** What can be known before writing anything, so a bad manifest fails before its first change. */
    private void validate(TenantManifest manifest, Optional<UUID> tenantId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (BuiltInRole role : BuiltInRole.values()) {
            if (role != BuiltInRole.PLATFORM_ADMIN) {
                known.add(role.id());
            }
        }
        tenantId.ifPresent(id -> roles.list(id).forEach(r -> known.add(r.name())));
        List<String> permissions = Permissions.registry().tenantRelative().stream().map(Permission::name).toList();
        for (int i = 0; i < manifest.roles().size(); i++) {
            TenantManifest.Role role = manifest.roles().get(i);
            if (BuiltInRole.of(role.name()).isPresent()) {
                errors.add(new Problem.FieldError("roles[" + i + "].name", "a built-in role cannot be redefined"));
            }
            known.add(role.name());
            for (String permission : role.permissions()) {
                if (!permissions.contains(permission)) {
                    errors.add(new Problem.FieldError("roles[" + i + "].permissions", "unknown permission "
                            + permission + "; choose from " + String.join(", ", permissions)));
                }
            }
        }
        for (int i = 0; i < manifest.users().size(); i++) {
            for (String role : manifest.users().get(i).roles()) {
                if (!known.contains(role)) {
                    errors.add(new Problem.FieldError("users[" + i + "].roles", "unknown role " + role
                            + "; use a built-in role or one defined under roles"));
                }
            }
        }
        for (int i = 0; i < manifest.plugins().size(); i++) {
            String id = manifest.plugins().get(i).id();
            if (!plugins.ready() || plugins.runtime().status(id).filter(s -> s.state() != PluginStatus.State.REFUSED)
                    .isEmpty()) {
                errors.add(new Problem.FieldError("plugins[" + i + "].id", "no plugin " + id + " is installed"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The manifest for " + manifest.slug()
                    + " cannot be applied; nothing was changed.", errors, null);
        }
    }

    /** Runs one step; its field errors are renamed to where they are in the manifest. */
    private static <T> T step(String at, Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            List<Problem.FieldError> errors = e.errors().stream()
                    .map(error -> new Problem.FieldError(at.equals("$") ? error.field() : at + "." + error.field(),
                            error.message())).toList();
            throw new ProblemException(e.type(), at + ": " + e.getMessage() + " Nothing was changed.", errors, e);
        }
    }

    private static boolean same(BigDecimal wanted, BigDecimal current) {
        return wanted == null ? current == null : current != null && wanted.compareTo(current) == 0;
    }
}

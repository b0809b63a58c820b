package io.catalyst.core.tenancy;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tenant lifecycle, for the platform. One code path for the UI, REST and manifests. */
@ApplicationScoped
public class Tenants {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern PLAN = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "catalyst.offboarding.grace-days", defaultValue = "30")
    int graceDays;

    /** Creates an active tenant; the slug must be free. */
    @Transactional
    public Tenant create(UUID actorId, String actor, String slug, String name) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.add(new Problem.FieldError("slug",
                    "2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new Problem.FieldError("name", "1 to 200 characters"));
        } else {
            io.catalyst.core.web.Texts.check(errors, "name", name, io.catalyst.core.web.Texts.NAME);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The tenant is not valid.", errors, null);
        }
        Tenant tenant = scopes.platform(em -> {
            boolean taken = !em.createQuery("select t.id from Tenant t where t.slug = :slug")
                    .setParameter("slug", slug).getResultList().isEmpty();
            if (taken) {
                throw new ProblemException(ProblemType.CONFLICT, "The slug '" + slug + "' is taken.",
                        List.of(new Problem.FieldError("slug", "already in use")), null);
            }
            Tenant created = new Tenant(UUID.randomUUID(), slug, name.trim());
            em.persist(created);
            return created;
        });
        audit.record(new AuditEntry(null, actorId, actor, "tenancy.tenant.created", "tenant",
                tenant.id().toString(), null, Map.of("slug", slug, "name", tenant.name())));
        return tenant;
    }

    /** Stops a tenant: nobody of it can sign in to it or call the API, and its data stays. */
    @Transactional
    public Tenant suspend(UUID actorId, String actor, UUID tenantId) {
        return changeStatus(actorId, actor, tenantId, Set.of(TenantStatus.ACTIVE), TenantStatus.SUSPENDED, null,
                "tenancy.tenant.suspended");
    }

    /** Lets a suspended tenant back in. */
    @Transactional
    public Tenant reactivate(UUID actorId, String actor, UUID tenantId) {
        return changeStatus(actorId, actor, tenantId, Set.of(TenantStatus.SUSPENDED), TenantStatus.ACTIVE, null,
                "tenancy.tenant.reactivated");
    }

    /**
     * Starts offboarding: the tenant is closed at once, can be exported until its grace period ends, and is then
     * purged everywhere by {@link OffboardingPurge}.
     */
    @Transactional
    public Tenant offboard(UUID actorId, String actor, UUID tenantId) {
        return changeStatus(actorId, actor, tenantId, Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED),
                TenantStatus.OFFBOARDING, OffsetDateTime.now().plusDays(graceDays), "tenancy.tenant.offboarding");
    }

    private Tenant changeStatus(UUID actorId, String actor, UUID tenantId, Set<TenantStatus> from, TenantStatus to,
                                OffsetDateTime purgeAfter, String action) {
        TenantStatus[] before = new TenantStatus[1];
        Tenant tenant = scopes.platform(em -> {
            Tenant found = em.find(Tenant.class, tenantId);
            if (found == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "There is no such tenant.");
            }
            if (!from.contains(found.status())) {
                throw new ProblemException(ProblemType.CONFLICT, "The tenant is " + found.status().name()
                        .toLowerCase() + "; it cannot become " + to.name().toLowerCase() + ".");
            }
            before[0] = found.status();
            found.status(to, purgeAfter);
            return found;
        });
        Map<String, Object> after = new java.util.HashMap<>(Map.of("status", to.name()));
        if (purgeAfter != null) {
            after.put("purgeAfter", purgeAfter.toString());
        }
        audit.record(new AuditEntry(null, actorId, actor, action, "tenant", tenantId.toString(),
                Map.of("status", before[0].name()), after));
        return tenant;
    }

    /** Moves a tenant to a plan with these quotas: a commercial decision, so the platform's, not the tenant's. */
    @Transactional
    public Tenant changePlan(UUID actorId, String actor, UUID tenantId, String plan, int users, int connections,
                             int aiCredits) {
        if (plan == null || !PLAN.matcher(plan).matches() || users < 1 || connections < 0 || aiCredits < 0) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The plan is not valid.",
                    List.of(new Problem.FieldError("plan", "a lower-case name, at least one user, no negative"
                            + " quota")), null);
        }
        Map<String, Object> before = new java.util.HashMap<>();
        Tenant tenant = scopes.platform(em -> {
            Tenant found = em.find(Tenant.class, tenantId);
            if (found == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "There is no such tenant.");
            }
            before.putAll(planOf(found));
            found.plan(plan, users, connections, aiCredits);
            return found;
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "tenancy.plan.changed", "tenant", tenantId.toString(),
                before, planOf(tenant)));
        return tenant;
    }

    /** The tenant with this slug, for the platform. */
    public java.util.Optional<Tenant> bySlug(String slug) {
        return scopes.platform(em -> em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug).getResultList().stream().findFirst());
    }

    /** What anyone may see of a company on its own sign-in page: name, colour and logo address. */
    public record Face(UUID id, String slug, String name, String colour, String logo) {
    }

    /** The face of an active company by its slug; empty for any other slug, so nothing else about it shows. */
    public java.util.Optional<Face> face(String slug) {
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            return java.util.Optional.empty();
        }
        return bySlug(slug).filter(t -> t.status() == TenantStatus.ACTIVE)
                .map(t -> new Face(t.id(), t.slug(), t.name(), t.primaryColor(), Logos.path(t.id(), t.logoSha())));
    }

    /** The tenant with this id, in its own scope (what a shared link shows of it: name and branding). */
    public java.util.Optional<Tenant> byId(UUID tenantId) {
        return java.util.Optional.ofNullable(scopes.tenant(tenantId, em -> em.find(Tenant.class, tenantId)));
    }

    private static Map<String, Object> planOf(Tenant t) {
        return Map.of("plan", t.plan(), "quotaUsers", t.quotaUsers(), "quotaConnections", t.quotaConnections(),
                "quotaAiCredits", t.quotaAiCredits());
    }

    /** How many members each tenant has, for the platform's tenants list. */
    public Map<UUID, Long> memberCounts() {
        return scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select tenant_id, count(*) from membership group by tenant_id")
                    .getResultList();
            Map<UUID, Long> counts = new java.util.HashMap<>();
            rows.forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).longValue()));
            return counts;
        });
    }

    /** Every tenant, for platform administration. */
    public List<Tenant> all() {
        return scopes.platform(em -> em.createQuery("select t from Tenant t order by t.name", Tenant.class)
                .getResultList());
    }
}

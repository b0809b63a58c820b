package io.catalyst.core.identity;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.mail.MailLayout;
import io.catalyst.core.mail.Mailer;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.core.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Inviting people into a tenant by email: a one-time link, valid for {@link #VALID}, used once. The invitee sets a
 * password (or confirms their existing one) and becomes a member with the roles chosen. Sending and recording happen
 * in one transaction: if the mail cannot go, there is no invitation.
 */
@ApplicationScoped
public class Invitations {

    static final Duration VALID = Duration.ofDays(7);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    @Inject
    Mailer mailer;

    @Inject
    Users users;

    @Inject
    Tenants tenants;

    @Inject
    @ConfigProperty(name = "catalyst.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    /** The live invitations of a tenant (neither accepted nor expired): email to the roles offered. */
    public Map<String, List<String>> pending(UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select email, roles from invitation where accepted_at is null"
                    + " and expires_at > now() order by created_at").getResultList();
            Map<String, List<String>> pending = new java.util.LinkedHashMap<>();
            rows.forEach(row -> pending.put((String) row[0], RoleList.parse((String) row[1])));
            return pending;
        });
    }

    /** An invitation as the invitee sees it before accepting. */
    public record Pending(UUID tenantId, String tenantName, String email, List<String> roles, boolean hasAccount) {
    }

    /**
     * Onboards a client company: creates it ({@link Tenants#create}) and invites its first admin by email, in one
     * transaction, so a failure (a taken slug, a bad email, a mail server that refuses) leaves nothing behind.
     */
    @Transactional
    public Tenant createClient(UUID actorId, String actor, String slug, String name, String adminEmail) {
        Tenant tenant = tenants.create(actorId, actor, slug, name);
        invite(actorId, actor, Grantor.PLATFORM, tenant.id(), adminEmail, List.of("tenant-admin"));
        return tenant;
    }

    @Transactional
    public void invite(UUID actorId, String actor, Grantor grantor, UUID tenantId, String email,
                       List<String> roles) {
        String normalized = email == null ? "" : email.trim().toLowerCase();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!EMAIL.matcher(normalized).matches() || normalized.length() > Texts.EMAIL
                || normalized.indexOf('@') > 64 || Texts.problem(normalized, Texts.EMAIL, false) != null) {
            errors.add(new Problem.FieldError("email", "not an email address"));
        }
        Texts.checkAll(errors, "roles", roles, Texts.KEY);
        List<String> assignable = users.assignableRoles(tenantId);
        if (roles == null || roles.isEmpty() || !assignable.containsAll(roles)) {
            errors.add(new Problem.FieldError("roles", "choose from " + String.join(", ", assignable)));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The invitation is not valid.", errors, null);
        }
        users.requireHeld(grantor, tenantId, roles);
        if (users.members(tenantId).stream().anyMatch(m -> m.email().equalsIgnoreCase(normalized))) {
            throw new ProblemException(ProblemType.CONFLICT, normalized + " is already a member.",
                    List.of(new Problem.FieldError("email", "already a member")), null);
        }
        String token = OneTimeTokens.next();
        OffsetDateTime expires = OffsetDateTime.now().plus(VALID);
        Tenant tenant = scopes.tenant(tenantId, em -> {
            Scopes.sql(em, "insert into invitation (tenant_id, id, email, roles, invited_by, token_hash,"
                            + " expires_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, normalized)
                    .setParameter(4, RoleList.format(roles)).setParameter(5, actorId)
                    .setParameter(6, OneTimeTokens.hash(token)).setParameter(7, expires)
                    .executeUpdate();
            return em.find(Tenant.class, tenantId);
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.invitation.sent", "invitation", normalized,
                null, Map.of("email", normalized, "roles", roles)));
        mail(normalized, actorId, actor, tenant, roles, token, expires);
    }

    /**
     * The invitation mail: who invites (their name), to which company, as what (the roles' names), and the link; in
     * the company's colour, with a plain-text part.
     */
    private void mail(String email, UUID actorId, String actor, Tenant tenant, List<String> roles, String token,
                      OffsetDateTime expires) {
        String inviter = inviterName(tenant.id(), actorId).orElse(actor);
        String as = String.join(", ", roles.stream().map(RoleNames::of).toList());
        String link = publicUrl + "/invitation?token=" + token;
        String until = "The link works once, until " + expires.format(DateTimeFormatter.RFC_1123_DATE_TIME) + ".";
        String invites = inviter + " invited you to work in " + tenant.name() + " on Catalyst, as " + as + ".";
        mailer.send(email, inviter + " invited you to " + tenant.name() + " on Catalyst",
                "Hello,\n\n" + invites + "\n\nAccept the invitation here:\n" + link + "\n\n" + until + "\n",
                MailLayout.page(new MailLayout.Brand(tenant.name(), tenant.primaryColor(),
                        Logos.address(publicUrl, tenant)), List.of("Hello,", invites),
                        "Accept the invitation", link, until));
    }

    // in the invitation's own transaction, bound to its tenant: accounts are read the same there
    private Optional<String> inviterName(UUID tenantId, UUID actorId) {
        if (actorId == null) {
            return Optional.empty();
        }
        return scopes.tenant(tenantId, em -> Scopes.sql(em, "select coalesce(name, email) from app_user where id = ?1")
                .setParameter(1, actorId).getResultList().stream().findFirst().map(String.class::cast));
    }

    /**
     * An invitation not accepted yet, as its company's admins see it.
     *
     * @param expired its link no longer works; resending makes a new one
     */
    public record Invitation(UUID id, String email, List<String> roles, String invitedBy, Instant sentAt,
                             Instant expiresAt, boolean expired) {
    }

    /** The company's invitations not accepted, newest first: live ones, and those expired within 30 days. */
    public List<Invitation> open(UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select i.id, i.email, i.roles, coalesce(u.name, u.email),"
                    + " i.created_at, i.expires_at, i.expires_at < now() from invitation i left join app_user u"
                    + " on u.id = i.invited_by where i.accepted_at is null"
                    + " and i.expires_at > now() - interval '30 days' order by i.created_at desc").getResultList();
            return rows.stream().map(r -> new Invitation((UUID) r[0], (String) r[1], RoleList.parse((String) r[2]),
                    (String) r[3], instant(r[4]), instant(r[5]), (Boolean) r[6]))
                    .toList();
        });
    }

    /**
     * Sends an invitation again with a new link, valid for {@link #VALID} from now; the old link stops working.
     * Whoever resends must hold the roles it offers, as for a new one.
     */
    @Transactional
    public Invitation resend(UUID actorId, String actor, Grantor grantor, UUID tenantId, UUID invitationId) {
        Invitation invitation = openOne(tenantId, invitationId);
        users.requireHeld(grantor, tenantId, invitation.roles());
        String token = OneTimeTokens.next();
        OffsetDateTime expires = OffsetDateTime.now().plus(VALID);
        Tenant tenant = scopes.tenant(tenantId, em -> {
            Scopes.sql(em, "update invitation set token_hash = ?1, expires_at = ?2, created_at = now()"
                            + " where id = ?3 and accepted_at is null")
                    .setParameter(1, OneTimeTokens.hash(token)).setParameter(2, expires)
                    .setParameter(3, invitationId).executeUpdate();
            return em.find(Tenant.class, tenantId);
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.invitation.resent", "invitation",
                invitation.email(), null, Map.of("email", invitation.email(), "roles", invitation.roles())));
        mail(invitation.email(), actorId, actor, tenant, invitation.roles(), token, expires);
        return openOne(tenantId, invitationId);
    }

    /** Takes an invitation back: its link stops working. Whoever does must hold the roles it offers. */
    @Transactional
    public void revoke(UUID actorId, String actor, Grantor grantor, UUID tenantId, UUID invitationId) {
        Invitation invitation = openOne(tenantId, invitationId);
        users.requireHeld(grantor, tenantId, invitation.roles());
        scopes.tenant(tenantId, em -> Scopes.sql(em, "delete from invitation where id = ?1 and accepted_at is null")
                .setParameter(1, invitationId).executeUpdate());
        audit.record(new AuditEntry(tenantId, actorId, actor, "identity.invitation.revoked", "invitation",
                invitation.email(), Map.of("email", invitation.email(), "roles", invitation.roles()), null));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime t ? t.toInstant() : value instanceof java.sql.Timestamp t
                ? t.toInstant() : (Instant) value;
    }

    // another company's invitation, an accepted one or one long expired: not found, as if it never was
    private Invitation openOne(UUID tenantId, UUID invitationId) {
        return open(tenantId).stream().filter(i -> i.id().equals(invitationId)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such invitation."));
    }

    /** What a link invites to; a link that is unknown, used or expired is refused with the reason. */
    public Pending lookup(String token) {
        return scopes.platform(em -> {
            Object[] row = find(em, token, false);
            String email = (String) row[2];
            boolean hasAccount = !Scopes.sql(em, "select 1 from app_user where lower(email) = ?1"
                            + " and password_hash is not null")
                    .setParameter(1, email).getResultList().isEmpty();
            return new Pending((UUID) row[0], (String) row[5], email, RoleList.parse((String) row[3]), hasAccount);
        });
    }

    /**
     * Accepts an invitation: a new account gets the name and password given; an existing account must confirm its
     * password. Returns the user, now a member.
     */
    @Transactional
    public UUID accept(String token, String name, String password) {
        UUID userId = scopes.platform(em -> {
            Object[] row = find(em, token, true);
            UUID tenantId = (UUID) row[0];
            String email = (String) row[2];
            List<String> roles = RoleList.parse((String) row[3]);
            Optional<User> existing = em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                    .setParameter("email", email).getResultStream().findFirst();
            User user;
            if (existing.isPresent() && existing.get().passwordHash() != null) {
                user = existing.get();
                if (!Passwords.matches(password == null ? "" : password, user.passwordHash())) {
                    throw new ProblemException(ProblemType.VALIDATION_FAILED, "Confirm with your current password.",
                            List.of(new Problem.FieldError("password", "not your current password")), null);
                }
            } else {
                List<Problem.FieldError> errors = new ArrayList<>();
                if (name == null || name.isBlank() || name.length() > 200) {
                    errors.add(new Problem.FieldError("name", "1 to 200 characters"));
                }
                Passwords.weakness(password, email).ifPresent(why -> errors.add(
                        new Problem.FieldError("password", why)));
                if (!errors.isEmpty()) {
                    throw new ProblemException(ProblemType.VALIDATION_FAILED, "The account is not valid.", errors,
                            null);
                }
                user = existing.orElseGet(() -> {
                    User created = new User(UUID.randomUUID(), email, name.trim());
                    em.persist(created);
                    return created;
                });
                user.passwordHash(Passwords.hash(password));
                user.status(User.Status.ACTIVE);
            }
            em.flush();
            Scopes.sql(em, "insert into membership (tenant_id, user_id, roles) values (?1, ?2, ?3)"
                            + " on conflict (tenant_id, user_id) do update set roles = excluded.roles")
                    .setParameter(1, tenantId).setParameter(2, user.id()).setParameter(3, RoleList.format(roles))
                    .executeUpdate();
            Scopes.sql(em, "update invitation set accepted_at = now() where tenant_id = ?1 and id = ?2")
                    .setParameter(1, tenantId).setParameter(2, row[4]).executeUpdate();
            audit.record(new AuditEntry(tenantId, user.id(), email, "identity.invitation.accepted", "user",
                    user.id().toString(), null, Map.of("roles", roles)));
            return user.id();
        });
        return userId;
    }

    // tenant_id, id?, email, roles, id, tenant name — or the problem with the link.
    private static Object[] find(EntityManager em, String token, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Scopes.sql(em, "select i.tenant_id, i.expires_at < now(), i.email, i.roles, i.id,"
                        + " t.name, i.accepted_at is not null, t.status"
                        + " from invitation i join tenant t on t.id = i.tenant_id"
                        + " where i.token_hash = ?1" + (lock ? " for update of i" : ""))
                .setParameter(1, OneTimeTokens.hash(token))
                .getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This invitation link is not valid.");
        }
        Object[] row = rows.get(0);
        if ((Boolean) row[6]) {
            throw new ProblemException(ProblemType.GONE, "This invitation was already used. Sign in instead.");
        }
        if ((Boolean) row[1]) {
            throw new ProblemException(ProblemType.GONE, "This invitation has expired. Ask for a new one.");
        }
        if (!"ACTIVE".equals(row[7])) {
            throw new ProblemException(ProblemType.GONE, "This company is not active on Catalyst.");
        }
        return row;
    }
}

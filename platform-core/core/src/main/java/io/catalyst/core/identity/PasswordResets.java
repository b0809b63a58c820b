package io.catalyst.core.identity;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.mail.MailLayout;
import io.catalyst.core.mail.Mailer;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resetting a forgotten password with a one-time link, valid for {@link #VALID}. Asking never reveals whether an
 * account exists; completing it also lifts a lockout.
 */
@ApplicationScoped
public class PasswordResets {

    static final Duration VALID = Duration.ofHours(1);

    /** At most this many reset mails to one account per {@link #VALID}: nobody floods an inbox through us. */
    static final int MAILS_PER_WINDOW = 3;

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    @Inject
    Mailer mailer;

    @Inject
    Event<PasswordChanged> passwordChanged;

    @Inject
    @ConfigProperty(name = "catalyst.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    /** Mails a reset link if an active account has this email; says nothing either way. */
    @Transactional
    public void request(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase();
        Optional<User> user = scopes.platform(em -> em.createQuery(
                        "select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", normalized).getResultStream()
                .filter(u -> u.status() == User.Status.ACTIVE).findFirst());
        if (user.isEmpty()) {
            audit.record(new AuditEntry(null, null, normalized, "identity.password-reset.requested", "user", null,
                    null, Map.of("result", "no such active account")));
            return;
        }
        long recent = scopes.platform(em -> ((Number) Scopes.sql(em, "select count(*) from password_reset"
                        + " where user_id = ?1 and created_at > now() - make_interval(secs => ?2)")
                .setParameter(1, user.get().id()).setParameter(2, VALID.toSeconds()).getSingleResult()).longValue());
        if (recent >= MAILS_PER_WINDOW) { // answered like any other request: the limit reveals nothing
            audit.record(new AuditEntry(null, user.get().id(), normalized, "identity.password-reset.requested",
                    "user", user.get().id().toString(), null, Map.of("result", "not sent: " + recent
                    + " links in the last hour")));
            return;
        }
        String token = OneTimeTokens.next();
        scopes.platform(em -> Scopes.sql(em, "insert into password_reset (id, user_id, token_hash, expires_at)"
                        + " values (?1, ?2, ?3, ?4)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, user.get().id())
                .setParameter(3, OneTimeTokens.hash(token)).setParameter(4, OffsetDateTime.now().plus(VALID))
                .executeUpdate());
        audit.record(new AuditEntry(null, user.get().id(), normalized, "identity.password-reset.requested", "user",
                user.get().id().toString(), null, Map.of("result", "link sent")));
        String link = publicUrl + "/reset-password?token=" + token;
        String hello = "Hello " + user.get().name() + ",";
        String asked = "Someone asked to reset the password of this account. If it was you, choose a new one within"
                + " the hour.";
        String notYou = "If it was not you, ignore this mail; your password stays as it is.";
        mailer.send(normalized, "Reset your Catalyst password", hello + "\n\n" + asked + " Here:\n" + link + "\n\n"
                + notYou + "\n", MailLayout.page(MailLayout.Brand.CATALYST, List.of(hello, asked), "Choose a new password", link,
                notYou));
    }

    /**
     * Sets a new password with a link's token. The link and every other open link of the account then stop working,
     * and every session and personal API token of the account ends: whoever knew the old password is out.
     */
    @Transactional
    public void reset(String token, String newPassword) {
        UUID userId = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select id, user_id, expires_at < now(), used_at is not null"
                            + " from password_reset where token_hash = ?1 for update")
                    .setParameter(1, OneTimeTokens.hash(token)).getResultList();
            if (rows.isEmpty()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "This reset link is not valid.");
            }
            Object[] row = rows.get(0);
            if ((Boolean) row[3] || (Boolean) row[2]) {
                throw new ProblemException(ProblemType.GONE, (Boolean) row[3]
                        ? "This reset link was already used." : "This reset link has expired. Ask for a new one.");
            }
            User user = em.find(User.class, row[1]);
            Passwords.weakness(newPassword, user.email()).ifPresent(why -> {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "Choose another password.",
                        List.of(new Problem.FieldError("password", why)), null);
            });
            user.passwordHash(Passwords.hash(newPassword));
            user.signInSucceeded(); // lifts a lockout
            Scopes.sql(em, "update password_reset set used_at = now() where user_id = ?1 and used_at is null")
                    .setParameter(1, user.id()).executeUpdate();
            int revoked = Scopes.sql(em, "update api_token set revoked_at = now() where user_id = ?1"
                    + " and kind = 'PERSONAL' and revoked_at is null").setParameter(1, user.id()).executeUpdate();
            audit.record(new AuditEntry(null, user.id(), user.email(), "identity.password-reset.completed", "user",
                    user.id().toString(), null, Map.of("personalTokensRevoked", revoked)));
            return user.id();
        });
        passwordChanged.fire(new PasswordChanged(userId));
    }
}

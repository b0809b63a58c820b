package io.catalyst.core.notify;

import io.catalyst.api.host.Notification;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores notifications and answers a user's inbox. Sending stores one inbox entry per recipient and, in the same
 * transaction, the deliveries their preferences ask for (an email now, a line in tomorrow's digest) and one call per
 * subscribed webhook, which the {@link Outbox} then makes. The open browsers of each recipient learn the new unread
 * count at once.
 */
@ApplicationScoped
public class Inbox {

    /** When the daily digest goes out, in the tenant's time zone. */
    static final LocalTime DIGEST_AT = LocalTime.of(8, 0);
    static final int TITLE_MAX = 300;
    static final int MESSAGE_MAX = 4_000;

    /** How a user gets one kind of notification. */
    public enum Email { IMMEDIATE, DIGEST, OFF }

    /** One inbox entry. */
    public record Item(UUID id, String source, String kind, String title, String message, String link,
                       Instant createdAt, Instant readAt) {
    }

    /** The newest entries and how many are unread in all. */
    public record Page(List<Item> items, int unread) {
    }

    /** A user's choice for a kind of notification from a source ({@code core} or a plugin id). */
    public record Preference(String source, String kind, boolean inApp, Email email) {
    }

    @Inject
    Scopes scopes;

    @Inject
    NotificationHub hub;

    /**
     * Notifies members of a tenant. Titles and messages beyond their limits are shortened, not refused: a plugin's
     * long text must not lose the notice.
     *
     * @param source     the sending plugin's id, or {@code core}
     * @param recipients user ids, members of the tenant (the caller checked)
     */
    public void send(UUID tenantId, String source, Notification notification, Collection<UUID> recipients) {
        Set<UUID> to = new LinkedHashSet<>(recipients);
        if (to.isEmpty()) {
            return;
        }
        String title = shorten(notification.title().strip(), TITLE_MAX);
        String message = shorten(notification.message(), MESSAGE_MAX);
        String link = notification.link() == null || notification.link().length() > 1000 ? null
                : notification.link().replaceFirst("^/+", "");
        Map<UUID, Boolean> live = scopes.tenant(tenantId, em -> {
            Map<UUID, Preference> prefs = preferences(em, to, source, notification.kind());
            ZonedDateTime digest = nextDigest(ZoneId.of(em.find(Tenant.class, tenantId).timezone()));
            Map<UUID, Boolean> inApp = new HashMap<>();
            UUID first = null;
            for (UUID user : to) {
                Preference pref = prefs.getOrDefault(user, new Preference(source, notification.kind(), true,
                        Email.IMMEDIATE));
                UUID id = UUID.randomUUID();
                first = first == null ? id : first;
                Scopes.sql(em, "insert into notification (tenant_id, id, user_id, source, kind, title, message, link,"
                                + " read_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                        .setParameter(1, tenantId).setParameter(2, id).setParameter(3, user).setParameter(4, source)
                        .setParameter(5, notification.kind()).setParameter(6, title).setParameter(7, message)
                        .setParameter(8, link)
                        // kept for the record and for email even when the user wants none in the app
                        .setParameter(9, pref.inApp() ? null : Timestamp.from(Instant.now()))
                        .executeUpdate();
                inApp.put(user, pref.inApp());
                if (pref.email() != Email.OFF) {
                    delivery(em, tenantId, id, pref.email() == Email.DIGEST ? "DIGEST" : "EMAIL", user.toString(),
                            pref.email() == Email.DIGEST ? digest.toInstant() : Instant.now());
                }
            }
            for (Object[] hook : webhooks(em)) {
                if (Webhooks.subscribed(Webhooks.patterns(hook[1]), source, notification.kind())) {
                    delivery(em, tenantId, first, "WEBHOOK", hook[0].toString(), Instant.now());
                }
            }
            return inApp;
        });
        live.forEach((user, shown) -> {
            if (shown) {
                hub.changed(tenantId, user, unread(tenantId, user));
            }
        });
    }

    public Page page(UUID tenantId, UUID userId, boolean unreadOnly, int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select id, source, kind, title, message, link, created_at, read_at"
                            + " from notification where tenant_id = ?1 and user_id = ?2"
                            + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id limit ?3")
                    .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, size).getResultList();
            List<Item> items = rows.stream().map(r -> new Item((UUID) r[0], (String) r[1], (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], instant(r[6]), instant(r[7]))).toList();
            return new Page(items, count(em, tenantId, userId));
        });
    }

    public int unread(UUID tenantId, UUID userId) {
        return scopes.tenant(tenantId, em -> count(em, tenantId, userId));
    }

    /** Marks one entry read; someone else's or a missing one answers 404. */
    public void markRead(UUID tenantId, UUID userId, UUID id) {
        int found = scopes.tenant(tenantId, em -> Scopes.sql(em, "update notification set read_at ="
                        + " coalesce(read_at, now()) where tenant_id = ?1 and user_id = ?2 and id = ?3")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, id).executeUpdate());
        if (found == 0) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such notification.");
        }
        hub.changed(tenantId, userId, unread(tenantId, userId));
    }

    public int markAllRead(UUID tenantId, UUID userId) {
        int marked = scopes.tenant(tenantId, em -> Scopes.sql(em, "update notification set read_at = now()"
                        + " where tenant_id = ?1 and user_id = ?2 and read_at is null")
                .setParameter(1, tenantId).setParameter(2, userId).executeUpdate());
        hub.changed(tenantId, userId, 0);
        return marked;
    }

    /** The user's choices: every kind they chose for, and every kind they have received, with its defaults. */
    public List<Preference> preferences(UUID tenantId, UUID userId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select k.source, k.kind, coalesce(p.in_app, true),"
                            + " coalesce(p.email, 'IMMEDIATE') from (select source, kind from notification_preference"
                            + " where tenant_id = ?1 and user_id = ?2 union select distinct source, kind from"
                            + " notification where tenant_id = ?1 and user_id = ?2) k left join notification_preference"
                            + " p on p.tenant_id = ?1 and p.user_id = ?2 and p.source = k.source and p.kind = k.kind"
                            + " order by k.source, k.kind")
                    .setParameter(1, tenantId).setParameter(2, userId).getResultList();
            return rows.stream().map(r -> new Preference((String) r[0], (String) r[1], (Boolean) r[2],
                    Email.valueOf((String) r[3]))).toList();
        });
    }

    public Preference choose(UUID tenantId, UUID userId, Preference choice) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (choice.source() == null || !choice.source().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.add(new Problem.FieldError("source", "a plugin id, or core"));
        }
        if (choice.kind() == null || !choice.kind().matches("[a-z0-9][a-z0-9.-]{0,62}")) {
            errors.add(new Problem.FieldError("kind", "lower-case words with dots or dashes, such as alert.firing"));
        }
        if (choice.email() == null) {
            errors.add(new Problem.FieldError("email", "one of IMMEDIATE, DIGEST, OFF"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The choice is not complete.", errors, null);
        }
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into notification_preference (tenant_id, user_id, source,"
                        + " kind, in_app, email) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (tenant_id, user_id,"
                        + " source, kind) do update set in_app = excluded.in_app, email = excluded.email")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, choice.source())
                .setParameter(4, choice.kind()).setParameter(5, choice.inApp()).setParameter(6, choice.email().name())
                .executeUpdate());
        return choice;
    }

    /** The next digest time after now: today's if it is still ahead, else tomorrow's. */
    static ZonedDateTime nextDigest(ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime today = now.toLocalDate().atTime(DIGEST_AT).atZone(zone);
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    private static Map<UUID, Preference> preferences(EntityManager em, Set<UUID> users, String source, String kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Scopes.sql(em, "select user_id, in_app, email from notification_preference"
                        + " where source = ?1 and kind = ?2")
                .setParameter(1, source).setParameter(2, kind).getResultList();
        Map<UUID, Preference> prefs = new HashMap<>();
        for (Object[] r : rows) {
            if (users.contains((UUID) r[0])) {
                prefs.put((UUID) r[0], new Preference(source, kind, (Boolean) r[1], Email.valueOf((String) r[2])));
            }
        }
        return prefs;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> webhooks(EntityManager em) {
        return Scopes.sql(em, "select id, kinds from notification_webhook where enabled").getResultList();
    }

    private static void delivery(EntityManager em, UUID tenantId, UUID notification, String channel, String target,
                                 Instant at) {
        Scopes.sql(em, "insert into notification_delivery (tenant_id, id, notification_id, channel, target, next_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, notification)
                .setParameter(4, channel).setParameter(5, target).setParameter(6, Timestamp.from(at)).executeUpdate();
    }

    private static int count(EntityManager em, UUID tenantId, UUID userId) {
        return ((Number) Scopes.sql(em, "select count(*) from notification where tenant_id = ?1 and user_id = ?2"
                        + " and read_at is null").setParameter(1, tenantId).setParameter(2, userId)
                .getSingleResult()).intValue();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o
                ? o.toInstant() : (Instant) value;
    }
}

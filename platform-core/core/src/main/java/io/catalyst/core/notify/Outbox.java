package io.catalyst.core.notify;

import io.catalyst.core.database.SchemaReady;
import io.catalyst.core.mail.MailLayout;
import io.catalyst.core.mail.Mailer;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Scopes;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers what {@link Inbox#send} queued: emails now, the daily digest at its hour, webhook calls. Every few
 * seconds each node claims due deliveries under a lease ({@code FOR UPDATE SKIP LOCKED}), so one node sends each; a
 * delivery that succeeded is marked sent and never made again; one that failed is retried with growing delays
 * ({@code retry-base-seconds} x 5^n, at most six hours apart) and given up after {@value #MAX_ATTEMPTS} attempts,
 * with the last error kept. Receivers get {@code X-Catalyst-Delivery} to tell a retry from a new notification.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    Scopes scopes;

    @Inject
    Mailer mailer;

    @Inject
    Webhooks webhooks;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "catalyst.notify.poll-seconds", defaultValue = "5")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "catalyst.notify.retry-base-seconds", defaultValue = "30")
    int retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "catalyst.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    private ScheduledFuture<?> polling;

    private record Due(UUID tenantId, UUID id, String channel, String target, int attempts, String tenantName,
                       String source, String kind, String title, String message, String link, Instant createdAt,
                       String tenantColour, String tenantLogo) {
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) SchemaReady ready) {
        polling = scheduler.scheduleWithFixedDelay(this::poll, 2, Math.max(1, pollSeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    void poll() {
        try {
            List<Due> due;
            do {
                due = claim();
                send(due);
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering notifications failed; the next poll tries again", e);
        }
    }

    private List<Due> claim() {
        return scopes.platform(em -> {
            try {
                Connection c = em.unwrap(Connection.class);
                try (PreparedStatement q = c.prepareStatement("""
                        with due as (
                          select tenant_id, id from notification_delivery
                          where status = 'PENDING' and next_at <= now() and (lease_until is null or lease_until < now())
                          order by next_at limit ? for update skip locked)
                        update notification_delivery d set lease_until = now() + interval '2 minutes',
                               attempts = d.attempts + 1
                        from due, notification n, tenant t
                        where d.tenant_id = due.tenant_id and d.id = due.id
                          and n.tenant_id = d.tenant_id and n.id = d.notification_id and t.id = d.tenant_id
                        returning d.tenant_id, d.id, d.channel, d.target, d.attempts, t.name, n.source, n.kind,
                                  n.title, n.message, n.link, n.created_at, t.primary_color, t.logo_sha""")) {
                    q.setInt(1, BATCH);
                    List<Due> out = new ArrayList<>();
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            out.add(new Due(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                                    r.getString(4), r.getInt(5), r.getString(6), r.getString(7), r.getString(8),
                                    r.getString(9), r.getString(10), r.getString(11), r.getTimestamp(12).toInstant(),
                                    r.getString(13), r.getString(14)));
                        }
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private void send(List<Due> due) {
        Map<String, List<Due>> digests = new LinkedHashMap<>();
        for (Due d : due) {
            switch (d.channel()) {
                case "EMAIL" -> attempt(List.of(d), () -> email(d));
                case "WEBHOOK" -> attempt(List.of(d), () -> webhook(d));
                default -> digests.computeIfAbsent(d.tenantId() + "/" + d.target(), k -> new ArrayList<>()).add(d);
            }
        }
        digests.values().forEach(lines -> attempt(lines, () -> digest(lines)));
    }

    private interface Delivery {
        void run() throws Exception;
    }

    private void attempt(List<Due> deliveries, Delivery delivery) {
        String error = null;
        try {
            delivery.run();
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        for (Due d : deliveries) {
            finish(d, error);
        }
    }

    private void finish(Due d, String error) {
        boolean last = d.attempts() >= MAX_ATTEMPTS;
        if (error != null) {
            String why = error;
            LOG.warning(() -> "Notification delivery " + d.id() + " (" + d.channel() + ") failed, attempt "
                    + d.attempts() + (last ? ", giving up: " : ", will retry: ") + why);
        }
        Instant next = Instant.now().plusSeconds(backoffSeconds(retryBaseSeconds, d.attempts()));
        scopes.platform(em -> Scopes.sql(em, "update notification_delivery set lease_until = null, last_error = ?3,"
                        + " status = ?4, sent_at = case when ?4 = 'SENT' then now() end, next_at = ?5"
                        + " where tenant_id = ?1 and id = ?2")
                .setParameter(1, d.tenantId()).setParameter(2, d.id())
                .setParameter(3, error == null ? null : Inbox.shorten(error, 1000))
                .setParameter(4, error == null ? "SENT" : last ? "FAILED" : "PENDING")
                .setParameter(5, Timestamp.from(next)).executeUpdate());
    }

    /** The delay before attempt n+1: base x 5^(n-1), at most six hours. */
    static long backoffSeconds(int base, int attempts) {
        double delay = base * Math.pow(5, Math.max(0, attempts - 1));
        return (long) Math.min(delay, Duration.ofHours(6).toSeconds());
    }

    private void email(Due d) {
        String to = address(d.target());
        String preferences = url("inbox?tab=preferences");
        String signature = sender(d) + " for " + d.tenantName() + ".";
        String html = MailLayout.page(brand(d), d.message() == null ? List.of() : List.of(d.message()),
                "Open it in Catalyst", d.link() == null ? url("inbox") : url(d.link()),
                "Sent by " + signature + " Choose what reaches you by email in your inbox's preferences: "
                        + preferences);
        mailer.send(to, d.title(), d.message() + (d.link() == null ? "" : "\n\nOpen it: " + url(d.link()))
                + "\n\n-- " + signature + " Choose what reaches you by email: " + preferences, html);
    }

    private void digest(List<Due> lines) {
        Due first = lines.get(0);
        String since = "What happened in " + first.tenantName() + " since the last digest:";
        StringBuilder text = new StringBuilder(since + "\n");
        List<MailLayout.Item> items = new ArrayList<>();
        for (Due d : lines) {
            text.append("\n- ").append(d.title()).append(" (").append(sender(d)).append(")");
            if (d.link() != null) {
                text.append("\n  ").append(url(d.link()));
            }
            items.add(new MailLayout.Item(d.title() + " (" + sender(d) + ")", d.link() == null ? null : url(d.link())));
        }
        text.append("\n\nAll of it in your inbox: ").append(url("inbox"))
                .append("\nChoose what reaches you by email: ").append(url("inbox?tab=preferences"));
        String html = MailLayout.page(brand(first), List.of(since), items, "Open your inbox", url("inbox"),
                "Choose what reaches you by email in your inbox's preferences: " + url("inbox?tab=preferences"));
        mailer.send(address(first.target()), "Your Catalyst digest: " + lines.size() + " notification"
                + (lines.size() == 1 ? "" : "s"), text.toString(), html);
    }

    private MailLayout.Brand brand(Due d) {
        String logo = Logos.path(d.tenantId(), d.tenantLogo());
        return new MailLayout.Brand(d.tenantName(), d.tenantColour(),
                logo == null ? null : publicUrl.replaceAll("/+$", "") + logo);
    }

    private void webhook(Due d) throws Exception {
        Object[] hook = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select url, secret, enabled from notification_webhook"
                            + " where tenant_id = ?1 and id = ?2")
                    .setParameter(1, d.tenantId()).setParameter(2, UUID.fromString(d.target())).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (hook == null || !(Boolean) hook[2]) {
            return; // removed or switched off since: nothing to deliver, and nothing to retry
        }
        String url = (String) hook[0];
        String refusal = webhooks.refusal(url); // again now: the name may resolve elsewhere than at creation
        if (refusal != null) {
            throw new IllegalStateException("the address is refused: " + refusal);
        }
        String body = payload(d);
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(webhooks.secret(d.tenantId(), UUID.fromString(d.target()),
                (String) hook[1]), now, body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("User-Agent", "Catalyst-Webhooks/1")
                .header(WebhookSignature.HEADER, signature).header("X-Catalyst-Delivery", d.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the receiver answered HTTP " + response.statusCode());
        }
    }

    /** Slack-compatible: {@code text} and {@code blocks}; the same facts as fields under {@code catalyst}. */
    String payload(Due d) {
        String link = d.link() == null ? null : url(d.link());
        String text = "*" + escape(d.title()) + "*\n" + escape(d.message()) + (link == null ? "" : "\n<" + link
                + "|Open in Catalyst>");
        JsonObjectBuilder facts = Json.createObjectBuilder().add("delivery", d.id().toString())
                .add("tenant", d.tenantName()).add("source", d.source()).add("kind", d.kind())
                .add("title", d.title()).add("message", d.message()).add("createdAt", d.createdAt().toString());
        if (link != null) {
            facts.add("link", link);
        }
        return Json.createObjectBuilder().add("text", text)
                .add("blocks", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "section").add("text", Json.createObjectBuilder()
                                .add("type", "mrkdwn").add("text", text)))
                        .add(Json.createObjectBuilder().add("type", "context").add("elements",
                                Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "mrkdwn")
                                        .add("text", escape(d.tenantName() + " · " + sender(d)))))))
                .add("catalyst", facts).build().toString();
    }

    // Slack's mrkdwn treats these three as control characters
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String sender(Due d) {
        return "core".equals(d.source()) ? "Catalyst" : "the " + d.source() + " plugin";
    }

    private String url(String route) {
        return publicUrl.replaceAll("/+$", "") + "/" + route;
    }

    private String address(String userId) {
        return scopes.platform(em -> (String) Scopes.sql(em, "select email from app_user where id = ?1")
                .setParameter(1, UUID.fromString(userId)).getSingleResult());
    }
}

package io.catalyst.core.plugins;

import io.catalyst.api.PluginContext;
import io.catalyst.api.TenantInfo;
import io.catalyst.api.UserInfo;
import io.catalyst.api.ai.AssistantTools;
import io.catalyst.api.ai.LanguageModel;
import io.catalyst.api.events.PlatformEvent;
import io.catalyst.api.host.AuditTrail;
import io.catalyst.api.host.EventPublisher;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import io.catalyst.api.host.Notification;
import io.catalyst.api.host.Members;
import io.catalyst.api.host.Notifications;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.api.host.PluginCache;
import io.catalyst.api.host.PluginData;
import io.catalyst.api.host.PluginHttp;
import io.catalyst.api.host.PluginScheduler;
import io.catalyst.api.host.Secrets;
import io.catalyst.api.host.WriteBack;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.core.ai.Models;
import io.catalyst.core.metrics.MetricsService;
import io.catalyst.core.notify.Inbox;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Users;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.runtime.PluginStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Makes the {@link PluginContext} a plugin gets for one tenant (and, in a request, one user). Every service in it is
 * bound to that tenant and that plugin: data to the plugin's own schema, as its own database role, under the tenant's
 * row-level security ({@link PluginDatabases}), HTTP
 * to the plugin's declared egress hosts, events and audit entries to the plugin's name.
 */
@ApplicationScoped
public class PluginContexts {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    Scopes scopes;

    @Inject
    PluginHost host;

    @Inject
    PluginDatabases databases;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    AuditLog audit;

    @Inject
    Users users;

    @Inject
    Inbox inbox;

    @Inject
    PlatformEvents events;

    @Inject
    PluginJobs jobs;

    @Inject
    MetricsService metrics;

    @Inject
    WriteBacks writes;

    @Inject
    Models models;

    @Inject
    ToolHost tools;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String value, Instant expires) {
    }

    /**
     * A context for work in one tenant.
     *
     * @param userId   the user the work is for, or null for jobs and listeners
     * @param permits  the user's (or token's) permission check; for work without a user, the plugin's own
     *                 permissions only
     */
    public PluginContext create(String pluginId, UUID tenantId, UUID userId, Predicate<String> permits) {
        Tenant tenant = scopes.tenant(tenantId, em -> em.find(Tenant.class, tenantId));
        TenantInfo tenantInfo = new TenantInfo(tenant.id(), tenant.slug(), tenant.name(), ZoneId.of(tenant.timezone()),
                tenant.currency(), new TenantInfo.Goals(tenant.targetCpa(), tenant.targetRoas(),
                        tenant.monthlyBudget()));
        Optional<UserInfo> user = userId == null ? Optional.empty() : users.members(tenantId).stream()
                .filter(m -> m.userId().equals(userId)).findFirst()
                .map(m -> new UserInfo(m.userId(), m.email(), m.name() == null ? m.email() : m.name()));
        Predicate<String> check = permits != null ? permits : p -> p.startsWith(pluginId + ":");
        Set<String> egress = host.runtime().status(pluginId).map(PluginStatus::egressHosts).orElse(Set.of());
        Logger log = Logger.getLogger("plugin." + pluginId);
        String actor = user.map(u -> u.email() + " via plugin " + pluginId).orElse("plugin " + pluginId);

        // the plugin's own database role, bound to this tenant with a binding its SQL cannot forge
        PluginData data = databases.data(pluginId, tenantId);
        Secrets secrets = key -> tenantPlugins.secret(tenantId, pluginId, key);
        PluginHttp http = request -> send(pluginId, egress, request, log);
        EventPublisher publisher = (topic, payload) -> {
            Map<String, Object> body = new java.util.LinkedHashMap<>(payload == null ? Map.of() : payload);
            if (topic.equals(TaskRequest.TOPIC)) {
                body.put(TaskRequest.SOURCE, pluginId); // a contract topic: who asked is the host's word, not the plugin's
            } else if (!topic.startsWith(pluginId + ".")) {
                throw new IllegalArgumentException("a plugin publishes topics under its own id (" + pluginId
                        + ".*) or a contract topic such as " + TaskRequest.TOPIC);
            }
            events.publish(new PlatformEvent(topic, tenantId, body, Instant.now()));
        };
        PluginScheduler scheduler = (jobName, delay) -> jobs.runLater(pluginId, tenantId, jobName, delay);
        Notifications notifications = new Notifications() {
            @Override
            public void notifyUsers(Set<UUID> userIds, Notification notification) {
                inbox.send(tenantId, pluginId, notification, users.members(tenantId).stream()
                        .map(Member::userId).filter(userIds::contains).toList());
            }

            @Override
            public void notifyRole(String role, Notification notification) {
                inbox.send(tenantId, pluginId, notification, users.members(tenantId).stream()
                        .filter(m -> m.roles().contains(role)).map(Member::userId).toList());
            }
        };
        AuditTrail trail = (action, target, before, after) -> audit.record(new AuditEntry(tenantId, userId, actor,
                "plugin." + pluginId + "." + action, "plugin", target,
                before == null ? null : Map.of("value", before), after == null ? null : Map.of("value", after)));
        PluginCache pluginCache = new PluginCache() {
            @Override
            public Optional<String> get(String key) {
                Cached hit = cache.get(cacheKey(key));
                if (hit == null || hit.expires().isBefore(Instant.now())) {
                    cache.remove(cacheKey(key));
                    return Optional.empty();
                }
                return Optional.of(hit.value());
            }

            @Override
            public void put(String key, String value, Duration ttl) {
                cache.put(cacheKey(key), new Cached(value, Instant.now().plus(ttl)));
            }

            @Override
            public void remove(String key) {
                cache.remove(cacheKey(key));
            }

            private String cacheKey(String key) {
                return pluginId + "/" + tenantId + "/" + key;
            }
        };
        Map<String, String> settings = Map.copyOf(tenantPlugins.settings(tenantId, pluginId));
        // a user's call reads figures only with dashboards:read; background work (no user) always may
        Metrics tenantMetrics = metrics.forTenant(tenantId, userId == null ? null : check);
        WriteBack writeBack = writes.forTenant(tenantId, pluginId, userId, actor);
        LanguageModel model = models.forTenant(tenantId, pluginId, userId);
        AssistantTools assistantTools = tools.forUser(tenantId, userId, check);

        return new PluginContext() {
            @Override
            public String pluginId() {
                return pluginId;
            }

            @Override
            public TenantInfo tenant() {
                return tenantInfo;
            }

            @Override
            public Optional<UserInfo> user() {
                return user;
            }

            @Override
            public boolean isPermitted(String permission) {
                return check.test(permission);
            }

            @Override
            public PluginData data() {
                return data;
            }

            @Override
            public Metrics metrics() {
                return tenantMetrics;
            }

            @Override
            public WriteBack writeBack() {
                return writeBack;
            }

            @Override
            public LanguageModel model() {
                return model;
            }

            @Override
            public AssistantTools assistantTools() {
                return assistantTools;
            }

            @Override
            public Map<String, String> settings() {
                return settings;
            }

            @Override
            public Secrets secrets() {
                return secrets;
            }

            @Override
            public PluginHttp http() {
                return http;
            }

            @Override
            public EventPublisher events() {
                return publisher;
            }

            @Override
            public PluginScheduler scheduler() {
                return scheduler;
            }

            @Override
            public Notifications notifications() {
                return notifications;
            }

            @Override
            public Members members() {
                return () -> users.members(tenantId).stream()
                        .map(m -> new Members.Member(m.userId(), m.email(), m.name() == null ? m.email() : m.name(),
                                java.util.Set.copyOf(m.roles())))
                        .sorted(java.util.Comparator.comparing(Members.Member::name, String.CASE_INSENSITIVE_ORDER))
                        .toList();
            }

            @Override
            public AuditTrail audit() {
                return trail;
            }

            @Override
            public PluginCache cache() {
                return pluginCache;
            }

            @Override
            public Logger log() {
                return log;
            }
        };
    }

    private static HttpResult send(String pluginId, Set<String> egress, HttpRequestSpec spec, Logger log) {
        String target = spec.uri().getHost();
        if (target == null || !allowed(egress, target.toLowerCase(java.util.Locale.ROOT))) {
            throw new SecurityException("plugin " + pluginId + " may not reach " + target + ": not among its declared"
                    + " egress hosts " + egress);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(spec.uri()).timeout(spec.timeout())
                .method(spec.method(), spec.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(spec.body()));
        spec.headers().forEach(request::header);
        // the path only: query strings and headers may carry credentials
        log.fine(() -> spec.method() + " " + spec.uri().getScheme() + "://" + target + spec.uri().getPath());
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A declared host matches itself; {@code *.example.com} matches its sub-domains, not example.com itself. */
    static boolean allowed(Set<String> egress, String host) {
        return egress.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).anyMatch(h -> h.equals(host)
                || h.startsWith("*.") && host.endsWith(h.substring(1)));
    }
}

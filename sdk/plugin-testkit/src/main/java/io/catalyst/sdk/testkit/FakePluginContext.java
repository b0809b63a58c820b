package io.catalyst.sdk.testkit;

import io.catalyst.api.PluginContext;
import io.catalyst.api.TenantInfo;
import io.catalyst.api.UserInfo;
import io.catalyst.api.host.AuditTrail;
import io.catalyst.api.host.EventPublisher;
import io.catalyst.api.host.Notification;
import io.catalyst.api.host.Members;
import io.catalyst.api.host.Notifications;
import io.catalyst.api.host.PluginCache;
import io.catalyst.api.host.PluginScheduler;
import io.catalyst.api.host.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The host services a plugin sees under test: one tenant ({@link #TENANT}), one signed-in user ({@link #USER}) and
 * in-memory fakes that record what the plugin did. Arrange it before a call (settings, secrets, permissions, data and
 * HTTP stubs) and assert on it after (events, notifications, audit entries, scheduled jobs, cache).
 *
 * <p>Unlike the host, which hands every call a fresh context, the testkit passes this same object to every call, so
 * what one call leaves behind (cache entries, recordings) is visible to the next. Jobs and event listeners get
 * {@link #background()}, the same state without a user. It is thread-safe.
 */
public final class FakePluginContext implements PluginContext {

    /** The tenant every call runs for. */
    public static final TenantInfo TENANT = new TenantInfo(UUID.fromString("00000000-0000-0000-0000-00000000ac3e"),
            "acme", "Acme Corp", ZoneId.of("Europe/Berlin"), "EUR");

    /** The signed-in user of interactive calls (screens and REST). */
    public static final UserInfo USER = new UserInfo(UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
            "ada@acme.example", "Ada Tester");

    /** An event the plugin published. */
    public record PublishedEvent(String topic, Map<String, Object> payload) {
    }

    /** A notification the plugin sent, to users or to a role (the other one is empty or null). */
    public record SentNotification(Set<UUID> userIds, String role, Notification notification) {
    }

    /** An audit entry the plugin wrote. */
    public record AuditEntry(String action, String target, String before, String after) {
    }

    /** A job run the plugin asked for through {@link PluginScheduler#runLater}. */
    public record ScheduledRun(String jobName, Duration delay) {
    }

    private final String pluginId;
    private final Supplier<Set<String>> jobNames;
    private final Set<String> permissions = ConcurrentHashMap.newKeySet();
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private volatile TenantInfo tenant = TENANT;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final FakePluginData data = new FakePluginData();
    private final FakePluginHttp http;
    private final List<PublishedEvent> events = new CopyOnWriteArrayList<>();
    private final List<SentNotification> notifications = new CopyOnWriteArrayList<>();
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final List<ScheduledRun> scheduled = new CopyOnWriteArrayList<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final FakeMetrics metrics;
    private final FakeWriteBack writeBack = new FakeWriteBack();
    private final io.catalyst.sdk.testkit.ai.FakeLanguageModel model = new io.catalyst.sdk.testkit.ai.FakeLanguageModel();
    private final io.catalyst.sdk.testkit.ai.FakeAssistantTools tools =
            new io.catalyst.sdk.testkit.ai.FakeAssistantTools(permissions::contains);
    private final Map<UUID, Members.Member> members = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** The host's permission to read the company's figures, which the user holds unless revoked. */
    public static final String DASHBOARDS_READ = "dashboards:read";

    private record Cached(String value, Instant expires) {
    }

    /**
     * @param pluginId    the plugin under test
     * @param egressHosts its declared {@code Plugin-Egress-Hosts}
     * @param jobNames    its job names, for the scheduler's check
     */
    FakePluginContext(String pluginId, Collection<String> egressHosts, Supplier<Set<String>> jobNames) {
        this.pluginId = pluginId;
        this.http = new FakePluginHttp(egressHosts);
        this.jobNames = jobNames;
        this.metrics = new FakeMetrics(TENANT.currency(), () -> permissions.contains(DASHBOARDS_READ));
        permissions.add(DASHBOARDS_READ);
        member(USER.id(), USER.email(), USER.name(), "analyst");
    }

    // ---- arranging ----------------------------------------------------------------------------------------------

    /** Grants the user permissions (the testkit starts with every permission the plugin declares). */
    public FakePluginContext permit(String... names) {
        permissions.addAll(List.of(names));
        return this;
    }

    /** Takes permissions away from the user, e.g. to check that an endpoint answers 403. */
    public FakePluginContext revoke(String... names) {
        List.of(names).forEach(permissions::remove);
        return this;
    }

    /** Adds or replaces a member of the tenant ({@link #USER} is one already, as an analyst). */
    public FakePluginContext member(UUID id, String email, String name, String... roles) {
        members.put(id, new Members.Member(id, email, name, Set.of(roles)));
        return this;
    }

    /** Sets the company's goals (target CPA, target ROAS, monthly budget); the testkit starts without. */
    public FakePluginContext goals(TenantInfo.Goals goals) {
        tenant = new TenantInfo(TENANT.id(), TENANT.slug(), TENANT.name(), TENANT.timezone(), TENANT.currency(), goals);
        return this;
    }

    /** Sets a tenant setting (the testkit starts with the schema's defaults). */
    public FakePluginContext setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Sets a tenant secret. */
    public FakePluginContext secret(String key, String value) {
        secrets.put(key, value);
        return this;
    }

    /** The fake database: stub query results and inspect the statements run. */
    public FakePluginData fakeData() {
        return data;
    }

    /** The fake HTTP client: stub responses and inspect the requests sent. */
    public FakePluginHttp fakeHttp() {
        return http;
    }

    /** The fake language model: script its replies, make it fail, use up the credits. */
    public io.catalyst.sdk.testkit.ai.FakeLanguageModel fakeModel() {
        return model;
    }

    /** Other plugins' assistant tools, as {@link #assistantTools()} offers them. */
    public io.catalyst.sdk.testkit.ai.FakeAssistantTools fakeTools() {
        return tools;
    }

    // ---- recordings ---------------------------------------------------------------------------------------------

    /** Events published so far, oldest first. */
    public List<PublishedEvent> publishedEvents() {
        return List.copyOf(events);
    }

    /** Notifications sent so far, oldest first. */
    public List<SentNotification> sentNotifications() {
        return List.copyOf(notifications);
    }

    /** Audit entries written so far, oldest first. */
    public List<AuditEntry> auditEntries() {
        return List.copyOf(audit);
    }

    /** Job runs requested so far, oldest first. */
    public List<ScheduledRun> scheduledRuns() {
        return List.copyOf(scheduled);
    }

    /** The permissions the user holds now, sorted. */
    public Set<String> permissions() {
        return new TreeSet<>(permissions);
    }

    /** This context without a user, as jobs and event listeners get it; it shares all state with this one. */
    public PluginContext background() {
        return new Background();
    }

    // ---- PluginContext ------------------------------------------------------------------------------------------

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public TenantInfo tenant() {
        return tenant;
    }

    @Override
    public Optional<UserInfo> user() {
        return Optional.of(USER);
    }

    @Override
    public boolean isPermitted(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public FakePluginData data() {
        return data;
    }

    /** The fake warehouse: add insights and entities (or {@code DemoData}'s) before the plugin reads them. */
    @Override
    public FakeMetrics metrics() {
        return metrics;
    }

    /** The fake write-back: arrange connections that accept writes, and inspect what the plugin wrote. */
    @Override
    public io.catalyst.api.ai.LanguageModel model() {
        return model;
    }

    @Override
    public io.catalyst.api.ai.AssistantTools assistantTools() {
        return tools;
    }

    @Override
    public FakeWriteBack writeBack() {
        return writeBack;
    }

    /** A read-only snapshot; change values with {@link #setting}. */
    @Override
    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public Secrets secrets() {
        return key -> Optional.ofNullable(secrets.get(key));
    }

    @Override
    public FakePluginHttp http() {
        return http;
    }

    @Override
    public EventPublisher events() {
        // as the host: own topics or a contract topic, which gets the publisher's id stamped on
        return (topic, payload) -> {
            Map<String, Object> body = new java.util.LinkedHashMap<>(payload == null ? Map.of() : payload);
            if (topic.equals(io.catalyst.api.tasks.TaskRequest.TOPIC)) {
                body.put(io.catalyst.api.tasks.TaskRequest.SOURCE, pluginId);
            } else if (!topic.startsWith(pluginId + ".")) {
                throw new IllegalArgumentException("a plugin publishes topics under its own id: " + pluginId + ".*");
            }
            events.add(new PublishedEvent(topic, java.util.Collections.unmodifiableMap(body)));
        };
    }

    @Override
    public PluginScheduler scheduler() {
        return (jobName, delay) -> {
            if (!jobNames.get().contains(jobName)) {
                throw new IllegalArgumentException("plugin " + pluginId + " has no job named " + jobName
                        + "; its jobs: " + jobNames.get());
            }
            scheduled.add(new ScheduledRun(jobName, delay));
        };
    }

    @Override
    public Notifications notifications() {
        return new Notifications() {
            @Override
            public void notifyUsers(Set<UUID> userIds, Notification notification) {
                notifications.add(new SentNotification(Set.copyOf(userIds), null, notification));
            }

            @Override
            public void notifyRole(String role, Notification notification) {
                notifications.add(new SentNotification(Set.of(), role, notification));
            }
        };
    }

    @Override
    public AuditTrail audit() {
        return (action, target, before, after) -> audit.add(new AuditEntry(action, target, before, after));
    }

    /** A map that honours the time-to-live on reads. */
    @Override
    public PluginCache cache() {
        return new PluginCache() {
            @Override
            public Optional<String> get(String key) {
                Cached c = cache.get(key);
                return c == null || Instant.now().isAfter(c.expires()) ? Optional.empty() : Optional.of(c.value());
            }

            @Override
            public void put(String key, String value, Duration ttl) {
                cache.put(key, new Cached(value, Instant.now().plus(ttl)));
            }

            @Override
            public void remove(String key) {
                cache.remove(key);
            }
        };
    }

    @Override
    public Members members() {
        return () -> members.values().stream()
                .sorted(java.util.Comparator.comparing(Members.Member::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    @Override
    public Logger log() {
        return Logger.getLogger("plugin." + pluginId);
    }

    /** The same services, no user, no permissions. */
    private final class Background implements PluginContext {
        // @formatter:off
        @Override public String pluginId() { return pluginId; }
        @Override public TenantInfo tenant() { return tenant; }
        @Override public Optional<UserInfo> user() { return Optional.empty(); }
        @Override public boolean isPermitted(String permission) { return false; }
        @Override public FakePluginData data() { return data; }
        @Override public FakeMetrics metrics() { return metrics.background(); }
        @Override public FakeWriteBack writeBack() { return writeBack; }
        @Override public io.catalyst.api.ai.LanguageModel model() { return model; }
        @Override public Map<String, String> settings() { return FakePluginContext.this.settings(); }
        @Override public Secrets secrets() { return FakePluginContext.this.secrets(); }
        @Override public FakePluginHttp http() { return http; }
        @Override public EventPublisher events() { return FakePluginContext.this.events(); }
        @Override public PluginScheduler scheduler() { return FakePluginContext.this.scheduler(); }
        @Override public Notifications notifications() { return FakePluginContext.this.notifications(); }
        @Override public AuditTrail audit() { return FakePluginContext.this.audit(); }
        @Override public Members members() { return FakePluginContext.this.members(); }
        @Override public PluginCache cache() { return FakePluginContext.this.cache(); }
        @Override public Logger log() { return FakePluginContext.this.log(); }
        // @formatter:on
    }
}

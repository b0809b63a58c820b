package io.catalyst.core.plugins;

import io.catalyst.api.jobs.JobSchedule;
import io.catalyst.api.jobs.PluginJob;
import io.catalyst.core.database.SchemaReady;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.TenantStatus;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs plugins' scheduled jobs, once per due time for every active tenant that has the plugin enabled, as the plugin
 * (no user). A tick looks for due runs: an interval job is due at each multiple of its interval since the epoch, a
 * cron job at each time its expression names in the tenant's time zone. Each due run is claimed in
 * {@code plugin_job_run} first, so across a cluster (and across a restart) it runs once. Due times do not depend on
 * when plugins were installed or restarted, so nothing that happens to one plugin postpones another's jobs.
 */
@ApplicationScoped
public class PluginJobs {

    private static final Logger LOG = Logger.getLogger(PluginJobs.class.getName());

    /** How often the host looks for due runs; a run starts at most this late. */
    static final Duration TICK = Duration.ofSeconds(20);

    /** A cron run missed by more than this (the server was down) is skipped, as cron does. */
    static final Duration CRON_GRACE = Duration.ofMinutes(2);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    PluginHost host;

    @Inject
    PluginDispatch dispatch;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    Tenants tenants;

    @Inject
    Scopes scopes;

    /** The longest run a job may ask for ({@link PluginJob#timeLimit()}). */
    static final Duration MAX_TIME_LIMIT = Duration.ofMinutes(15);

    /**
     * A run's limit when the job asks for none. Nobody waits on a job, and on a busy server the short limit of
     * interactive calls would count the host's slowness against the plugin.
     */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(1);

    /**
     * A job's name, schedule and time limit, asked once per extension instance (the runtime keeps
     * the same instances).
     */
    private record Declared(String name, JobSchedule schedule, Duration timeLimit) {
    }

    // weak keys: an uninstalled plugin's extensions (and so its class loader) must not be kept alive here
    private final Map<PluginJob, Declared> declared = Collections.synchronizedMap(new WeakHashMap<>());

    // after the plugin host has loaded what is installed
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(this::tick, TICK.toSeconds(), TICK.toSeconds(), TimeUnit.SECONDS);
    }

    /** Starts every run that is due now and not yet claimed. */
    void tick() {
        try {
            if (!host.ready()) {
                return;
            }
            Instant now = Instant.now();
            Map<String, Set<UUID>> enabledFor = tenantPlugins.tenantIdsByPlugin();
            Map<UUID, ZoneId> zones = new ConcurrentHashMap<>();
            for (Tenant tenant : tenants.all()) {
                if (tenant.status() == TenantStatus.ACTIVE) {
                    zones.put(tenant.id(), ZoneId.of(tenant.timezone()));
                }
            }
            for (Contribution<PluginJob> job : host.runtime().extensions(PluginJob.class)) {
                Optional<Declared> what = declaration(job);
                if (what.isEmpty()) {
                    continue;
                }
                for (UUID tenantId : enabledFor.getOrDefault(job.pluginId(), Set.of())) {
                    ZoneId zone = zones.get(tenantId);
                    if (zone != null) {
                        dueAt(what.get().schedule(), zone, now)
                                .ifPresent(due -> scheduler.execute(() -> runIfClaimed(job, what.get().name(), tenantId,
                                        due)));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Plugin jobs were not checked: " + e);
        }
    }

    /**
     * The latest due time at or before {@code now}: for an interval, the last multiple of it since the epoch; for
     * cron, the last time it names in the zone, unless that was longer ago than {@link #CRON_GRACE}.
     */
    static Optional<Instant> dueAt(JobSchedule schedule, ZoneId zone, Instant now) {
        if (schedule.every() != null) {
            long every = schedule.every().toSeconds();
            return Optional.of(Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), every) * every));
        }
        CronTrigger trigger = new CronTrigger(schedule.cron(), zone);
        ZonedDateTime from = now.minus(CRON_GRACE).atZone(zone);
        ZonedDateTime last = null;
        // with no last execution, the trigger counts from the given time: the next time it names from there
        for (ZonedDateTime next = trigger.getNextRunTime(null, from); next != null && !next.toInstant().isAfter(now);
                next = trigger.getNextRunTime(null, next.plusSeconds(1))) {
            last = next;
        }
        return Optional.ofNullable(last).map(ZonedDateTime::toInstant);
    }

    /** Runs a plugin's job once for one tenant, soon (a plugin asking for a follow-up run on this node). */
    public void runLater(String pluginId, UUID tenantId, String jobName, Duration delay) {
        Contribution<PluginJob> job = dispatch.extensions(tenantId, pluginId, PluginJob.class).stream()
                .filter(c -> declaration(c).map(d -> d.name().equals(jobName)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("plugin " + pluginId
                        + " has no job " + jobName));
        scheduler.schedule(() -> run(job, jobName, tenantId), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private Optional<Declared> declaration(Contribution<PluginJob> job) {
        try {
            return Optional.of(declared.computeIfAbsent(job.extension(), j -> new Declared(
                    dispatch.describe(job, "job name", PluginJob::name),
                    dispatch.describe(job, "job schedule", PluginJob::schedule),
                    timeLimit(dispatch.describe(job, "job time limit", PluginJob::timeLimit)))));
        } catch (PluginFailure | IllegalArgumentException e) {
            LOG.warning(() -> "A job of plugin " + job.pluginId() + " is not run: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void runIfClaimed(Contribution<PluginJob> job, String name, UUID tenantId, Instant due) {
        if (claim(job.pluginId(), name, tenantId, due)) {
            run(job, name, tenantId);
        }
    }

    /** True for the one node (and the one start) that records this due run first. */
    private boolean claim(String pluginId, String name, UUID tenantId, Instant due) {
        OffsetDateTime dueAt = due.atOffset(ZoneOffset.UTC);
        return scopes.tenant(tenantId, em -> {
            int claimed = Scopes.sql(em, "insert into plugin_job_run (tenant_id, plugin_id, job, due_at)"
                    + " values (current_tenant(), ?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, pluginId).setParameter(2, name).setParameter(3, dueAt).executeUpdate();
            if (claimed == 1) {
                // only the newest claim of a job matters: it is what a second node or a restart compares with
                Scopes.sql(em, "delete from plugin_job_run where plugin_id = ?1 and job = ?2 and due_at < ?3")
                        .setParameter(1, pluginId).setParameter(2, name).setParameter(3, dueAt).executeUpdate();
            }
            return claimed == 1;
        });
    }

    /** A job's own limit, at most {@link #MAX_TIME_LIMIT}; {@link #DEFAULT_TIME_LIMIT} when it asks for none. */
    static Duration timeLimit(Duration asked) {
        if (asked == null || asked.isNegative() || asked.isZero()) {
            return DEFAULT_TIME_LIMIT;
        }
        return asked.compareTo(MAX_TIME_LIMIT) > 0 ? MAX_TIME_LIMIT : asked;
    }

    private void run(Contribution<PluginJob> job, String name, UUID tenantId) {
        Duration limit = declaration(job).map(Declared::timeLimit).orElse(DEFAULT_TIME_LIMIT);
        try {
            dispatch.call(job, PluginDispatch.On.tenant(tenantId), "job " + name, limit, (j, context) -> {
                j.run(context);
                return null;
            });
        } catch (PluginFailure | IllegalStateException e) {
            LOG.warning(e.getMessage());
        }
    }
}

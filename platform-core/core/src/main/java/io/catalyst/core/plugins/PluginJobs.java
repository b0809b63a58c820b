package io.catalyst.core.plugins;

import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import io.catalyst.api.jobs.JobSchedule;
import io.catalyst.api.jobs.PluginJob;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.TenantStatus;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.database.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs plugins' scheduled jobs: each job, on its schedule, once for every tenant that has the plugin enabled, as the
 * plugin (no user). Re-planned whenever the set of running plugins changes. A failing job marks its plugin FAILED
 * through the guarded call path; other plugins' jobs go on.
 */
@ApplicationScoped
public class PluginJobs {

    private static final Logger LOG = Logger.getLogger(PluginJobs.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    PluginHost host;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    PluginContexts contexts;

    @Inject
    Tenants tenants;

    private final List<ScheduledFuture<?>> planned = new ArrayList<>();

    // after the plugin host has loaded what is installed
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) SchemaReady ready) {
        host.onChange(this::replan);
        replan();
    }

    /** Cancels every planned job and plans those of the plugins running now. */
    public synchronized void replan() {
        planned.forEach(f -> f.cancel(false));
        planned.clear();
        if (!host.ready()) {
            return;
        }
        for (Contribution<PluginJob> job : host.runtime().extensions(PluginJob.class)) {
            try {
                String name = host.runtime().call(job, "job name", PluginJob::name);
                JobSchedule schedule = host.runtime().call(job, "job schedule", PluginJob::schedule);
                Runnable run = () -> runForEveryTenant(job, name);
                planned.add(schedule.every() != null
                        ? scheduler.scheduleAtFixedRate(run, schedule.every().toSeconds(), schedule.every().toSeconds(),
                        TimeUnit.SECONDS)
                        : scheduler.schedule(run, new CronTrigger(schedule.cron(), ZoneId.of("UTC"))));
            } catch (PluginFailure | IllegalArgumentException e) {
                LOG.warning(() -> "A job of plugin " + job.pluginId() + " is not planned: " + e.getMessage());
            }
        }
    }

    /** Runs a plugin's job once for one tenant, soon (a plugin asking for a follow-up run). */
    public void runLater(String pluginId, UUID tenantId, String jobName, Duration delay) {
        Contribution<PluginJob> job = host.runtime().extensions(PluginJob.class).stream()
                .filter(c -> c.pluginId().equals(pluginId))
                .filter(c -> host.runtime().call(c, "job name", PluginJob::name).equals(jobName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("plugin " + pluginId
                        + " has no job " + jobName));
        scheduler.schedule(() -> runFor(job, jobName, tenantId), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void runForEveryTenant(Contribution<PluginJob> job, String name) {
        for (Tenant tenant : tenants.all()) {
            if (tenant.status() == TenantStatus.ACTIVE) {
                runFor(job, name, tenant.id());
            }
        }
    }

    private void runFor(Contribution<PluginJob> job, String name, UUID tenantId) {
        try {
            if (!tenantPlugins.enabled(tenantId, job.pluginId())) {
                return;
            }
            var context = contexts.create(job.pluginId(), tenantId, null, null);
            host.runtime().call(job, "job " + name, j -> {
                j.run(context);
                return null;
            });
        } catch (PluginFailure e) {
            LOG.warning(e.getMessage());
        }
    }
}

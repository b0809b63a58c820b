package io.catalyst.core.plugins;

import io.catalyst.api.health.HealthCheck;
import io.catalyst.api.health.HealthResult;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The plugins' state and their own health checks' status (UP, DOWN; never their reasons), in
 * {@code /health/ready} under {@code plugins}. Always UP: a plugin
 * that fails is isolated, so it never takes the node out of service; the data says what is wrong. The checks run in
 * the background every {@link #EVERY_SECONDS} (each for one tenant that enabled the plugin, through the guarded call
 * path), so a health probe never waits on a plugin or the database.
 */
@Readiness
@ApplicationScoped
public class PluginHealth implements org.eclipse.microprofile.health.HealthCheck {

    static final long EVERY_SECONDS = 15;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(PluginHealth.class.getName());

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    private volatile Map<String, String> latest = Map.of();

    @Inject
    PluginHost host;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    PluginDispatch dispatch;

    @Inject
    Tenants tenants;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("plugins").up();
        if (!host.ready()) {
            return response.withData("runtime", "not started").build();
        }
        // states only: /health is open to anyone, and reasons (exception text, a tenant's data) are for operators,
        // who read them on the Plugins screen and in GET /api/platform/plugins
        host.list().forEach(status -> response.withData(status.pluginId(), status.state().name()));
        latest.forEach((name, result) -> response.withData(name, result.replaceFirst(":.*", "")));
        return response.build();
    }

    // after the plugin host has loaded what is installed
    void start(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(
            jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) io.catalyst.core.database.SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                latest = Map.copyOf(checks());
            } catch (RuntimeException e) {
                LOG.fine(() -> "Plugin health checks did not run: " + e.getMessage());
            }
        }, 1, EVERY_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Per plugin health check, its answer now: run for the first tenant (by slug) that enabled the plugin. */
    Map<String, String> checks() {
        Map<String, String> results = new LinkedHashMap<>();
        if (!host.ready()) {
            return results;
        }
        Map<String, List<String>> enabledFor = tenantPlugins.tenantsByPlugin();
        for (Contribution<HealthCheck> check : host.runtime().extensions(HealthCheck.class)) {
            try {
                String name = check.pluginId() + "/" + dispatch.describe(check, "health name", HealthCheck::name);
                Optional<Tenant> tenant = enabledFor.getOrDefault(check.pluginId(), List.of()).stream().findFirst()
                        .flatMap(tenants::bySlug);
                if (tenant.isEmpty()) {
                    results.put(name, "not run: enabled for no tenant");
                    continue;
                }
                HealthResult result = dispatch.call(check, PluginDispatch.On.tenant(tenant.get().id()),
                        "health " + name, (c, context) -> c.check(context));
                results.put(name, result.status() + ": " + result.message());
            } catch (PluginFailure | IllegalStateException e) {
                results.put(check.pluginId(), "DOWN: " + e.getMessage());
            }
        }
        return results;
    }
}

package io.catalyst.core.plugins;

import io.catalyst.api.health.HealthCheck;
import io.catalyst.api.health.HealthResult;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.Tenants;
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
 * The plugins' state and their own health checks, in {@code /health/ready} under {@code plugins}. Always UP: a plugin
 * that fails is isolated, so it never takes the node out of service; the data says what is wrong. Each plugin check
 * runs for one tenant that enabled the plugin, through the guarded call path.
 */
@Readiness
@ApplicationScoped
public class PluginHealth implements org.eclipse.microprofile.health.HealthCheck {

    @Inject
    PluginHost host;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    PluginContexts contexts;

    @Inject
    Tenants tenants;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("plugins").up();
        if (!host.ready()) {
            return response.withData("runtime", "not started").build();
        }
        results().forEach(response::withData);
        return response.build();
    }

    /** Per plugin its state, and per plugin health check its latest answer. */
    public Map<String, String> results() {
        Map<String, String> results = new LinkedHashMap<>();
        for (PluginStatus status : host.list()) {
            results.put(status.pluginId(), status.state() + (status.reason() == null ? "" : ": " + status.reason()));
        }
        Map<String, List<String>> enabledFor = tenantPlugins.tenantsByPlugin();
        for (Contribution<HealthCheck> check : host.runtime().extensions(HealthCheck.class)) {
            String name = check.pluginId() + "/" + host.runtime().call(check, "health name", HealthCheck::name);
            Optional<Tenant> tenant = enabledFor.getOrDefault(check.pluginId(), List.of()).stream().findFirst()
                    .flatMap(tenants::bySlug);
            if (tenant.isEmpty()) {
                results.put(name, "not run: enabled for no tenant");
                continue;
            }
            try {
                var context = contexts.create(check.pluginId(), tenant.get().id(), null, null);
                HealthResult result = host.runtime().call(check, "health " + name, c -> c.check(context));
                results.put(name, result.status() + ": " + result.message());
            } catch (PluginFailure e) {
                results.put(name, "DOWN: " + e.getMessage());
            }
        }
        return results;
    }
}

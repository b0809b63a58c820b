package io.catalyst.core.plugins;

import io.catalyst.api.PluginContext;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one way into plugins for work in a tenant: the extensions of a type, of the plugins enabled for that tenant,
 * each called with a context bound to the tenant (and the user, if any) through the runtime's guarded call path.
 * Events, jobs, health checks and REST endpoints all come through here, and so should every new extension point.
 */
@ApplicationScoped
public class PluginDispatch {

    @Inject
    PluginHost host;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    PluginContexts contexts;

    /** Who a call into a plugin is for: a tenant, and a user with their permission check when a person asked. */
    public record On(UUID tenantId, UUID userId, Predicate<String> permits) {

        /** Work for the tenant with no user (jobs, listeners, health): the plugin holds only its own permissions. */
        public static On tenant(UUID tenantId) {
            return new On(tenantId, null, null);
        }
    }

    /** What a call does with the extension and its context. */
    @FunctionalInterface
    public interface Use<T, R> {
        R apply(T extension, PluginContext context) throws Exception;
    }

    /** The extensions of a type from the plugins running (the runtime lists only those) and enabled for a tenant. */
    public <T> List<Contribution<T>> extensions(UUID tenantId, Class<T> type) {
        if (!host.ready()) {
            return List.of();
        }
        List<Contribution<T>> all = host.runtime().extensions(type);
        if (all.isEmpty()) {
            return all;
        }
        Set<String> enabled = tenantPlugins.enabledIds(tenantId);
        return all.stream().filter(c -> enabled.contains(c.pluginId())).toList();
    }

    /** One plugin's extensions of a type, when that plugin runs and is enabled for the tenant; else none. */
    public <T> List<Contribution<T>> extensions(UUID tenantId, String pluginId, Class<T> type) {
        if (!enabled(tenantId, pluginId)) {
            return List.of();
        }
        return host.runtime().extensions(pluginId, type).stream().map(e -> new Contribution<>(pluginId, e)).toList();
    }

    /** Whether the plugin runs and is enabled for the tenant. */
    public boolean enabled(UUID tenantId, String pluginId) {
        return tenantPlugins.enabled(tenantId, pluginId);
    }

    /** Whether the tenant has the plugin enabled but it is not running (failed, disabled or being replaced). */
    public boolean outOfService(UUID tenantId, String pluginId) {
        return tenantPlugins.enabledIds(tenantId).contains(pluginId) && !enabled(tenantId, pluginId);
    }

    /**
     * Reads something an extension declares (its name, path, topics, schedule) through the guarded path.
     *
     * @throws PluginFailure if the plugin throws or hangs (see the runtime's CallBreaker for what that takes out of
     *                       service)
     */
    public <T, R> R describe(Contribution<T> extension, String what, Function<T, R> question) {
        return host.runtime().call(extension, what, question::apply);
    }

    // per loaded plugin (its class loader, weakly: a reload or uninstall drops its answers): "class#question" -> answer
    private final Map<ClassLoader, Map<String, Object>> declared =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * As {@link #describe}, asked once per loaded extension and then remembered: for what a request needs every time
     * (an endpoint's path, method and permission), so a request does not queue behind busy plugin calls for a
     * getter. Only for answers of JDK or plugin-API types (text, enums), which hold nothing of the plugin.
     */
    @SuppressWarnings("unchecked")
    public <T, R> R declared(Contribution<T> extension, String what, Function<T, R> question) {
        Object target = extension.extension();
        Map<String, Object> answers = declared.computeIfAbsent(target.getClass().getClassLoader(),
                loader -> new java.util.concurrent.ConcurrentHashMap<>());
        String key = target.getClass().getName() + "#" + what;
        Object known = answers.get(key);
        if (known != null) {
            return (R) known;
        }
        R answer = describe(extension, what, question);
        if (answer != null) {
            answers.put(key, answer);
        }
        return answer;
    }

    /**
     * Calls an extension for a tenant, with a context bound to it, through the guarded path.
     *
     * @throws PluginFailure if the plugin throws or hangs
     * @throws IllegalStateException if the plugin is not running or not enabled for the tenant, so no caller can
     *                               reach a plugin that the tenant has not chosen
     */
    public <T, R> R call(Contribution<T> extension, On on, String operation, Use<T, R> use) {
        return call(extension, on, operation, null, use);
    }

    /** As {@link #call(Contribution, On, String, Use)}, with a time limit of its own (null: the host's). */
    public <T, R> R call(Contribution<T> extension, On on, String operation, java.time.Duration timeout,
                         Use<T, R> use) {
        if (!enabled(on.tenantId(), extension.pluginId())) {
            throw new IllegalStateException("plugin " + extension.pluginId() + " is not enabled for tenant "
                    + on.tenantId());
        }
        PluginContext context = contexts.create(extension.pluginId(), on.tenantId(), on.userId(), on.permits());
        return timeout == null
                ? host.runtime().call(extension, on.tenantId().toString(), operation, e -> use.apply(e, context))
                : host.runtime().call(extension, on.tenantId().toString(), operation, timeout,
                        e -> use.apply(e, context));
    }
}

package io.catalyst.api;

import io.catalyst.api.host.AuditTrail;
import io.catalyst.api.host.EventPublisher;
import io.catalyst.api.host.Notifications;
import io.catalyst.api.host.PluginCache;
import io.catalyst.api.host.PluginData;
import io.catalyst.api.host.PluginHttp;
import io.catalyst.api.host.PluginScheduler;
import io.catalyst.api.host.Secrets;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The only way a plugin reaches the host. The host passes one to every extension call, bound to one tenant, one
 * plugin and, for interactive calls, one user. Do not keep it beyond the call: the next call gets a fresh one.
 */
public interface PluginContext {

    /** The id of the plugin this context belongs to. */
    String pluginId();

    /** The tenant the call runs for. */
    TenantInfo tenant();

    /** The signed-in user, or empty for background work (jobs, event listeners). */
    Optional<UserInfo> user();

    /**
     * Whether the current user holds a tenant-relative permission such as {@code leads:read}; always false without a
     * user.
     */
    boolean isPermitted(String permission);

    /** SQL on the plugin's own schema, limited to the current tenant's rows. */
    PluginData data();

    /** The tenant's values for this plugin's {@link io.catalyst.api.settings.SettingsSchema}, secrets left out. */
    Map<String, String> settings();

    /** The tenant's secret settings for this plugin. */
    Secrets secrets();

    /** Outbound HTTP, limited to the hosts in {@link PluginManifest#EGRESS_HOSTS}. */
    PluginHttp http();

    /** Publishes platform events in the current tenant. */
    EventPublisher events();

    /** Asks for one of this plugin's jobs to run again later for the current tenant. */
    PluginScheduler scheduler();

    /** Sends in-app notifications to the tenant's users. */
    Notifications notifications();

    /** Writes entries to the tenant's audit log, attributed to this plugin and the current user. */
    AuditTrail audit();

    /** A tenant-scoped cache with time-to-live, shared by the cluster. */
    PluginCache cache();

    /** This plugin's logger; records carry the plugin id. */
    Logger log();
}

package io.catalyst.api;

import io.catalyst.api.host.AuditTrail;
import io.catalyst.api.host.EventPublisher;
import io.catalyst.api.host.Members;
import io.catalyst.api.host.Notifications;
import io.catalyst.api.host.PluginCache;
import io.catalyst.api.host.PluginData;
import io.catalyst.api.host.PluginHttp;
import io.catalyst.api.host.PluginScheduler;
import io.catalyst.api.host.Secrets;
import io.catalyst.api.host.WriteBack;
import io.catalyst.api.metrics.Metrics;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The only way a plugin reaches the host. The host passes one to every extension call, bound to one tenant, one
 * plugin and, for interactive calls, one user. Do not keep it beyond the call: the next call gets a fresh one. The one
 * exception is a screen: the context {@link io.catalyst.api.ui.UiScreen#create} gets serves the screen's own listeners
 * (a click, a changed period) for as long as the screen is open, and the host checks the user's permissions again on
 * every {@link #metrics()} and {@link #data()} call.
 */
public interface PluginContext {

    /** The id of the plugin this context belongs to. */
    String pluginId();

    /** The tenant the call runs for. */
    TenantInfo tenant();

    /** The signed-in user, or empty for background work (jobs, event listeners). */
    Optional<UserInfo> user();

    /**
     * Whether the current user holds a tenant-relative permission such as {@code leads:read}. Without a user (jobs,
     * event listeners, health checks) the host answers true for this plugin's own permissions
     * ({@code <plugin-id>:...}) and false for all others.
     */
    boolean isPermitted(String permission);

    /** SQL on the plugin's own schema, under the current tenant's row-level security. */
    PluginData data();

    /** The tenant's values for this plugin's {@link io.catalyst.api.settings.SettingsSchema}, secrets left out. */
    Map<String, String> settings();

    /** The tenant's secret settings for this plugin. */
    Secrets secrets();

    /** Outbound HTTP, limited to the hosts in {@link PluginManifest#EGRESS_HOSTS}. */
    PluginHttp http();

    /** Publishes platform events in the current tenant. */
    EventPublisher events();

    /** Asks for one of this plugin's jobs to run again later for the current tenant, on this node. */
    PluginScheduler scheduler();

    /** Notifies the tenant's users: in the app, and by email or webhook as they chose (see {@link Notifications}). */
    Notifications notifications();

    /** The tenant's members, read-only: whom to assign or mention. Since API 0.5.0. */
    Members members();

    /** Writes entries to the tenant's audit log, attributed to this plugin and the current user. */
    AuditTrail audit();

    /** A tenant-scoped text cache with time-to-live, in this node's memory (not shared by the cluster). */
    PluginCache cache();

    /** The tenant's marketing data: metrics over any dimensions and periods, and CRM records. Since API 0.4.0. */
    Metrics metrics();

    /**
     * Writes values back to the tenant's connected providers, such as a score to a CRM contact, within what their
     * connectors declare. A default that refuses, for contexts made outside the host. Since API 0.7.0.
     */
    default WriteBack writeBack() {
        throw new UnsupportedOperationException("this host does not write back to providers");
    }

    /**
     * The platform's language model, metered against the tenant's AI credits. A default that has no model, for
     * contexts made outside the host. Since API 0.8.0.
     */
    default io.catalyst.api.ai.LanguageModel model() {
        throw new io.catalyst.api.ai.ModelUnavailable("this host offers no language model");
    }

    /**
     * The assistant tools other plugins offer, as the current user may use them; only with a user. A default that
     * offers none, for contexts made outside the host. Since API 0.8.0.
     */
    default io.catalyst.api.ai.AssistantTools assistantTools() {
        throw new UnsupportedOperationException("this host offers no assistant tools");
    }

    /** This plugin's logger; records carry the plugin id. */
    Logger log();
}

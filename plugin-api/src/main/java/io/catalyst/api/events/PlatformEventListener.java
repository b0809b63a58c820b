package io.catalyst.api.events;

import io.catalyst.api.PluginContext;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Reacts to platform events. The host delivers an event asynchronously, on the node where it was raised, and only
 * for tenants that enabled the plugin; the platform's own events (its audited actions) after the change committed,
 * plugins' events as soon as they are published. The context has no user.
 */
public interface PlatformEventListener extends ExtensionPoint {

    /** The exact topics to receive, e.g. {@code campaign.created}. */
    Set<String> topics();

    /** Handles one event. */
    void on(PlatformEvent event, PluginContext ctx);
}

package io.catalyst.core.plugins;

import io.catalyst.api.host.WriteBack;
import java.util.UUID;

/**
 * Makes the write-back service of a plugin's context. The connections component implements it
 * ({@code core.connect.ConnectorWrites}): the plugin host only hands it on, and so does not depend on connections.
 */
public interface WriteBacks {

    /** The service for one plugin in one tenant; {@code userId} is null for background work. */
    WriteBack forTenant(UUID tenantId, String pluginId, UUID userId, String actor);
}

package io.catalyst.core.connect;

import io.catalyst.api.connect.Connector;
import io.catalyst.core.plugins.Contribution;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.plugins.PluginStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The connectors the installed plugins offer. A connector is a data source, not a feature: once a platform admin
 * installs its plugin, every company may connect it (with {@code connections:manage}).
 */
@ApplicationScoped
public class ConnectorRegistry {

    /** A connector and where it came from. */
    public record Available(Contribution<Connector> contribution, Set<String> egressHosts) {
        public Connector connector() {
            return contribution.extension();
        }

        public String pluginId() {
            return contribution.pluginId();
        }
    }

    @Inject
    PluginHost host;

    /** Every connector of every running plugin, by name. */
    public List<Available> all() {
        if (!host.ready()) {
            return List.of();
        }
        List<Available> found = new ArrayList<>();
        for (Contribution<Connector> c : host.runtime().extensions(Connector.class)) {
            found.add(new Available(c, egress(c.pluginId())));
        }
        found.sort(Comparator.comparing(a -> a.connector().displayName()));
        return found;
    }

    /** The connector with this id, if its plugin runs. */
    public Optional<Available> find(String connectorId) {
        return all().stream().filter(a -> a.connector().id().equals(connectorId)).findFirst();
    }

    private Set<String> egress(String pluginId) {
        return host.runtime().status(pluginId).map(PluginStatus::egressHosts).orElse(Set.of());
    }
}

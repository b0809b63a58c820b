package io.catalyst.core.connect;

import io.catalyst.api.connect.Connector;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.declarative.ConnectorManifests;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.logging.Logger;

/**
 * The connectors the installed plugins offer: Java extensions of {@link Connector}, and declarative connectors, a
 * {@code connector.yaml} at the root of a plugin jar ({@link ConnectorManifests}). A manifest that does not hold marks
 * its plugin FAILED with every problem, as a broken jar would. A connector is a data source, not a feature: once a
 * platform admin installs its plugin, every company may connect it (with {@code connections:manage}).
 */
@ApplicationScoped
public class ConnectorRegistry {

    /** A connector and where it came from. */
    public record Available(Contribution<Connector> contribution, Set<String> egressHosts) {
        public Connector connector() {
            return contribution.extension();
        }
    }

    /** The manifest a plugin ships. */
    static final String MANIFEST = "connector.yaml";
    private static final Logger LOG = Logger.getLogger(ConnectorRegistry.class.getName());

    @Inject
    PluginHost host;

    // parsed once per loaded plugin: its class loader changes with every install, upgrade and restart
    private final Map<ClassLoader, Optional<Connector>> declared = Collections.synchronizedMap(new WeakHashMap<>());

    /** Every connector of every running plugin, by name. */
    public List<Available> all() {
        if (!host.ready()) {
            return List.of();
        }
        List<Available> found = new ArrayList<>();
        for (Contribution<Connector> c : host.runtime().extensions(Connector.class)) {
            found.add(new Available(c, egress(c.pluginId())));
        }
        for (PluginStatus status : host.runtime().list()) {
            if (status.state() == PluginStatus.State.STARTED) {
                declarative(status.pluginId()).ifPresent(connector -> found.add(new Available(
                        new Contribution<>(status.pluginId(), connector), status.egressHosts())));
            }
        }
        found.sort(Comparator.comparing(a -> a.connector().displayName()));
        return found;
    }

    /** The connector with this id, if its plugin runs. */
    public Optional<Available> find(String connectorId) {
        return all().stream().filter(a -> a.connector().id().equals(connectorId)).findFirst();
    }

    private Optional<Connector> declarative(String pluginId) {
        Optional<ClassLoader> loader = host.runtime().classLoader(pluginId);
        if (loader.isEmpty() || !(loader.get() instanceof URLClassLoader jar)) {
            return Optional.empty();
        }
        return declared.computeIfAbsent(jar, key -> {
            URL manifest = jar.findResource(MANIFEST); // the plugin's own jar only, never a parent's
            if (manifest == null) {
                return Optional.empty();
            }
            try (InputStream in = manifest.openStream()) {
                return Optional.of(ConnectorManifests.load(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (ConnectorManifests.Invalid e) {
                host.runtime().fail(pluginId, MANIFEST + " is not valid: " + String.join("; ", e.problems()));
            } catch (IOException e) {
                host.runtime().fail(pluginId, MANIFEST + " could not be read: " + e.getMessage());
            }
            LOG.warning(() -> "Plugin " + pluginId + " ships a connector manifest that does not hold");
            return Optional.empty();
        });
    }

    private Set<String> egress(String pluginId) {
        return host.runtime().status(pluginId).map(PluginStatus::egressHosts).orElse(Set.of());
    }
}

package io.catalyst.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * PF4J's {@link DefaultPluginManager} with the 3.15.0 traps fixed (see {@code shared/STACK.md}, "PF4J traps"):
 * <ol>
 *   <li>{@link #stopPlugins()} iterates over a reversed copy: the original throws ConcurrentModificationException
 *       with three or more started plugins;</li>
 *   <li>an exception from {@code Plugin.stop()} is contained and marks the plugin FAILED instead of escaping and
 *       leaving it STARTED;</li>
 *   <li>the system version is always set, since the default 0.0.0 disables every {@code Plugin-Requires} check;</li>
 *   <li>a missing or wrong dependency skips that plugin instead of failing everyone;</li>
 *   <li>the {@code create*} factory methods run inside the super-constructor, so they use no fields of this class;</li>
 *   <li>only jars are loaded, so nothing is expanded before its signature is checked (by {@link PluginRuntime});</li>
 *   <li>plugins see only the API packages of the host ({@link ApiOnlyClassLoader}) and can never shadow them.</li>
 * </ol>
 * Not thread-safe, like PF4J itself: {@link PluginRuntime} serializes every lifecycle call.
 */
public class HostPluginManager extends DefaultPluginManager {

    private static final Logger LOG = Logger.getLogger(HostPluginManager.class.getName());

    /**
     * @param pluginsRoot   folder holding the installed plugin jars
     * @param systemVersion version that {@code Plugin-Requires} is checked against, normally
     *                      {@link io.catalyst.api.PluginApi#VERSION}
     */
    public HostPluginManager(Path pluginsRoot, String systemVersion) {
        super(pluginsRoot);
        setSystemVersion(systemVersion);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    /** Whether a descriptor's {@code Plugin-Requires} accepts this host, by PF4J's own rule. */
    public boolean isCompatible(PluginDescriptor descriptor) {
        return isPluginValid(new PluginWrapper(this, descriptor, null, null));
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new JarPluginRepository(getPluginsRoots());
    }

    @Override
    protected PluginLoader createPluginLoader() {
        // called from the super-constructor: only locals here, no fields of this class
        ApiOnlyClassLoader gate = new ApiOnlyClassLoader(HostPluginManager.class.getClassLoader());
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new RestrictedPluginClassLoader(pluginManager, descriptor, gate);
            }
        };
    }

    @Override
    public void stopPlugins() {
        List<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            if (plugin.getPluginState().isStarted()) {
                stopPlugin(plugin.getPluginId(), false);
            }
        }
    }

    @Override
    protected PluginState stopPlugin(String pluginId, boolean stopDependents) {
        try {
            return super.stopPlugin(pluginId, stopDependents);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            PluginWrapper plugin = getPlugin(pluginId);
            LOG.log(Level.WARNING, e, () -> "Plugin " + pluginId + " failed while stopping");
            plugin.setPluginState(PluginState.FAILED);
            plugin.setFailedException(e);
            getStartedPlugins().remove(plugin);
            return PluginState.FAILED;
        }
    }

    /**
     * Plugin first, then its dependencies, then the API gate; shared packages always come from the gate so that a
     * plugin bundling its own copy of the API cannot shadow it.
     */
    private static final class RestrictedPluginClassLoader extends PluginClassLoader {

        RestrictedPluginClassLoader(org.pf4j.PluginManager manager, PluginDescriptor descriptor,
                                    ApiOnlyClassLoader gate) {
            super(manager, descriptor, gate, ClassLoadingStrategy.PDA);
        }

        @Override
        protected boolean shouldDelegateToParent(String className) {
            return super.shouldDelegateToParent(className) || ApiOnlyClassLoader.isShared(className);
        }
    }
}

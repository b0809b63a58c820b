package io.catalyst.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import io.catalyst.api.PluginApi;
import io.catalyst.api.PluginManifest;
import io.catalyst.runtime.TestPlugins.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** The PF4J 3.15.0 traps, each fixed in {@link HostPluginManager}. */
class HostPluginManagerTest {

    @TempDir
    Path dir;

    private static Spec plain(String id) {
        return Spec.of(id, "1.0.0").endpoint("test." + id.replace("-", "") + ".Hello", "hello", "\"" + id + "\"");
    }

    @Test
    void stopsThreeAndMorePluginsEvenWhenOneStopThrows() {
        TestPlugins.build(dir, plain("one"));
        TestPlugins.build(dir, plain("two"));
        TestPlugins.build(dir, plain("three"));
        TestPlugins.build(dir, Spec.of("stubborn", "1.0.0")
                .with(PluginManifest.PLUGIN_CLASS, "test.stubborn.StubbornPlugin")
                .source("test.stubborn.StubbornPlugin", """
                        package test.stubborn;
                        public class StubbornPlugin extends org.pf4j.Plugin {
                            @Override
                            public void stop() {
                                throw new IllegalStateException("will not stop");
                            }
                        }
                        """));
        HostPluginManager manager = new HostPluginManager(dir, PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        assertThat(manager.getStartedPlugins()).hasSize(4);

        assertThatCode(manager::stopPlugins).doesNotThrowAnyException();

        assertThat(manager.getStartedPlugins()).isEmpty();
        assertThat(manager.getPlugins()).extracting(PluginWrapper::getPluginId, PluginWrapper::getPluginState)
                .containsExactlyInAnyOrder(
                        tuple("one", PluginState.STOPPED),
                        tuple("two", PluginState.STOPPED),
                        tuple("three", PluginState.STOPPED),
                        tuple("stubborn", PluginState.FAILED));
        assertThat(manager.getPlugin("stubborn").getFailedException()).hasMessage("will not stop");
        manager.unloadPlugins();
    }

    @Test
    void checksPluginRequiresAndSkipsPluginsWithMissingDependencies() {
        TestPlugins.build(dir, plain("fine"));
        TestPlugins.build(dir, plain("future").with(PluginManifest.PLUGIN_REQUIRES, ">=9.0.0"));
        TestPlugins.build(dir, plain("orphan").with(PluginManifest.PLUGIN_DEPENDENCIES, "ghost"));
        HostPluginManager manager = new HostPluginManager(dir, PluginApi.VERSION);

        assertThatCode(manager::loadPlugins).doesNotThrowAnyException();
        manager.startPlugins();

        assertThat(manager.getPlugin("fine").getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(manager.getPlugin("future").getPluginState()).isEqualTo(PluginState.DISABLED);
        assertThat(manager.getPlugin("orphan")).isNull();
        manager.stopPlugins();
        manager.unloadPlugins();
    }
}

package io.catalyst.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.catalyst.api.PluginManifest;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.RestEndpoint;
import io.catalyst.runtime.PluginStatus.State;
import io.catalyst.runtime.SignatureCheck.Verdict;
import io.catalyst.runtime.TestPlugins.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRuntimeTest {

    private static final KeyPair TRUSTED = PluginSignatures.generateKeyPair();
    private static final KeyPair STRANGER = PluginSignatures.generateKeyPair();

    @TempDir
    static Path builds;

    @TempDir
    Path pluginsDir;

    private static Path good;

    private ExecutorService executor;
    private PluginRuntime runtime;

    @BeforeAll
    static void buildGoodPlugin() {
        good = TestPlugins.buildSigned(builds.resolve("good"),
                Spec.of("good", "1.0.0").endpoint("test.good.Hello", "hello", "\"hello from good\""), TRUSTED);
    }

    @BeforeEach
    void start() throws IOException {
        executor = Executors.newCachedThreadPool();
        runtime = newRuntime(false);
    }

    @AfterEach
    void stop() {
        runtime.close();
        executor.shutdownNow();
    }

    private PluginRuntime newRuntime(boolean developmentMode) throws IOException {
        return new PluginRuntime(PluginRuntime.Config.of(pluginsDir, List.of(TRUSTED.getPublic()))
                .withDevelopmentMode(developmentMode).withCallTimeout(Duration.ofSeconds(2)), executor);
    }

    private String get(String pluginId) {
        return get(pluginId, "tenant-a");
    }

    private String get(String pluginId, String caller) {
        List<RestEndpoint> endpoints = runtime.extensions(pluginId, RestEndpoint.class);
        assertThat(endpoints).as("endpoints of " + pluginId).hasSize(1);
        Contribution<RestEndpoint> target = new Contribution<>(pluginId, endpoints.get(0));
        PluginRequest request = new PluginRequest(HttpMethod.GET, "hello", null, null, null, null);
        return runtime.call(target, caller, "GET hello", ep -> ep.handle(request, null).body());
    }

    private void assertGoodStillWorks() {
        assertThat(runtime.status("good")).get().extracting(PluginStatus::state).isEqualTo(State.STARTED);
        assertThat(get("good")).isEqualTo("hello from good");
    }

    private static Path signed(Spec spec) {
        return TestPlugins.buildSigned(builds.resolve(spec.id() + "-" + spec.version()), spec, TRUSTED);
    }

    @Test
    void signedPluginLoadsStartsAndOffersItsExtensionsFromTheCache() throws IOException {
        PluginStatus status = runtime.install(good);

        assertThat(status.state()).isEqualTo(State.STARTED);
        assertThat(status.version()).isEqualTo("1.0.0");
        assertThat(status.signature().verdict()).isEqualTo(Verdict.VALID);
        assertThat(status.warning()).isEmpty();
        assertThat(get("good")).isEqualTo("hello from good");
        assertThat(runtime.extensions("good", RestEndpoint.class).get(0))
                .isSameAs(runtime.extensions("good", RestEndpoint.class).get(0));
        assertThat(runtime.extensions(RestEndpoint.class)).extracting(Contribution::pluginId).containsExactly("good");
        assertThat(pluginsDir.resolve("good-1.0.0.jar")).exists();
        assertThat(pluginsDir.resolve("good-1.0.0.jar.sig")).exists();
    }

    @Test
    void unsignedPluginIsRefusedOutsideDevelopmentMode() throws IOException {
        runtime.install(good);
        Path unsigned = TestPlugins.build(builds.resolve("unsigned"),
                Spec.of("unsigned", "1.0.0").endpoint("test.unsigned.Hello", "hello", "\"unsigned\""));

        PluginStatus status = runtime.install(unsigned);

        assertThat(status.state()).isEqualTo(State.REFUSED);
        assertThat(status.signature().verdict()).isEqualTo(Verdict.UNSIGNED);
        assertThat(status.reason()).contains("unsigned").contains("development mode");
        assertThat(runtime.status("unsigned")).isEmpty();
        assertThat(pluginsDir.resolve("unsigned-1.0.0.jar")).doesNotExist();
        assertGoodStillWorks();
    }

    @Test
    void developmentModeAcceptsUnsignedPluginWithAWarning() throws IOException {
        runtime.close();
        runtime = newRuntime(true);
        Path unsigned = TestPlugins.build(builds.resolve("dev"),
                Spec.of("dev", "1.0.0").endpoint("test.dev.Hello", "hello", "\"dev\""));

        PluginStatus status = runtime.install(unsigned);

        assertThat(status.state()).isEqualTo(State.STARTED);
        assertThat(status.warning()).get().asString().contains("UNSIGNED");
        assertThat(get("dev")).isEqualTo("dev");
    }

    @Test
    void tamperedPluginIsRefused() throws IOException {
        runtime.install(good);
        Path jar = signed(Spec.of("tampered", "1.0.0").endpoint("test.tampered.Hello", "hello", "\"t\""));
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 1;
        Files.write(jar, bytes);

        PluginStatus status = runtime.install(jar);

        assertThat(status.state()).isEqualTo(State.REFUSED);
        assertThat(status.signature().verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(status.reason()).contains("TAMPERED").contains("changed after signing");
        assertGoodStillWorks();
    }

    @Test
    void pluginSignedByAnUntrustedKeyIsRefused() throws IOException {
        runtime.install(good);
        Path jar = TestPlugins.buildSigned(builds.resolve("stranger"),
                Spec.of("stranger", "1.0.0").endpoint("test.stranger.Hello", "hello", "\"s\""), STRANGER);

        PluginStatus status = runtime.install(jar);

        assertThat(status.state()).isEqualTo(State.REFUSED);
        assertThat(status.signature().verdict()).isEqualTo(Verdict.UNTRUSTED_KEY);
        assertThat(status.reason()).contains(PluginSignatures.keyId(STRANGER.getPublic())).contains("not trusted")
                .as("and says how an operator trusts a signer").contains("CATALYST_PLUGINS_TRUSTED_KEYS");
        assertGoodStillWorks();
    }

    @Test
    void pluginRequiringANewerApiIsRefused() throws IOException {
        runtime.install(good);
        Path jar = signed(Spec.of("future", "1.0.0").with(PluginManifest.PLUGIN_REQUIRES, ">=9.0.0")
                .endpoint("test.future.Hello", "hello", "\"f\""));

        PluginStatus status = runtime.install(jar);

        assertThat(status.state()).isEqualTo(State.REFUSED);
        assertThat(status.reason()).contains("incompatible").contains(">=9.0.0").contains(io.catalyst.api.PluginApi.VERSION);
        assertGoodStillWorks();
    }

    @Test
    void corruptJarIsRefused() throws IOException {
        runtime.install(good);
        Path notAZip = builds.resolve("corrupt.jar");
        Files.writeString(notAZip, "this is not a zip file");
        TestPlugins.sign(notAZip, TRUSTED.getPrivate());
        Path plain = builds.resolve("plain.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plain))) {
            jar.putNextEntry(new JarEntry("readme.txt")); // a valid jar, but without a manifest
            jar.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        TestPlugins.sign(plain, TRUSTED.getPrivate());

        PluginStatus corrupt = runtime.install(notAZip);
        PluginStatus undescribed = runtime.install(plain);

        assertThat(corrupt.state()).isEqualTo(State.REFUSED);
        assertThat(corrupt.pluginId()).isEqualTo("corrupt.jar");
        assertThat(corrupt.reason()).contains("not a zip");
        assertThat(undescribed.state()).isEqualTo(State.REFUSED);
        assertThat(undescribed.reason()).contains("no META-INF/MANIFEST.MF");
        assertGoodStillWorks();
    }

    @Test
    void pluginWithAMissingDependencyIsRefusedAndOneWithItsDependencyStarts() throws IOException {
        runtime.install(good);
        Path orphan = signed(Spec.of("orphan", "1.0.0").with(PluginManifest.PLUGIN_DEPENDENCIES, "ghost@>=1.0.0")
                .endpoint("test.orphan.Hello", "hello", "\"o\""));
        Path child = signed(Spec.of("child", "1.0.0").with(PluginManifest.PLUGIN_DEPENDENCIES, "good@>=1.0.0")
                .endpoint("test.child.Hello", "hello", "\"child of good\""));

        PluginStatus refused = runtime.install(orphan);
        PluginStatus started = runtime.install(child);

        assertThat(refused.state()).isEqualTo(State.REFUSED);
        assertThat(refused.reason()).isEqualTo("missing dependency ghost@>=1.0.0");
        assertThat(started.state()).isEqualTo(State.STARTED);
        assertThat(get("child")).isEqualTo("child of good");
        assertThatThrownBy(() -> runtime.uninstall("good")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("child");
        assertGoodStillWorks();
    }

    @Test
    void startupSkipsBadFilesWithReasonsAndStartsTheRest() throws IOException {
        Files.copy(good, pluginsDir.resolve("good-1.0.0.jar"));
        Files.copy(PluginSignatures.signatureFileOf(good), pluginsDir.resolve("good-1.0.0.jar.sig"));
        Files.writeString(pluginsDir.resolve("junk.jar"), "junk");
        TestPlugins.sign(pluginsDir.resolve("junk.jar"), TRUSTED.getPrivate());
        TestPlugins.build(pluginsDir, Spec.of("nosig", "1.0.0").endpoint("test.nosig.Hello", "hello", "\"n\""));
        // the dependent sorts before its dependency, so loading must follow dependencies, not file names
        TestPlugins.buildSigned(pluginsDir, Spec.of("a-child", "1.0.0")
                .with(PluginManifest.PLUGIN_DEPENDENCIES, "good").endpoint("test.achild.Hello", "hello", "\"a\""),
                TRUSTED);
        TestPlugins.buildSigned(pluginsDir, Spec.of("lonely", "1.0.0")
                .with(PluginManifest.PLUGIN_DEPENDENCIES, "ghost").endpoint("test.lonely.Hello", "hello", "\"l\""),
                TRUSTED);

        List<PluginStatus> statuses = runtime.loadInstalled();

        assertThat(statuses).extracting(PluginStatus::pluginId, PluginStatus::state).containsExactlyInAnyOrder(
                tuple("good", State.STARTED),
                tuple("a-child", State.STARTED),
                tuple("junk.jar", State.REFUSED),
                tuple("nosig", State.REFUSED),
                tuple("lonely", State.REFUSED));
        assertThat(runtime.status("lonely").orElseThrow().reason()).isEqualTo("missing dependency ghost");
        assertThat(runtime.status("nosig").orElseThrow().reason()).contains("unsigned");
        assertThat(get("a-child")).isEqualTo("a");
        assertGoodStillWorks();
    }

    @Test
    void pluginCannotLoadHostInternalClasses() throws IOException {
        Path sneaky = signed(Spec.of("sneaky", "1.0.0").source("test.sneaky.Probe", """
                package test.sneaky;
                import io.catalyst.api.PluginContext;
                import io.catalyst.api.rest.*;
                @org.pf4j.Extension
                public class Probe implements RestEndpoint {
                    public HttpMethod method() { return HttpMethod.GET; }
                    public String path() { return "hello"; }
                    public String requiredPermission() { return "test:read"; }
                    public PluginResponse handle(PluginRequest request, PluginContext ctx) {
                        return PluginResponse.json(probe("io.catalyst.runtime.PluginRuntime")
                                + "," + probe("io.catalyst.api.PluginContext")
                                + "," + probe("org.assertj.core.api.Assertions")
                                + "," + contextProbe("io.catalyst.runtime.PluginRuntime"));
                    }
                    private String probe(String name) {
                        try {
                            Class.forName(name, false, getClass().getClassLoader());
                            return "visible";
                        } catch (ClassNotFoundException e) {
                            return "blocked";
                        }
                    }
                    private String contextProbe(String name) {
                        try {
                            Thread.currentThread().getContextClassLoader().loadClass(name);
                            return "visible";
                        } catch (ClassNotFoundException e) {
                            return "blocked";
                        }
                    }
                }
                """));

        assertThat(runtime.install(sneaky).state()).isEqualTo(State.STARTED);

        assertThat(get("sneaky")).isEqualTo("blocked,visible,blocked,blocked");
    }

    @Test
    void aThrowingCallFailsThatCallOnlyAndPausesThePluginForItsCallerAfterRepeatedFailures() throws IOException {
        runtime.install(good);
        runtime.install(signed(Spec.of("bomb", "1.0.0").endpoint("test.bomb.Hello", "hello",
                "java.util.Objects.requireNonNull((String) null, \"boom\")")));

        assertThatThrownBy(() -> get("bomb")).isInstanceOf(PluginFailure.class)
                .hasMessageContaining("bomb").hasMessageContaining("NullPointerException: boom")
                .extracting(e -> ((PluginFailure) e).pluginId()).isEqualTo("bomb");
        assertThat(runtime.status("bomb").orElseThrow().state())
                .as("one tenant's failing request does not take the plugin from everyone").isEqualTo(State.STARTED);

        for (int i = 1; i < CallBreaker.PAUSE_AFTER; i++) {
            assertThatThrownBy(() -> get("bomb")).hasMessageContaining("boom");
        }
        assertThatThrownBy(() -> get("bomb")).as("tenant A is paused").hasMessageContaining("paused");
        assertThatThrownBy(() -> get("bomb", "tenant-b")).as("tenant B still reaches the plugin")
                .hasMessageContaining("boom");
        assertThat(runtime.status("bomb").orElseThrow().state()).isEqualTo(State.STARTED);
        assertGoodStillWorks();
    }

    @Test
    void aPluginThatFailsForSeveralCallersIsFailedUntilReEnabled() throws IOException {
        runtime.install(good);
        runtime.install(signed(Spec.of("bomb", "1.0.0").endpoint("test.bomb.Hello", "hello",
                "java.util.Objects.requireNonNull((String) null, \"boom\")")));

        for (int caller = 1; caller <= CallBreaker.FAIL_AFTER_CALLERS; caller++) {
            String tenant = "tenant-" + caller;
            assertThatThrownBy(() -> get("bomb", tenant)).isInstanceOf(PluginFailure.class);
        }

        PluginStatus failed = runtime.status("bomb").orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.reason()).contains("GET hello threw").contains("boom").contains("3 callers");
        assertThat(failed.since()).isNotNull();
        assertThat(runtime.extensions("bomb", RestEndpoint.class)).isEmpty();
        assertGoodStillWorks();

        PluginStatus restarted = runtime.enable("bomb");
        assertThat(restarted.state()).isEqualTo(State.STARTED);
        assertThat(restarted.reason()).as("a restarted plugin shows no earlier failure").isNull();
        assertThat(runtime.extensions("bomb", RestEndpoint.class)).hasSize(1);
    }

    @Test
    void hangingExtensionTimesOutAndFailsOnlyThatCall() throws IOException {
        runtime.install(good);
        runtime.install(signed(Spec.of("sleeper", "1.0.0").source("test.sleeper.Hello", """
                package test.sleeper;
                import io.catalyst.api.PluginContext;
                import io.catalyst.api.rest.*;
                @org.pf4j.Extension
                public class Hello implements RestEndpoint {
                    public HttpMethod method() { return HttpMethod.GET; }
                    public String path() { return "hello"; }
                    public String requiredPermission() { return "test:read"; }
                    public PluginResponse handle(PluginRequest request, PluginContext ctx) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return PluginResponse.json("late");
                    }
                }
                """)));
        long begin = System.nanoTime();

        assertThatThrownBy(() -> get("sleeper")).isInstanceOf(PluginFailure.class).hasMessageContaining("timed out");

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        assertThat(runtime.status("sleeper").orElseThrow().state()).isEqualTo(State.STARTED);
        assertGoodStillWorks();
    }

    @Test
    void pluginProblemIsAnAnswerNotAFailure() throws IOException {
        runtime.install(signed(Spec.of("picky", "1.0.0").source("test.picky.Hello", """
                package test.picky;
                import io.catalyst.api.*;
                import io.catalyst.api.rest.*;
                @org.pf4j.Extension
                public class Hello implements RestEndpoint {
                    public HttpMethod method() { return HttpMethod.GET; }
                    public String path() { return "hello"; }
                    public String requiredPermission() { return "test:read"; }
                    public PluginResponse handle(PluginRequest request, PluginContext ctx) {
                        throw PluginProblem.badRequest("from must be before to");
                    }
                }
                """)));

        assertThatThrownBy(() -> get("picky")).isInstanceOf(PluginProblem.class)
                .hasMessage("from must be before to");
        assertThat(runtime.status("picky").orElseThrow().state()).isEqualTo(State.STARTED);
    }

    @Test
    void hotUpgradeChangesBehaviourAndUninstallRemovesTheFiles() throws IOException {
        runtime.install(signed(Spec.of("greeter", "1.0.0").endpoint("test.greeter.Hello", "hello", "\"v1\"")));
        assertThat(get("greeter")).isEqualTo("v1");

        PluginStatus upgraded = runtime.upgrade(
                signed(Spec.of("greeter", "2.0.0").endpoint("test.greeter.Hello", "hello", "\"v2\"")));

        assertThat(upgraded.state()).isEqualTo(State.STARTED);
        assertThat(upgraded.version()).isEqualTo("2.0.0");
        assertThat(get("greeter")).isEqualTo("v2");
        assertThat(pluginsDir.resolve("greeter-1.0.0.jar")).doesNotExist();
        assertThat(pluginsDir.resolve("greeter-2.0.0.jar")).exists();

        runtime.uninstall("greeter");

        assertThat(runtime.status("greeter")).isEmpty();
        assertThat(runtime.extensions("greeter", RestEndpoint.class)).isEmpty();
        assertThat(pluginsDir.resolve("greeter-2.0.0.jar")).doesNotExist();
        assertThat(pluginsDir.resolve("greeter-2.0.0.jar.sig")).doesNotExist();
    }

    @Test
    void anUpgradeToAnOlderOrAnEqualVersionWithOtherContentsIsRefused() throws IOException {
        runtime.install(signed(Spec.of("ladder", "2.0.0").endpoint("test.ladder.Hello", "hello", "\"v2\"")));
        Path older = TestPlugins.buildSigned(builds.resolve("ladder-1"),
                Spec.of("ladder", "1.9.0").endpoint("test.ladder.Hello", "hello", "\"v1\""), TRUSTED);
        Path rebuilt = TestPlugins.buildSigned(builds.resolve("ladder-2b"),
                Spec.of("ladder", "2.0.0").endpoint("test.ladder.Hello", "hello", "\"v2b\""), TRUSTED);

        PluginStatus down = runtime.upgrade(older);
        PluginStatus same = runtime.upgrade(rebuilt);

        assertThat(down.state()).isEqualTo(State.REFUSED);
        assertThat(down.reason()).contains("1.9.0 is older than the installed 2.0.0");
        assertThat(same.state()).isEqualTo(State.REFUSED);
        assertThat(same.reason()).contains("higher Plugin-Version");
        assertThat(get("ladder")).isEqualTo("v2");
        assertThat(runtime.status("ladder").orElseThrow().version()).isEqualTo("2.0.0");
    }

    @Test
    void theSameFileAgainIsNoUpgradeAndNoRefusal() throws IOException {
        Path jar = signed(Spec.of("again", "1.0.0").endpoint("test.again.Hello", "hello", "\"v1\""));
        runtime.install(jar);

        PluginStatus again = runtime.upgrade(jar);

        assertThat(again.state()).isEqualTo(State.STARTED);
        assertThat(get("again")).isEqualTo("v1");
    }

    @Test
    void thePreparationRunsBeforeEachStartAndAFailedOneKeepsThePluginFromStarting() throws IOException {
        runtime.close();
        List<String> prepared = new java.util.concurrent.CopyOnWriteArrayList<>();
        runtime = new PluginRuntime(PluginRuntime.Config.of(pluginsDir, List.of(TRUSTED.getPublic()))
                .withCallTimeout(Duration.ofSeconds(2)).withPreparation((id, loader) -> {
                    assertThat(loader.loadClass("test." + id + ".Hello")).as("the plugin's own classes").isNotNull();
                    prepared.add(id);
                    if (id.equals("unready")) {
                        throw new IllegalStateException("its database migrations failed: relation exists");
                    }
                }), executor);

        runtime.install(good);
        PluginStatus unready = runtime.install(signed(Spec.of("unready", "1.0.0")
                .endpoint("test.unready.Hello", "hello", "\"never\"")));

        assertThat(prepared).containsExactly("good", "unready");
        assertThat(unready.state()).isEqualTo(State.FAILED);
        assertThat(unready.reason()).isEqualTo("its database migrations failed: relation exists");
        assertThat(runtime.extensions("unready", RestEndpoint.class)).isEmpty();
        assertGoodStillWorks();

        runtime.enable("good");
        runtime.disable("good");
        runtime.enable("good");
        assertThat(prepared).as("again at every start").containsExactly("good", "unready", "good");
    }

    @Test
    void refusedUpgradeKeepsTheRunningVersion() throws IOException {
        runtime.install(signed(Spec.of("steady", "1.0.0").endpoint("test.steady.Hello", "hello", "\"v1\"")));
        Path unsigned = TestPlugins.build(builds.resolve("steady-unsigned"),
                Spec.of("steady", "2.0.0").endpoint("test.steady.Hello", "hello", "\"v2\""));

        assertThat(runtime.upgrade(unsigned).state()).isEqualTo(State.REFUSED);

        assertThat(get("steady")).isEqualTo("v1");
    }
}

package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK end to end, as a third party would go: the plugin the archetype generated and built earlier in this build
 * (sdk/plugin-archetype's integration test) is signed and installed with {@code ./catalyst plugins}, a tenant admin
 * enables it, and its screen opens in the browser; for a tenant that has not enabled it, it does not exist.
 */
class PluginSdkBrowserIT {

    @Test
    void aGeneratedPluginIsSignedInstalledEnabledAndItsScreenOpens() throws Exception {
        Path built = Path.of(System.getProperty("catalyst.sdk.sample",
                "../sdk/plugin-archetype/target/test-classes/projects/basic/project/hello-plugin/target/"
                        + "hello-plugin-0.1.0-SNAPSHOT.jar"));
        assertThat(built).as("the archetype's integration test builds this").exists();
        Path jar = Files.createTempDirectory("sdk-e2e").resolve("hello-plugin.jar");
        Files.copy(built, jar);
        Map<String, String> env = Map.of("CATALYST_URL", Server.BASE);

        String signed = Server.launcher(env, "plugins", "sign", jar.toString(), Server.env("CATALYST_TEST_PLUGIN_KEY"));
        String installed = Server.launcher(env, "plugins", "install", jar.toString());

        assertThat(signed).startsWith("0:");
        assertThat(installed).startsWith("0:").contains("hello", "STARTED");

        Fixture.Tenant enabled = Fixture.tenant("tenant-admin");
        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        String password = "Plugin-e2e-" + System.nanoTime();
        Fixture.password(enabled, password);
        Fixture.password(other, password);
        HttpResponse<String> on = Fixture.call("PUT", "/api/tenant/plugins/hello/enablement",
                Fixture.token(enabled, List.of("*")).bearer(), "{\"enabled\":true}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);

        try (Browser browser = new Browser(1280, 900).open("/")) {
            browser.signIn(enabled.email(), password);
            browser.waitFor("#nav-plugins-hello-hello");
            browser.click("#nav-plugins-hello-hello");
            browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> browser.texts("#plugin-screen").stream()
                    .anyMatch(text -> text.contains("Greetings from the hello plugin")));
            browser.screenshot("plugin-sdk-hello.png");
        }
        try (Browser browser = new Browser(1280, 900).open("/")) {
            browser.signIn(other.email(), password);
            browser.waitFor("vaadin-side-nav");
            browser.settle();
            assertThat(browser.driver.findElements(org.openqa.selenium.By.id("nav-plugins-hello-hello")))
                    .as("not enabled for this tenant").isEmpty();
            browser.open("/plugins/hello/hello");
            browser.settle();
            assertThat(browser.texts("#plugin-screen")).noneMatch(text -> text.contains("Greetings"));
        }
    }
}

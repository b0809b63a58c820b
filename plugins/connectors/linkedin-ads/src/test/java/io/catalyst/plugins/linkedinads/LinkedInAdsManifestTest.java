package io.catalyst.plugins.linkedinads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.sdk.testkit.CollectingSink;
import io.catalyst.sdk.testkit.ConnectorHarness;
import io.catalyst.sdk.testkit.ManifestConnector;
import io.catalyst.sdk.testkit.ManifestConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin's connector.yaml against a fake LinkedIn Marketing API: adAnalytics elements with Rest.li date
 * objects, campaign URNs in pivotValues and cost as a string in the account's currency; adAccounts search with
 * start/count paging; errors with HTTP status and a Rest.li error body.
 */
class LinkedInAdsManifestTest {

    private static final String ACCOUNT = "508000001";
    private static WireMockServer linkedin;
    private Connector connector;
    private ConnectorHarness harness;

    @BeforeAll
    static void start() {
        linkedin = new WireMockServer(options().dynamicPort());
        linkedin.start();
    }

    @AfterAll
    static void stop() {
        linkedin.stop();
    }

    @BeforeEach
    void load() {
        linkedin.resetAll();
        connector = ManifestConnector.ofPlugin();
        harness = new ConnectorHarness(connector, URI.create(linkedin.baseUrl()), "test-token");
        linkedin.stubFor(get(urlPathEqualTo("/rest/adAccounts")).withQueryParam("start", equalTo("0"))
                .willReturn(okJson(resource("/linkedin-fake/ad-accounts-start-0.json"))));
        linkedin.stubFor(get(urlPathEqualTo("/rest/adAccounts")).withQueryParam("start", equalTo("2"))
                .willReturn(okJson(resource("/linkedin-fake/ad-accounts-start-2.json"))));
    }

    @Test
    void declaresOAuthWithLinkedInsEndpoints() {
        assertThat(connector.id()).isEqualTo("linkedin-ads");
        assertThat(connector.auth().kind()).isEqualTo(AuthKind.OAUTH2);
        assertThat(connector.auth().tokenUrl()).hasToString("https://www.linkedin.com/oauth/v2/accessToken");
        assertThat(connector.auth().scopes()).containsExactly("r_ads", "r_ads_reporting");
    }

    @Test
    void listsAccountsPageByPage() {
        List<ProviderAccount> accounts = connector.accounts(harness);

        assertThat(accounts).extracting(ProviderAccount::id).containsExactly("508000001", "508000002", "508000003");
        assertThat(accounts.get(0)).isEqualTo(new ProviderAccount("508000001", "Acme EMEA", "EUR", null));
        assertThat(harness.requests().get(0).uri().getRawQuery()).isEqualTo("q=search&start=0&count=100");
        assertThat(harness.requests().get(0).headers()).containsEntry("LinkedIn-Version", "202601")
                .containsEntry("X-Restli-Protocol-Version", "2.0.0");
    }

    @Test
    void readsDailyCampaignAnalyticsInTheAccountsCurrency() {
        linkedin.stubFor(get(urlPathEqualTo("/rest/adAnalytics"))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .willReturn(okJson(resource("/linkedin-fake/ad-analytics.json"))));

        CollectingSink sink = harness.read(read());

        assertThat(sink.insights).hasSize(2);
        Insight first = sink.insights.get(0);
        assertThat(first.entityId()).isEqualTo("212345678");
        assertThat(first.accountId()).isEqualTo(ACCOUNT);
        assertThat(first.day()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(first.spend()).isEqualByComparingTo("84.123");
        assertThat(first.impressions()).isEqualTo(15230);
        assertThat(first.clicks()).isEqualTo(212);
        assertThat(first.conversions()).isEqualByComparingTo("9");
        assertThat(first.conversionValue()).isEqualByComparingTo("450");
        assertThat(first.leads()).isEqualTo(3);
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(sink.insights.get(1).day()).isEqualTo(LocalDate.of(2026, 11, 21));

        String query = harness.requests().stream().filter(r -> r.uri().getPath().endsWith("/adAnalytics"))
                .findFirst().orElseThrow().uri().getRawQuery();
        assertThat(query).isEqualTo("q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY"
                + "&dateRange=(start:(year:2026,month:11,day:20),end:(year:2026,month:11,day:21))"
                + "&accounts=List(urn%3Ali%3AsponsoredAccount%3A508000001)"
                + "&fields=dateRange,pivotValues,costInLocalCurrency,impressions,clicks,externalWebsiteConversions,"
                + "conversionValueInLocalCurrency,oneClickLeads");
        assertThat(sink.checkpoints).containsExactly("{\"account\":\"" + ACCOUNT + "\",\"from\":\"2026-11-22\"}");
    }

    @Test
    void aRefusedTokenMeansAuthorisingAgain() {
        linkedin.stubFor(get(urlPathEqualTo("/rest/adAnalytics")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(resource("/linkedin-fake/invalid-token.json"))));

        ProviderException e = catchThrowableOfType(() -> harness.read(read()), ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
    }

    @Test
    void throttlingIsARateLimit() {
        linkedin.stubFor(get(urlPathEqualTo("/rest/adAnalytics")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60").withHeader("Content-Type", "application/json")
                .withBody(resource("/linkedin-fake/throttled.json"))));

        ProviderException e = catchThrowableOfType(() -> harness.read(read()), ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aMissingPermissionStopsTheRunWithLinkedInsMessage() {
        linkedin.stubFor(get(urlPathEqualTo("/rest/adAnalytics")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\","
                        + "\"message\":\"Not enough permissions to access: adAnalytics.FINDER-analytics\"}")));

        RuntimeException e = catchThrowableOfType(() -> harness.read(read()), RuntimeException.class);

        assertThat(e).hasMessageContaining("HTTP 403").hasMessageContaining("Not enough permissions");
    }

    private static StreamRead read() {
        return new StreamRead("campaign_insights", List.of(ACCOUNT), LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 21), Optional.empty());
    }

    private static String resource(String name) {
        try (InputStream in = LinkedInAdsManifestTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.catalyst.plugins.tiktokads;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.sdk.testkit.CollectingSink;
import io.catalyst.sdk.testkit.ConnectorHarness;
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
 * The plugin's connector.yaml, loaded as the host loads it, against a fake TikTok API for Business whose bodies are
 * shaped as TikTok documents them: the {code, message, request_id, data} envelope, errors as HTTP 200 with a
 * non-zero code, report/integrated/get rows as {dimensions, metrics} with metrics as strings (the dimension named
 * after the data_level: campaign_id, adgroup_id, ad_id), and data.page_info.
 */
class TikTokAdsManifestTest {

    private static final String REPORT = "/open_api/v1.3/report/integrated/get/";
    private static final String ADVERTISER = "7100000000000001";
    private static WireMockServer tiktok;
    private Connector connector;
    private ConnectorHarness harness;

    @BeforeAll
    static void start() {
        tiktok = new WireMockServer(options().dynamicPort());
        tiktok.start();
    }

    @AfterAll
    static void stop() {
        tiktok.stop();
    }

    @BeforeEach
    void load() {
        tiktok.resetAll();
        connector = ManifestConnector.ofPlugin();
        harness = new ConnectorHarness(connector, URI.create(tiktok.baseUrl()), "test-token")
                .setting("currency", "USD").setting("app_id", "app-1").setting("app_secret", "app-secret");
    }

    @Test
    void declaresItselfAsTikTokExpects() {
        assertThat(connector.id()).isEqualTo("tiktok-ads");
        assertThat(connector.baseUrl()).hasToString("https://business-api.tiktok.com");
        assertThat(connector.auth().name()).isEqualTo("Access-Token");
        assertThat(connector.auth().prefix()).isEmpty();
        assertThat(connector.platformSettings()).as("the app's id and secret are the platform's")
                .containsExactly("app_id", "app_secret");
    }

    @Test
    void readsEveryPageAndMapsTheFigures() {
        stubLevels();

        CollectingSink sink = harness.read(read());

        List<Insight> campaigns = sink.insights.stream().filter(i -> i.level().equals("campaign")).toList();
        assertThat(campaigns).hasSize(3);
        Insight first = campaigns.get(0);
        assertThat(first.entityId()).isEqualTo("1780000000000001");
        assertThat(first.accountId()).isEqualTo(ADVERTISER);
        assertThat(first.day()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(first.spend()).isEqualByComparingTo("125.40");
        assertThat(first.impressions()).isEqualTo(48210);
        assertThat(first.clicks()).isEqualTo(913);
        assertThat(first.conversions()).isEqualByComparingTo("37");
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(campaigns.get(2).day()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(sink.quarantined).isEmpty();

        URI firstRequest = harness.requests().get(0).uri();
        assertThat(firstRequest.getQuery()).contains("advertiser_id=" + ADVERTISER, "report_type=BASIC",
                "data_level=AUCTION_CAMPAIGN", "dimensions=[\"campaign_id\",\"stat_time_day\"]",
                "metrics=[\"spend\",\"impressions\",\"clicks\",\"conversion\"]", "start_date=2026-11-20",
                "end_date=2026-11-21", "page=1", "page_size=1000");
        assertThat(sink.checkpoints).containsExactly(
                "{\"account\":\"" + ADVERTISER + "\",\"from\":\"2026-11-20\",\"level\":\"campaign\",\"page\":\"2\"}",
                "{\"account\":\"" + ADVERTISER + "\",\"from\":\"2026-11-20\",\"level\":\"ad_set\"}",
                "{\"account\":\"" + ADVERTISER + "\",\"from\":\"2026-11-20\",\"level\":\"ad\"}",
                "{\"account\":\"" + ADVERTISER + "\",\"from\":\"2026-11-22\"}");
    }

    @Test
    void readsAdGroupsAndAdsAsWellAsCampaigns() {
        stubLevels();

        CollectingSink sink = harness.read(read());

        assertThat(sink.insights).extracting(Insight::level, Insight::entityId).contains(
                org.assertj.core.groups.Tuple.tuple("ad_set", "1790000000000011"),
                org.assertj.core.groups.Tuple.tuple("ad_set", "1790000000000012"),
                org.assertj.core.groups.Tuple.tuple("ad", "1800000000000101"));
        Insight adGroup = sink.insights.stream().filter(i -> i.entityId().equals("1790000000000011")).findFirst()
                .orElseThrow();
        assertThat(adGroup.spend()).isEqualByComparingTo("80.40");
        assertThat(adGroup.conversions()).isEqualByComparingTo("25");
        tiktok.verify(getRequestedFor(urlPathEqualTo(REPORT)).withQueryParam("data_level", equalTo("AUCTION_ADGROUP"))
                .withQueryParam("dimensions", equalTo("[\"adgroup_id\",\"stat_time_day\"]")));
        tiktok.verify(getRequestedFor(urlPathEqualTo(REPORT)).withQueryParam("data_level", equalTo("AUCTION_AD"))
                .withQueryParam("dimensions", equalTo("[\"ad_id\",\"stat_time_day\"]")));
    }

    @Test
    void aConnectionMayCountPurchasesInsteadOfTikToksConversions() {
        stubLevels();
        harness.setting("conversions", "complete_payment");

        harness.read(read());

        assertThat(connector.connectionSettings()).extracting(s -> s.key() + "=" + s.defaultValue())
                .containsExactly("currency=null", "conversions=conversion");
        assertThat(harness.requests().get(0).uri().getQuery())
                .contains("metrics=[\"spend\",\"impressions\",\"clicks\",\"complete_payment\"]");
    }

    @Test
    void code40100IsARateLimit() {
        tiktok.stubFor(get(urlPathEqualTo(REPORT)).willReturn(okJson(resource("/tiktok-fake/rate-limited.json"))));

        ProviderException e = catchThrowableOfType(() -> harness.read(read()), ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e).hasMessageContaining("code=40100").hasMessageContaining("Too many requests");
    }

    @Test
    void code40133IsARateLimitWaitedOutAndTheRunGoesOn() {
        stubLevels();
        // the first answer is TikTok's rate-limit code 40133, inside an HTTP 200
        tiktok.stubFor(get(urlPathEqualTo(REPORT)).atPriority(1).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(resource("/tiktok-fake/rate-limited-40133.json"))).willSetStateTo("free"));

        CollectingSink sink = harness.read(read());

        assertThat(sink.insights).as("the run went on instead of stopping for good").hasSize(6);
        assertThat(harness.waits()).as("TikTok names no wait: the host's backoff")
                .containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void code40105MeansTheTokenMustBeAuthorisedAgain() {
        tiktok.stubFor(get(urlPathEqualTo(REPORT)).willReturn(okJson(resource("/tiktok-fake/token-revoked.json"))));

        ProviderException e = catchThrowableOfType(() -> harness.read(read()), ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
    }

    @Test
    void listsTheAdvertisersTheTokenReaches() {
        tiktok.stubFor(get(urlPathEqualTo("/open_api/v1.3/oauth2/advertiser/get/"))
                .withQueryParam("app_id", equalTo("app-1"))
                .willReturn(okJson(resource("/tiktok-fake/advertisers.json"))));

        List<ProviderAccount> accounts = connector.accounts(harness);

        assertThat(accounts).extracting(ProviderAccount::id, ProviderAccount::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ADVERTISER, "Acme Shop US"),
                org.assertj.core.groups.Tuple.tuple("7100000000000002", "Acme Shop DE"));
    }

    private static StreamRead read() {
        return new StreamRead("insights", List.of(ADVERTISER), LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 21), Optional.empty());
    }

    /** The report at each data_level: campaigns over two pages, ad groups and ads on one. */
    private static void stubLevels() {
        tiktok.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("data_level", equalTo("AUCTION_CAMPAIGN"))
                .withQueryParam("page", equalTo("1")).withHeader("Access-Token", equalTo("test-token"))
                .willReturn(okJson(resource("/tiktok-fake/report-page-1.json"))));
        tiktok.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("data_level", equalTo("AUCTION_CAMPAIGN"))
                .withQueryParam("page", equalTo("2")).willReturn(okJson(resource("/tiktok-fake/report-page-2.json"))));
        tiktok.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("data_level", equalTo("AUCTION_ADGROUP"))
                .willReturn(okJson(resource("/tiktok-fake/report-adgroup.json"))));
        tiktok.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("data_level", equalTo("AUCTION_AD"))
                .willReturn(okJson(resource("/tiktok-fake/report-ad.json"))));
    }

    private static String resource(String name) {
        try (InputStream in = TikTokAdsManifestTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

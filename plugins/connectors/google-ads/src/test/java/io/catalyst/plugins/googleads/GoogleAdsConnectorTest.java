package io.catalyst.plugins.googleads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.sdk.testkit.CollectingSink;
import io.catalyst.sdk.testkit.ConnectorHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

// A paging bug loops forever: fail the test instead of hanging the build
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoogleAdsConnectorTest {

    @RegisterExtension
    static final WireMockExtension ads = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String ACME = "1234567890";
    private static final String GLOBEX = "9876543210";
    private static final LocalDate FROM = LocalDate.of(2024, 3, 1);
    private static final LocalDate TO = LocalDate.of(2024, 3, 2);

    @Test
    void accountsAreTheAccessibleCustomersNamedFromTheirCustomerRow() {
        ads.stubFor(get(urlEqualTo("/v26/customers:listAccessibleCustomers"))
                .willReturn(okJson("list-accessible-customers.json")));
        ads.stubFor(stream(ACME).withRequestBody(containing("FROM customer"))
                .willReturn(okJson("customer-1234567890.json")));
        ads.stubFor(stream(GLOBEX).withRequestBody(containing("FROM customer"))
                .willReturn(json(403, "error-permission-denied.json")));

        List<ProviderAccount> accounts = new GoogleAdsConnector().accounts(harness());

        assertThat(accounts).containsExactly(
                new ProviderAccount(ACME, "Acme Shoes DE", "EUR", "Europe/Berlin"),
                new ProviderAccount(GLOBEX, GLOBEX, null, null));
    }

    @Test
    void everyRequestCarriesTheDeveloperTokenAndTheLoginCustomerId() {
        stubInsights();
        ConnectorHarness harness = harness().setting("login-customer-id", "555-666-7777");

        harness.read(insights(List.of(ACME), null));

        assertThat(harness.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.headers()).containsEntry("developer-token", "dev-token-123");
            assertThat(request.headers()).containsEntry("login-customer-id", "5556667777");
        });
        ads.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlEqualTo("/v26/customers/" + ACME + "/googleAds:searchStream"))
                .withHeader("developer-token", equalTo("dev-token-123"))
                .withHeader("Authorization", equalTo("Bearer ya29.token")));
    }

    @Test
    void aMissingDeveloperTokenIsAClearErrorBeforeAnyRequest() {
        ConnectorHarness harness = new ConnectorHarness(new GoogleAdsConnector(), URI.create(ads.baseUrl()), "ya29.token");

        assertThatThrownBy(() -> harness.read(insights(List.of(ACME), null)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
                    assertThat(e.getMessage()).contains("no Google Ads developer token");
                });
        assertThatThrownBy(() -> new GoogleAdsConnector().accounts(harness))
                .hasMessageContaining("no Google Ads developer token");
        assertThat(harness.requests()).isEmpty();
    }

    @Test
    void readsDailyCampaignInsightsAcrossStreamBatches() {
        stubInsights();
        ConnectorHarness harness = harness();

        CollectingSink sink = harness.read(insights(List.of(ACME), null));

        assertThat(sink.insights).hasSize(3);
        Insight first = sink.insights.get(0);
        assertThat(first.level()).isEqualTo("campaign");
        assertThat(first.entityId()).isEqualTo("111");
        assertThat(first.accountId()).isEqualTo(ACME);
        assertThat(first.day()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(first.spend()).isEqualByComparingTo("12.345678");
        assertThat(first.impressions()).isEqualTo(1500);
        assertThat(first.clicks()).isEqualTo(42);
        assertThat(first.conversions()).isEqualByComparingTo("3.5");
        assertThat(first.conversionValue()).isEqualByComparingTo("310.5");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.rawJson()).contains("\"costMicros\":\"12345678\"");
        // Metrics at zero are left out of the JSON: they load as zero
        Insight quiet = sink.insights.get(1);
        assertThat(quiet.spend()).isEqualByComparingTo("0.99");
        assertThat(quiet.clicks()).isZero();
        assertThat(quiet.conversions()).isEqualByComparingTo(BigDecimal.ZERO);
        // The second batch of the stream
        assertThat(sink.insights.get(2).entityId()).isEqualTo("222");
        assertThat(sink.insights.get(2).spend()).isEqualByComparingTo("2.5");

        String query = body(harness.requests().get(0));
        assertThat(query).isEqualTo("SELECT campaign.id, segments.date, metrics.cost_micros, metrics.impressions, "
                + "metrics.clicks, metrics.conversions, metrics.conversions_value, customer.currency_code "
                + "FROM campaign WHERE segments.date BETWEEN '2024-03-01' AND '2024-03-02'");
    }

    @Test
    void aMalformedRowIsQuarantinedAndTheRestLoad() {
        stubInsights();

        CollectingSink sink = harness().read(insights(List.of(ACME), null));

        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).contains("costMicros").contains("a lot");
            assertThat(q.raw()).contains("\"id\":\"222\"").contains("2024-03-02");
        });
        assertThat(sink.insights).hasSize(3);
    }

    @Test
    void checkpointsAfterEachAccountWithItsIdAndTheLastDay() {
        stubInsights();

        CollectingSink sink = harness().read(insights(List.of(ACME, GLOBEX), null));

        assertThat(sink.checkpoints).containsExactly(ACME + ":2024-03-02", GLOBEX + ":2024-03-02");
        assertThat(sink.insights).extracting(Insight::accountId).containsOnly(ACME, GLOBEX);
        assertThat(sink.insights).filteredOn(i -> i.accountId().equals(GLOBEX)).singleElement()
                .satisfies(i -> assertThat(i.currency()).isEqualTo("USD"));
    }

    @Test
    void aResumedRunSkipsTheAccountsAlreadyDone() {
        stubInsights();
        ConnectorHarness harness = harness();

        CollectingSink sink = harness.read(insights(List.of(ACME, GLOBEX), ACME + ":2024-03-02"));

        assertThat(harness.requests()).singleElement()
                .satisfies(r -> assertThat(r.uri().getPath()).contains(GLOBEX));
        assertThat(sink.insights).extracting(Insight::accountId).containsOnly(GLOBEX);
        assertThat(sink.checkpoints).containsExactly(GLOBEX + ":2024-03-02");
    }

    @Test
    void aCursorOfAnotherRangeDoesNotSkipAccounts() {
        stubInsights();
        ConnectorHarness harness = harness();

        harness.read(insights(List.of(ACME, GLOBEX), ACME + ":2024-02-29"));

        assertThat(harness.requests()).hasSize(2);
    }

    @Test
    void readsCampaignsAsEntitiesAndQuarantinesOneWithoutAnId() {
        ads.stubFor(stream(ACME).withRequestBody(containing("FROM campaign"))
                .willReturn(okJson("campaigns-1234567890.json")));
        ads.stubFor(stream(GLOBEX).withRequestBody(containing("FROM campaign"))
                .willReturn(okJson("campaigns-9876543210.json")));
        ConnectorHarness harness = harness();

        CollectingSink sink = harness.read(new StreamRead("campaigns", List.of(ACME, GLOBEX), null, null,
                Optional.empty()));

        assertThat(sink.entities).extracting(Entity::id).containsExactly("111", "333");
        Entity brand = sink.entities.get(0);
        assertThat(brand.level()).isEqualTo("campaign");
        assertThat(brand.parentId()).isEqualTo(ACME);
        assertThat(brand.name()).isEqualTo("Brand - Search");
        assertThat(brand.status()).isEqualTo("ENABLED");
        assertThat(brand.attributes()).isEqualTo(Map.of("advertising_channel_type", "SEARCH"));
        assertThat(sink.quarantined).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("campaign.id"));
        assertThat(sink.checkpoints).containsExactly(ACME, GLOBEX, GoogleAdsConnector.COMPLETE);
        assertThat(body(harness.requests().get(0))).isEqualTo("SELECT customer.id, campaign.id, campaign.name, "
                + "campaign.status, campaign.advertising_channel_type FROM campaign");
    }

    @Test
    void campaignsResumeAfterTheLastAccountAndStartOverAfterACompleteRun() {
        ads.stubFor(stream(ACME).willReturn(okJson("campaigns-1234567890.json")));
        ads.stubFor(stream(GLOBEX).willReturn(okJson("campaigns-9876543210.json")));

        ConnectorHarness resumed = harness();
        resumed.read(new StreamRead("campaigns", List.of(ACME, GLOBEX), null, null, Optional.of(ACME)));
        ConnectorHarness again = harness();
        again.read(new StreamRead("campaigns", List.of(ACME, GLOBEX), null, null, Optional.of(GoogleAdsConnector.COMPLETE)));

        assertThat(resumed.requests()).singleElement()
                .satisfies(r -> assertThat(r.uri().getPath()).contains(GLOBEX));
        assertThat(again.requests()).hasSize(2);
    }

    @Test
    void anExpiredTokenIsAuthExpired() {
        ads.stubFor(stream(ACME).willReturn(json(401, "error-unauthenticated.json")));

        assertThatThrownBy(() -> harness().read(insights(List.of(ACME), null)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED));
    }

    @Test
    void anUnauthenticatedBodyIsAuthExpiredWhateverTheStatus() {
        ProviderException e = GoogleAdsErrors.of(400, fixture("error-unauthenticated.json"), new ObjectMapper());

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(e.getMessage()).contains("OAUTH_TOKEN_EXPIRED").contains("Z4Q_KggHsDHwTzYYp-_H2A");
    }

    @Test
    void aQuotaErrorIsRateLimitedWithGooglesRetryDelay() {
        ProviderException e = GoogleAdsErrors.of(429, fixture("error-resource-exhausted.json"), new ObjectMapper());

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.getMessage()).contains("RESOURCE_TEMPORARILY_EXHAUSTED");
    }

    @Test
    void aStreamThatFailsWithAQuotaErrorIsRateLimitedAndTheAccountIsNotCheckpointed() {
        ads.stubFor(stream(ACME).willReturn(okJson("insights-1234567890.json")));
        ads.stubFor(stream(GLOBEX).willReturn(okJson("stream-then-resource-exhausted.json")));
        GoogleAdsConnector connector = new GoogleAdsConnector();
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> connector.read(harness(), insights(List.of(ACME, GLOBEX), null), sink))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
        assertThat(sink.checkpoints).containsExactly(ACME + ":2024-03-02");
    }

    @Test
    void a429FromTheHostIsRateLimited() {
        ads.stubFor(stream(ACME).willReturn(json(429, "error-resource-exhausted.json").withHeader("Retry-After", "30")));

        assertThatThrownBy(() -> harness().read(insights(List.of(ACME), null)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED));
    }

    @Test
    void aDailyQuotaIsWaitedForUntilItsResetWithoutAnotherRequest() {
        // Google's REST error for a spent daily quota: QuotaError RESOURCE_EXHAUSTED with its QuotaErrorDetails, and
        // google.rpc.RetryInfo; the delay is hours, and no Retry-After header says so
        ads.stubFor(stream(ACME).willReturn(json(429, "error-daily-quota-exhausted.json")));

        ProviderException e = catchThrowableOfType(() -> harness().read(insights(List.of(ACME), null)),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).as("the quota's reset, as Google names it").isEqualTo(Duration.ofSeconds(46800));
        assertThat(e.getMessage()).contains("quotaError RESOURCE_EXHAUSTED")
                .contains("Number of operations for basic access").contains("Rq4Tz8Wm1Xv6Bn3Kc9Ls2d");
        ads.verify(1, postRequestedFor(urlEqualTo("/v26/customers/" + ACME + "/googleAds:searchStream")));
    }

    @Test
    void aShortQuotaDelayIsWaitedInPlaceAndTheSameRequestSentAgain() {
        ads.stubFor(stream(ACME).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "error-resource-exhausted.json")).willSetStateTo("recovered"));
        ads.stubFor(stream(ACME).inScenario("quota").whenScenarioStateIs("recovered")
                .willReturn(okJson("insights-1234567890.json")));
        ConnectorHarness harness = harness();

        CollectingSink sink = harness.read(insights(List.of(ACME), null));

        assertThat(harness.waits()).as("Google's retryDelay, not Retry-After or a guess")
                .containsExactly(Duration.ofSeconds(30));
        assertThat(sink.insights).hasSize(3);
        ads.verify(2, postRequestedFor(urlEqualTo("/v26/customers/" + ACME + "/googleAds:searchStream")));
    }

    @Test
    void aLoginWithoutAdsAccessKeepsGooglesReason() {
        ads.stubFor(get(urlEqualTo("/v26/customers:listAccessibleCustomers"))
                .willReturn(json(401, "error-not-ads-user.json")));

        ProviderException e = catchThrowableOfType(() -> new GoogleAdsConnector().accounts(harness()),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(e.getMessage()).contains("NOT_ADS_USER").contains("User in the cookie is not a valid Ads user")
                .doesNotContain("ya29.token");
    }

    @Test
    void a401WithoutGooglesErrorBodyIsStillExpiredAuthorisation() {
        ads.stubFor(stream(ACME).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Unauthorized</body></html>")));

        ProviderException e = catchThrowableOfType(() -> harness().read(insights(List.of(ACME), null)),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
    }

    @Test
    void aRowWithoutACurrencyTakesTheCustomersOwn() {
        ads.stubFor(stream(ACME).withRequestBody(containing("FROM campaign"))
                .willReturn(okJson("insights-without-currency.json")));
        ads.stubFor(stream(ACME).withRequestBody(containing("FROM customer"))
                .willReturn(okJson("customer-1234567890.json")));

        CollectingSink sink = harness().read(insights(List.of(ACME), null));

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.insights).singleElement().satisfies(i -> {
            assertThat(i.currency()).isEqualTo("EUR");
            assertThat(i.spend()).isEqualByComparingTo("12.345678");
        });
    }

    @Test
    void conversionsAreGooglesPrimaryOnesUnlessTheConnectionCountsAll() {
        ads.stubFor(stream(ACME).willReturn(okJson("insights-all-conversions.json")));
        ConnectorHarness harness = harness().setting("conversions", "all_conversions");

        CollectingSink sink = harness.read(insights(List.of(ACME), null));

        assertThat(new GoogleAdsConnector().connectionSettings()).first().satisfies(setting -> {
            assertThat(setting.key()).isEqualTo("conversions");
            assertThat(setting.defaultValue()).isEqualTo("conversions");
            assertThat(setting.choices()).containsExactly("conversions", "all_conversions");
        });
        assertThat(body(harness.requests().get(0))).contains("metrics.all_conversions, metrics.all_conversions_value");
        assertThat(sink.insights.get(0).conversions()).isEqualByComparingTo("5");
        assertThat(sink.insights.get(0).conversionValue()).isEqualByComparingTo("402.25");
    }

    @Test
    void otherErrorsFailWithGoogleAdsOwnMessage() {
        ads.stubFor(stream(ACME).willReturn(json(403, "error-permission-denied.json")));

        assertThatThrownBy(() -> harness().read(insights(List.of(ACME), null)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
                    assertThat(e.getMessage()).contains("PERMISSION_DENIED").contains("USER_PERMISSION_DENIED")
                            .contains("login-customer-id").contains("Hz7a5mN9cEoXyQp1RrTt2g");
                });
    }

    @Test
    void declaresItselfAsTheBriefSays() {
        GoogleAdsConnector connector = new GoogleAdsConnector();
        assertThat(connector.id()).isEqualTo("google-ads");
        assertThat(connector.platformSettings()).as("the developer token is the platform's").containsExactly(
                "developer_token");
        assertThat(connector.baseUrl()).hasToString("https://googleads.googleapis.com/v26");
        assertThat(connector.auth().scopes()).containsExactly("https://www.googleapis.com/auth/adwords");
        assertThat(connector.streams()).extracting(s -> s.name() + ":" + s.sync())
                .containsExactly("campaigns:CURSOR", "insights:DAILY");
    }

    private static void stubInsights() {
        ads.stubFor(stream(ACME).willReturn(okJson("insights-1234567890.json")));
        ads.stubFor(stream(GLOBEX).willReturn(okJson("insights-9876543210.json")));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder stream(String customerId) {
        return post(urlEqualTo("/v26/customers/" + customerId + "/googleAds:searchStream"));
    }

    private static ConnectorHarness harness() {
        return new ConnectorHarness(new GoogleAdsConnector(), URI.create(ads.baseUrl()), "ya29.token")
                .setting("developer_token", "dev-token-123");
    }

    private static StreamRead insights(List<String> accounts, String cursor) {
        return new StreamRead("insights", accounts, FROM, TO, Optional.ofNullable(cursor));
    }

    private static ResponseDefinitionBuilder okJson(String fixture) {
        return json(200, fixture);
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(fixture(fixture));
    }

    static String fixture(String name) {
        try (InputStream in = GoogleAdsConnectorTest.class.getResourceAsStream("/google-ads-fake/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The GAQL query a searchStream request carried. */
    private static String body(HttpRequestSpec request) {
        try {
            return new ObjectMapper().readTree(request.body()).path("query").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

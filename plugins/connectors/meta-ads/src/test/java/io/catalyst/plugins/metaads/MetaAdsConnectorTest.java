package io.catalyst.plugins.metaads;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.sdk.testkit.CollectingSink;
import io.catalyst.sdk.testkit.ConnectorHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a WireMock fake of Graph API, answering with the shapes Meta's docs show. */
class MetaAdsConnectorTest {

    private static final String TOKEN = "test-token-EAAB";
    private static final String V = "/" + MetaAdsConnector.API_VERSION;

    private WireMockServer meta;
    private ConnectorHarness harness;

    @BeforeEach
    void start() {
        meta = new WireMockServer(options().dynamicPort());
        meta.start();
        harness = newHarness();
    }

    @AfterEach
    void stop() {
        meta.stop();
    }

    private ConnectorHarness newHarness() {
        return new ConnectorHarness(new MetaAdsConnector(Duration.ZERO), URI.create(meta.baseUrl()), TOKEN);
    }

    // ---- declaration

    @Test
    void declaresItselfAsMetaAdsWithOauthAndTwoStreams() {
        MetaAdsConnector connector = new MetaAdsConnector();
        assertThat(connector.id()).isEqualTo("meta-ads");
        assertThat(connector.displayName()).isEqualTo("Meta Ads");
        assertThat(connector.category()).isEqualTo("ads");
        assertThat(connector.baseUrl()).hasToString("https://graph.facebook.com" + V);
        assertThat(connector.auth().authorizeUrl()).hasToString("https://www.facebook.com" + V + "/dialog/oauth");
        assertThat(connector.auth().tokenUrl()).hasToString("https://graph.facebook.com" + V + "/oauth/access_token");
        assertThat(connector.auth().scopes()).containsExactly("ads_read");
        assertThat(connector.streams()).containsExactly(new StreamSpec("campaigns", StreamSpec.Sync.CURSOR),
                new StreamSpec("insights", StreamSpec.Sync.DAILY));
    }

    // ---- accounts

    @Test
    void accountsFollowPagingNextOnTheFakeAndDropTheTokenFromTheLink() {
        meta.stubFor(get(urlPathEqualTo(V + "/me/adaccounts")).withQueryParam("after", absent())
                .willReturn(okJson(fixture("adaccounts-page1.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/me/adaccounts")).withQueryParam("after", equalTo("QVFIUjZAuMDAy"))
                .willReturn(okJson(fixture("adaccounts-page2.json"))));

        List<ProviderAccount> accounts = new MetaAdsConnector(Duration.ZERO).accounts(harness);

        assertThat(accounts).containsExactly(
                new ProviderAccount("act_1001", "Acme Shop", "USD", "America/Los_Angeles"),
                new ProviderAccount("act_1002", "Acme Leads", "EUR", "Europe/Berlin"),
                new ProviderAccount("act_1003", "Acme Brand", "GBP", "Europe/London"));
        assertThat(harness.requests()).hasSize(2);
        assertThat(query(harness.requests().get(0), "fields")).isEqualTo("account_id,name,currency,timezone_name");
        assertThat(harness.requests()).allSatisfy(r -> {
            assertThat(r.uri().getHost()).isEqualTo(URI.create(meta.baseUrl()).getHost());
            assertThat(r.uri().toString()).doesNotContain("access_token");
        });
        meta.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(V + "/me/adaccounts")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    // ---- synchronous insights

    @Test
    void shortRangeReadsInsightsSynchronouslyAcrossPagesAndMapsTheFigures() {
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights")).withQueryParam("level", equalTo("campaign"))
                .withQueryParam("after", absent()).willReturn(okJson(fixture("insights-campaign-page1.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights")).withQueryParam("level", equalTo("campaign"))
                .withQueryParam("after", equalTo("MQZDZD")).willReturn(okJson(fixture("insights-campaign-page2.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights")).withQueryParam("level", equalTo("ad"))
                .willReturn(okJson(fixture("insights-ad.json"))));

        CollectingSink sink = harness.read(insights(List.of("1001"), "2026-10-01", "2026-10-02", null));

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.insights).hasSize(4);
        Insight first = sink.insights.get(0);
        assertThat(first.level()).isEqualTo("campaign");
        assertThat(first.entityId()).isEqualTo("23850000000000001");
        assertThat(first.accountId()).isEqualTo("act_1001");
        assertThat(first.day()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(first.attributionWindow()).isEqualTo("7d_click_1d_view");
        assertThat(first.spend()).isEqualByComparingTo("12.34");
        assertThat(first.impressions()).isEqualTo(1000);
        assertThat(first.clicks()).isEqualTo(25);
        // omni_purchase only: the pixel's offsite_conversion.fb_pixel_purchase, a part of it, is not added on top
        assertThat(first.conversions()).isEqualByComparingTo("3");
        assertThat(first.conversionValue()).isEqualByComparingTo("150.5");
        assertThat(first.leads()).isEqualTo(2);
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.rawJson()).contains("\"campaign_id\":\"23850000000000001\"");

        Insight noActions = sink.insights.get(1);
        assertThat(noActions.entityId()).isEqualTo("23850000000000002");
        assertThat(noActions.conversions()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(noActions.leads()).isZero();

        Insight secondPage = sink.insights.get(2);
        assertThat(secondPage.day()).isEqualTo(LocalDate.parse("2026-10-02"));
        assertThat(secondPage.spend()).isEqualByComparingTo("20");
        assertThat(secondPage.conversionValue()).isEqualByComparingTo("49.99");

        Insight ad = sink.insights.get(3);
        assertThat(ad.level()).isEqualTo("ad");
        assertThat(ad.entityId()).isEqualTo("23852000000000001");
        assertThat(ad.spend()).isEqualByComparingTo("7.5");
        assertThat(ad.conversions()).isEqualByComparingTo("2");
        assertThat(ad.leads()).isEqualTo(5);

        HttpRequestSpec request = harness.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(query(request, "time_increment")).isEqualTo("1");
        assertThat(query(request, "time_range")).isEqualTo("{\"since\":\"2026-10-01\",\"until\":\"2026-10-02\"}");
        assertThat(query(request, "action_attribution_windows")).isEqualTo("[\"7d_click\",\"1d_view\"]");
        assertThat(query(request, "fields")).contains("account_currency", "campaign_id", "adset_id", "ad_id",
                "spend", "impressions", "clicks", "actions", "action_values", "date_start", "date_stop");
        assertThat(harness.requests()).hasSize(3).noneMatch(r -> r.uri().toString().contains("access_token"));
        meta.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathMatching(".*")));
        assertThat(sink.checkpoints).containsExactly("act_1001:2026-10-02");
    }

    // ---- asynchronous report runs

    @Test
    void longRangeUsesReportRunsPolledUntilCompletedWithACheckpointPerWeek() {
        stubGenericReportRuns();
        // the first week's campaign level: a run that is still running at the first poll
        meta.stubFor(post(urlPathEqualTo(V + "/act_1001/insights")).atPriority(1)
                .withRequestBody(containing("level=campaign")).withRequestBody(containing("2026-10-01"))
                .willReturn(okJson(fixture("report-run-started.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/6200000000000001")).inScenario("run").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("report-run-running.json"))).willSetStateTo("done"));
        meta.stubFor(get(urlPathEqualTo(V + "/6200000000000001")).inScenario("run").whenScenarioStateIs("done")
                .willReturn(okJson(fixture("report-run-completed.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/6200000000000001/insights"))
                .willReturn(okJson(fixture("report-run-insights.json"))));

        CollectingSink sink = harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-10", null));

        assertThat(sink.checkpoints).containsExactly("act_1001:2026-10-07", "act_1001:2026-10-10");
        assertThat(sink.insights).extracting(Insight::day).containsExactly(LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-02"));
        assertThat(sink.insights.get(0).spend()).isEqualByComparingTo("101.10");
        assertThat(sink.insights.get(0).conversionValue()).isEqualByComparingTo("400");
        List<HttpRequestSpec> posts = harness.requests().stream().filter(r -> r.method().equals("POST")).toList();
        // two weeks x two levels, each posted with the same parameters a synchronous read would use
        assertThat(posts).hasSize(4);
        assertThat(form(posts.get(0), "level")).isEqualTo("campaign");
        assertThat(form(posts.get(0), "time_range")).isEqualTo("{\"since\":\"2026-10-01\",\"until\":\"2026-10-07\"}");
        assertThat(form(posts.get(0), "time_increment")).isEqualTo("1");
        assertThat(form(posts.get(1), "level")).isEqualTo("ad");
        assertThat(form(posts.get(2), "time_range")).isEqualTo("{\"since\":\"2026-10-08\",\"until\":\"2026-10-10\"}");
        meta.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(V + "/6200000000000001")));
        meta.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(V + "/act_1001/insights")));
    }

    @Test
    void aFailedReportRunIsAProviderFailure() {
        meta.stubFor(post(urlPathEqualTo(V + "/act_1001/insights")).willReturn(okJson(fixture("report-run-started.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/6200000000000001")).willReturn(okJson(fixture("report-run-failed.json"))));

        ProviderException e = catchThrowableOfType(
                () -> harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-10", null)),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
        assertThat(e.getMessage()).contains("Job Failed");
        meta.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(V + "/6200000000000001/insights")));
    }

    // ---- resuming from a checkpoint

    @Test
    void aCursorSkipsTheAccountsAndDaysAlreadyDone() {
        stubGenericReportRuns();
        StreamRead full = insights(List.of("act_1001", "act_1002"), "2026-10-01", "2026-10-21", null);
        StreamRead resumed = insights(List.of("act_1001", "act_1002"), "2026-10-01", "2026-10-21", "act_1001:2026-10-14");

        CollectingSink fromScratch = harness.read(full);
        int requestsFromScratch = harness.requests().size();
        ConnectorHarness second = newHarness();
        CollectingSink sink = second.read(resumed);

        assertThat(fromScratch.checkpoints).hasSize(6);
        assertThat(sink.checkpoints).containsExactly("act_1001:2026-10-21", "act_1002:2026-10-07",
                "act_1002:2026-10-14", "act_1002:2026-10-21");
        assertThat(second.requests().size()).isLessThan(requestsFromScratch);
        List<HttpRequestSpec> posts = second.requests().stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(posts).hasSize(8);
        assertThat(posts.get(0).uri().getPath()).isEqualTo(V + "/act_1001/insights");
        assertThat(form(posts.get(0), "time_range")).isEqualTo("{\"since\":\"2026-10-15\",\"until\":\"2026-10-21\"}");
        assertThat(posts).filteredOn(p -> p.uri().getPath().contains("act_1001"))
                .allSatisfy(p -> assertThat(form(p, "time_range")).contains("\"since\":\"2026-10-15\""));
        assertThat(form(posts.get(2), "time_range")).isEqualTo("{\"since\":\"2026-10-01\",\"until\":\"2026-10-07\"}");
        assertThat(posts.get(2).uri().getPath()).isEqualTo(V + "/act_1002/insights");
    }

    @Test
    void aCursorOnTheLastDayOfAnAccountMovesToTheNextAccountSynchronously() {
        meta.stubFor(get(urlPathMatching(V + "/act_\\d+/insights")).willReturn(okJson(fixture("empty-page.json"))));

        CollectingSink sink = harness.read(insights(List.of("act_1001", "act_1002"), "2026-10-01", "2026-10-03",
                "act_1001:2026-10-03"));

        assertThat(sink.checkpoints).containsExactly("act_1002:2026-10-03");
        assertThat(harness.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.uri().getPath()).isEqualTo(V + "/act_1002/insights"));
    }

    // ---- errors

    @Test
    void anExpiredTokenIsAuthExpiredWithoutTheToken() {
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("error-190-expired-token.json"))));

        ProviderException e = catchThrowableOfType(
                () -> harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-01", null)),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(e.getMessage()).contains("190").contains("Session has expired").doesNotContain(TOKEN);
    }

    @Test
    void aBusinessUseCaseThrottleIsRateLimitedForTheMinutesTheUsageHeaderNames() {
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withHeader("X-Business-Use-Case-Usage", "{\"1001\":[{\"type\":\"ads_insights\","
                                + "\"call_count\":100,\"total_cputime\":42,\"total_time\":57,"
                                + "\"estimated_time_to_regain_access\":19}]}")
                        .withBody(fixture("error-80000-ads-insights-throttled.json"))));

        ProviderException e = catchThrowableOfType(
                () -> harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-01", null)),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(19));
    }

    @Test
    void anAdAccountThrottleWithoutAWaitIsRetriedWithTheHostsBackoffThenHandedBack() {
        meta.stubFor(get(urlPathEqualTo(V + "/me/adaccounts"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("error-613-ad-account-throttled.json"))));

        ProviderException e = catchThrowableOfType(() -> new MetaAdsConnector(Duration.ZERO).accounts(harness),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e).hasMessageContaining("Meta error 613").hasMessageContaining("exceeded the rate limit");
        assertThat(harness.waits()).as("a 400 with code 613 is a rate limit, waited out as a 429 would be")
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(8));
        meta.verify(4, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(V + "/me/adaccounts")));
    }

    @Test
    void anAdAccountUsageHeaderSaysHowLongToWait() {
        // X-Ad-Account-Usage as Meta documents it: acc_id_util_pct and reset_time_duration in seconds
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withHeader("X-Ad-Account-Usage", "{\"acc_id_util_pct\":100,\"reset_time_duration\":240,"
                                + "\"ads_api_access_tier\":\"standard_access\"}")
                        .withBody(fixture("error-613-ad-account-throttled.json"))));

        ProviderException e = catchThrowableOfType(
                () -> harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-01", null)),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(4));
        assertThat(harness.waits()).as("longer than a run waits: rescheduled, nothing sent again").isEmpty();
        meta.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(V + "/act_1001/insights")));
    }

    // ---- what counts as a conversion

    @Test
    void purchasesAreMetasDeduplicatedOmniPurchasesByDefault() {
        stubPurchasesAcrossChannels();

        CollectingSink sink = harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-01", null));

        Insight row = sink.insights.get(0);
        assertThat(row.conversions()).as("omni_purchase: website and app, counted once").isEqualByComparingTo("8");
        assertThat(row.conversionValue()).isEqualByComparingTo("660.3");
        assertThat(row.leads()).isEqualTo(4);
        assertThat(new MetaAdsConnector().connectionSettings()).singleElement().satisfies(setting -> {
            assertThat(setting.key()).isEqualTo("conversions");
            assertThat(setting.defaultValue()).isEqualTo("omni_purchase");
            assertThat(setting.label()).isEqualTo("Conversions");
        });
    }

    @Test
    void aConnectionChoosesWhichActionTypesCountAsConversions() {
        stubPurchasesAcrossChannels();
        harness.setting("conversions", "offsite_conversion.fb_pixel_purchase, offsite_conversion.fb_pixel_lead");

        CollectingSink sink = harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-01", null));

        assertThat(sink.insights.get(0).conversions()).isEqualByComparingTo("10");
        assertThat(sink.insights.get(0).conversionValue()).as("leads carry no value here").isEqualByComparingTo("540.5");
    }

    @Test
    void anotherErrorIsAProviderFailureCarryingMetasMessage() {
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("error-100-invalid-parameter.json"))));

        ProviderException e = catchThrowableOfType(
                () -> harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-01", null)),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
        assertThat(e.getMessage()).contains("nonexisting field").contains("C9dT2zXmrNn5oQp8Yu3vAbg");
    }

    // ---- bad data

    @Test
    void malformedRowsAreQuarantinedAndTheRestLoadWithTheAccountsCurrencyAsFallback() {
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights")).withQueryParam("level", equalTo("campaign"))
                .willReturn(okJson(fixture("insights-malformed.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights")).withQueryParam("level", equalTo("ad"))
                .willReturn(okJson(fixture("empty-page.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001")).withQueryParam("fields", equalTo("currency"))
                .willReturn(okJson(fixture("account-currency.json"))));

        CollectingSink sink = harness.read(insights(List.of("act_1001"), "2026-10-01", "2026-10-01", null));

        assertThat(sink.quarantined).hasSize(2);
        assertThat(sink.quarantined.get(0).reason()).contains("date_start");
        assertThat(sink.quarantined.get(0).raw()).contains("23850000000000001");
        assertThat(sink.quarantined.get(1).reason()).contains("spend");
        assertThat(sink.quarantined.get(1).raw()).contains("\"spend\":\"n/a\"");
        assertThat(sink.insights).singleElement().satisfies(i -> {
            assertThat(i.entityId()).isEqualTo("23850000000000003");
            assertThat(i.spend()).isEqualByComparingTo("8.25");
            assertThat(i.currency()).isEqualTo("EUR");
        });
        assertThat(sink.checkpoints).containsExactly("act_1001:2026-10-01");
    }

    // ---- the campaigns stream

    @Test
    void campaignsStreamReadsTheHierarchyWithParents() {
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001")).willReturn(okJson(fixture("account-node.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/campaigns")).willReturn(okJson(fixture("campaigns.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/adsets")).willReturn(okJson(fixture("adsets.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/ads")).willReturn(okJson(fixture("ads.json"))));

        CollectingSink sink = harness.read(new StreamRead("campaigns", List.of("1001"), null, null, Optional.empty()));

        assertThat(sink.entities).extracting(Entity::level, Entity::id, Entity::parentId, Entity::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("account", "act_1001", null, "1"),
                org.assertj.core.groups.Tuple.tuple("campaign", "23850000000000001", "act_1001", "ACTIVE"),
                org.assertj.core.groups.Tuple.tuple("campaign", "23850000000000002", "act_1001", "PAUSED"),
                org.assertj.core.groups.Tuple.tuple("ad_set", "23851000000000001", "23850000000000001", "ACTIVE"),
                org.assertj.core.groups.Tuple.tuple("ad", "23852000000000001", "23851000000000001", "ACTIVE"),
                org.assertj.core.groups.Tuple.tuple("ad", "23852000000000002", "23851000000000001", "PAUSED"));
        assertThat(sink.entities.get(0).attributes()).containsEntry("currency", "USD")
                .containsEntry("timezone", "America/Los_Angeles");
        assertThat(sink.entities.get(1).attributes()).containsEntry("objective", "OUTCOME_SALES");
        assertThat(sink.entities.get(5).attributes()).containsEntry("creative_id", "23853000000000002");
        assertThat(sink.entities.get(4).rawJson()).contains("Carousel A");
        assertThat(sink.checkpoints).containsExactly("act_1001", "complete");
        assertThat(query(harness.requests().get(3), "fields")).contains("creative{id}", "adset_id");
    }

    // ---- helpers

    /**
     * A row shaped as the Marketing API insights reference documents it: actions and action_values are lists of
     * AdsActionStats ({action_type, value, 7d_click, 1d_view}); purchases appear as omni_purchase and, for the
     * pixel alone, offsite_conversion.fb_pixel_purchase.
     */
    private void stubPurchasesAcrossChannels() {
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights")).withQueryParam("level", equalTo("campaign"))
                .willReturn(okJson(fixture("insights-purchases-across-channels.json"))));
        meta.stubFor(get(urlPathEqualTo(V + "/act_1001/insights")).withQueryParam("level", equalTo("ad"))
                .willReturn(okJson(fixture("empty-page.json"))));
    }

    /** Every report run other than the scripted one: started, completed at once, no rows. */
    private void stubGenericReportRuns() {
        meta.stubFor(post(urlPathMatching(V + "/act_\\d+/insights")).atPriority(5)
                .willReturn(okJson("{\"report_run_id\": \"6200000000000009\"}")));
        meta.stubFor(get(urlPathEqualTo(V + "/6200000000000009"))
                .willReturn(okJson(fixture("report-run-completed.json").replace("6200000000000001", "6200000000000009"))));
        meta.stubFor(get(urlPathEqualTo(V + "/6200000000000009/insights")).willReturn(okJson(fixture("empty-page.json"))));
    }

    private static StreamRead insights(List<String> accounts, String from, String to, String cursor) {
        return new StreamRead("insights", accounts, LocalDate.parse(from), LocalDate.parse(to),
                Optional.ofNullable(cursor));
    }

    private static String query(HttpRequestSpec request, String name) {
        return param(request.uri().getRawQuery(), name);
    }

    private static String form(HttpRequestSpec request, String name) {
        return param(request.body(), name);
    }

    private static String param(String encoded, String name) {
        if (encoded == null) {
            return null;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String fixture(String name) {
        try (InputStream in = MetaAdsConnectorTest.class.getResourceAsStream("/meta-fake/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

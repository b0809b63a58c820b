package io.catalyst.plugins.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

// A paging bug loops forever: fail the test instead of hanging the build
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HubSpotConnectorTest {

    @RegisterExtension
    static final WireMockExtension hubspot = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String CONTACTS_SEARCH = "/crm/v3/objects/contacts/search";
    private static final String DEALS_SEARCH = "/crm/v3/objects/deals/search";
    private static final String PAGE_2_TOKEN = "NTI1Cg%3D%3D";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void accountsAreThePortalOfTheToken() {
        hubspot.stubFor(get(urlEqualTo("/account-info/v3/details"))
                .withHeader("Authorization", equalTo("Bearer hs-token"))
                .willReturn(okJson("account-details.json")));

        List<ProviderAccount> accounts = new HubSpotConnector().accounts(harness(new HubSpotConnector()));

        assertThat(accounts).containsExactly(
                new ProviderAccount("12345678", "HubSpot portal 12345678", "USD", "US/Eastern"));
    }

    @Test
    void firstReadSearchesFromTheEpochAndMapsContacts() {
        stubContactsPages();
        ConnectorHarness harness = harness(new HubSpotConnector());

        CollectingSink sink = harness.read(read("contacts", null));

        assertThat(sink.contacts).extracting(Contact::id).containsExactly("101", "102", "104");
        Contact bryan = sink.contacts.get(0);
        assertThat(bryan.email()).isEqualTo("bcooper@biglytics.net");
        assertThat(bryan.name()).isEqualTo("Bryan Cooper");
        assertThat(bryan.company()).isEqualTo("Biglytics");
        assertThat(bryan.lifecycleStage()).isEqualTo("lead");
        assertThat(bryan.createdAt()).isEqualTo(OffsetDateTime.parse("2024-01-10T09:00:00Z"));
        assertThat(bryan.updatedAt()).isEqualTo(OffsetDateTime.parse("2024-02-01T08:30:00.250Z"));
        assertThat(json(bryan.rawJson()).path("properties").path("hs_object_id").asText()).isEqualTo("101");
        // A blank company and a null last name are absent, not "" or "Ada null"
        Contact ada = sink.contacts.get(1);
        assertThat(ada.name()).isEqualTo("Ada");
        assertThat(ada.company()).isNull();

        JsonNode first = body(harness.requests().get(0));
        assertThat(harness.requests().get(0).uri().getPath()).isEqualTo(CONTACTS_SEARCH);
        JsonNode filter = first.path("filterGroups").path(0).path("filters").path(0);
        assertThat(filter.path("propertyName").asText()).isEqualTo("lastmodifieddate");
        assertThat(filter.path("operator").asText()).isEqualTo("GTE");
        assertThat(filter.path("value").asText()).isEqualTo("0");
        assertThat(first.path("sorts").path(0).path("propertyName").asText()).isEqualTo("lastmodifieddate");
        assertThat(first.path("sorts").path(0).path("direction").asText()).isEqualTo("ASCENDING");
        assertThat(first.path("limit").asInt()).isEqualTo(100);
        assertThat(first.has("after")).isFalse();
        assertThat(strings(first.path("properties"))).containsExactlyInAnyOrder("email", "firstname", "lastname",
                "company", "lifecyclestage", "createdate", "lastmodifieddate");
    }

    @Test
    void pagesWithAfterAndCheckpointsTheHighestModificationTimeAfterEachPage() {
        stubContactsPages();
        ConnectorHarness harness = harness(new HubSpotConnector());

        CollectingSink sink = harness.read(read("contacts", null));

        assertThat(harness.requests()).hasSize(2);
        assertThat(body(harness.requests().get(1)).path("after").asText()).isEqualTo(PAGE_2_TOKEN);
        assertThat(sink.checkpoints).containsExactly("2024-02-03T12:00:00Z", "2024-02-05T16:20:10.500Z");
    }

    @Test
    void aRecordWithAMalformedDateIsQuarantinedAndTheRestLoad() {
        stubContactsPages();

        CollectingSink sink = harness(new HubSpotConnector()).read(read("contacts", null));

        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(json(q.raw()).path("id").asText()).isEqualTo("103");
            assertThat(q.reason()).contains("createdate").contains("not-a-date");
        });
        assertThat(sink.contacts).extracting(Contact::id).contains("104").doesNotContain("103");
    }

    @Test
    void mapsDealsAndQuarantinesAnAmountThatIsNotANumber() {
        hubspot.stubFor(post(urlEqualTo(DEALS_SEARCH)).willReturn(okJson("deals-page1.json")));
        ConnectorHarness harness = harness(new HubSpotConnector());

        CollectingSink sink = harness.read(read("deals", null));

        Deal deal = sink.deals.get(0);
        assertThat(sink.deals).hasSize(1);
        assertThat(deal.id()).isEqualTo("9001");
        assertThat(deal.name()).isEqualTo("Biglytics annual plan");
        assertThat(deal.stage()).isEqualTo("contractsent");
        assertThat(deal.amount()).isEqualByComparingTo(new BigDecimal("1500.50"));
        assertThat(deal.currency()).isEqualTo("EUR");
        assertThat(deal.closeDate()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(deal.createdAt()).isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00Z"));
        assertThat(deal.updatedAt()).isEqualTo(OffsetDateTime.parse("2024-03-05T14:00:00Z"));
        assertThat(deal.contactId()).isNull();
        assertThat(sink.quarantined).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("amount").contains("twelve hundred"));
        // The cursor only moves past records that were loaded
        assertThat(sink.checkpoints).containsExactly("2024-03-05T14:00:00Z");

        JsonNode request = body(harness.requests().get(0));
        assertThat(request.path("filterGroups").path(0).path("filters").path(0).path("propertyName").asText())
                .isEqualTo("hs_lastmodifieddate");
        assertThat(request.path("sorts").path(0).path("propertyName").asText()).isEqualTo("hs_lastmodifieddate");
        assertThat(strings(request.path("properties"))).contains("dealname", "dealstage", "amount",
                "deal_currency_code", "closedate", "createdate", "hs_lastmodifieddate");
    }

    @Test
    void resumesFromTheCursorAsEpochMilliseconds() {
        hubspot.stubFor(post(urlEqualTo(CONTACTS_SEARCH)).willReturn(okJson("contacts-page2.json")));
        ConnectorHarness harness = harness(new HubSpotConnector());

        CollectingSink sink = harness.read(read("contacts", "2024-02-04T10:00:00Z"));

        long cursorMillis = Instant.parse("2024-02-04T10:00:00Z").toEpochMilli();
        assertThat(body(harness.requests().get(0)).path("filterGroups").path(0).path("filters").path(0)
                .path("value").asText()).isEqualTo(String.valueOf(cursorMillis));
        assertThat(sink.checkpoints).containsExactly("2024-02-05T16:20:10.500Z");
    }

    @Test
    void atTheSearchResultCapStartsANewQueryFromTheLastModificationTime() {
        // A cap of 2 with pages of 2: after the first page the next page would pass the cap
        String restartMillis = String.valueOf(Instant.parse("2024-02-03T12:00:00Z").toEpochMilli());
        hubspot.stubFor(post(urlEqualTo(CONTACTS_SEARCH))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo("0")))
                .willReturn(okJson("contacts-page1.json")));
        hubspot.stubFor(post(urlEqualTo(CONTACTS_SEARCH))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo(restartMillis)))
                .willReturn(okJson("contacts-after-cap.json")));
        ConnectorHarness harness = harness(new HubSpotConnector(2, 2));

        CollectingSink sink = harness.read(read("contacts", null));

        assertThat(harness.requests()).hasSize(2);
        JsonNode restart = body(harness.requests().get(1));
        assertThat(restart.has("after")).isFalse();
        assertThat(restart.path("limit").asInt()).isEqualTo(2);
        assertThat(sink.contacts).extracting(Contact::id).containsExactly("101", "102", "105");
        assertThat(sink.checkpoints).last().isEqualTo("2024-02-06T09:00:00Z");
    }

    @Test
    void anExpiredTokenIsAuthExpired() {
        hubspot.stubFor(post(urlEqualTo(CONTACTS_SEARCH))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(fixture("error-expired-token.json"))));

        assertThatThrownBy(() -> harness(new HubSpotConnector()).read(read("contacts", null)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED));
    }

    @Test
    void aRateLimitOnTheSecondPageIsRateLimitedAfterTheFirstPageWasCheckpointed() {
        hubspot.stubFor(contactsPage(null).willReturn(okJson("contacts-page1.json")));
        hubspot.stubFor(contactsPage(PAGE_2_TOKEN).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .withHeader("X-HubSpot-RateLimit-Max", "100")
                .withHeader("X-HubSpot-RateLimit-Remaining", "0")
                .withHeader("Retry-After", "10")
                .withBody(fixture("error-rate-limit.json"))));
        HubSpotConnector connector = new HubSpotConnector();
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> connector.read(harness(connector), read("contacts", null), sink))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).hasSeconds(10);
                });
        assertThat(sink.contacts).hasSize(2);
        assertThat(sink.checkpoints).containsExactly("2024-02-03T12:00:00Z");
    }

    @Test
    void aTenSecondlyLimitIsWaitedOutForItsWindowAndTheReadCompletes() {
        // HubSpot's 429 as its usage guidelines show it: policyName in the body, the window in the headers
        hubspot.stubFor(contactsPage(null).willReturn(okJson("contacts-page1.json")));
        hubspot.stubFor(contactsPage(PAGE_2_TOKEN).atPriority(1).inScenario("burst")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                        .withHeader("X-HubSpot-RateLimit-Max", "100")
                        .withHeader("X-HubSpot-RateLimit-Remaining", "0")
                        .withBody(fixture("error-ten-secondly-limit.json"))).willSetStateTo("window passed"));
        hubspot.stubFor(contactsPage(PAGE_2_TOKEN).atPriority(1).inScenario("burst")
                .whenScenarioStateIs("window passed").willReturn(okJson("contacts-page2.json")));
        ConnectorHarness harness = harness(new HubSpotConnector());

        CollectingSink sink = harness.read(read("contacts", null));

        assertThat(sink.contacts).hasSize(3);
        assertThat(harness.waits()).as("the rolling window HubSpot names").containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void aDailyLimitWaitsForMidnightInTheCompanysTimeZoneWithoutAnotherRequest() {
        hubspot.stubFor(contactsPage(null).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("error-daily-limit.json"))));
        ZoneId eastern = ZoneId.of("US/Eastern");
        ConnectorHarness harness = harness(new HubSpotConnector()).zone(eastern);

        Duration atMost = untilMidnight(eastern);
        ProviderException e = catchThrowableOfType(() -> harness.read(read("contacts", null)),
                ProviderException.class);
        Duration atLeast = untilMidnight(eastern);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).as("the daily limit resets at midnight").isBetween(atLeast, atMost);
        assertThat(e.getMessage()).contains("policy DAILY").contains("You have reached your daily limit")
                .contains("c033cdaa-2c40-4a64-ae48-b4cec88dad24");
        hubspot.verify(1, postRequestedFor(urlEqualTo(CONTACTS_SEARCH)));
    }

    private static Duration untilMidnight(ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(zone));
    }

    @Test
    void missingScopesFailWithHubSpotsMessageCategoryAndCorrelationId() {
        hubspot.stubFor(post(urlEqualTo(DEALS_SEARCH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(fixture("error-missing-scopes.json"))));

        assertThatThrownBy(() -> harness(new HubSpotConnector()).read(read("deals", null)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
                    assertThat(e.getMessage()).contains("403").contains("MISSING_SCOPES")
                            .contains("hasn't been granted all required scopes")
                            .contains("a1b2c3d4-0000-4000-8000-123456789abc");
                });
    }

    @Test
    void declaresItselfAsTheBriefSays() {
        HubSpotConnector connector = new HubSpotConnector();
        assertThat(connector.id()).isEqualTo("hubspot");
        assertThat(connector.category()).isEqualTo("crm");
        assertThat(connector.auth().scopes()).containsExactly("crm.objects.contacts.read", "crm.objects.deals.read",
                "crm.objects.contacts.write", "crm.schemas.contacts.write");
        assertThat(connector.auth().tokenUrl()).hasToString("https://api.hubapi.com/oauth/v1/token");
        assertThat(connector.streams()).extracting(s -> s.name() + ":" + s.sync())
                .containsExactly("contacts:CURSOR", "deals:CURSOR");
    }

    private void stubContactsPages() {
        hubspot.stubFor(contactsPage(null).willReturn(okJson("contacts-page1.json")));
        hubspot.stubFor(contactsPage(PAGE_2_TOKEN).atPriority(1).willReturn(okJson("contacts-page2.json")));
    }

    /** The contacts search; with {@code after}, only its page. */
    private static MappingBuilder contactsPage(String after) {
        MappingBuilder search = post(urlEqualTo(CONTACTS_SEARCH)).atPriority(5);
        return after == null ? search : search.withRequestBody(matchingJsonPath("$.after", equalTo(after)));
    }

    private static ConnectorHarness harness(HubSpotConnector connector) {
        return new ConnectorHarness(connector, URI.create(hubspot.baseUrl()), "hs-token");
    }

    private static StreamRead read(String stream, String cursor) {
        return new StreamRead(stream, List.of("12345678"), null, null, Optional.ofNullable(cursor));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(fixture(fixture));
    }

    static String fixture(String name) {
        try (InputStream in = HubSpotConnectorTest.class.getResourceAsStream("/hubspot-fake/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode body(HttpRequestSpec request) {
        return json(request.body());
    }

    private JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

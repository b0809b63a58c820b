package io.catalyst.declarative;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading through a manifest against a WireMock provider: paging, interpolation, mapping, errors, resuming. */
class DeclarativeConnectorTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    // one fake provider for the class, its stubs and request journal reset before each test
    @RegisterExtension
    static final WireMockExtension fake = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private TestSession session;
    private TestSession.Sink sink;

    @BeforeEach
    void reset() {
        session = new TestSession(fake.baseUrl() + "/api");
        sink = new TestSession.Sink();
    }

    private static String manifest(String paginator, String extra) {
        return """
                id: acme-ads
                name: Acme Ads
                base_url: https://api.acme.example/api
                auth: {type: api_key, header: X-Key}
                errors:
                  - {status: 200, field: code, equals: [40100], action: rate_limited, retry_after_path: wait,
                     message_path: message}
                  - {field: code, equals: [40105, 40104], action: auth_expired, message_path: message}
                  - {status: [500, 503], action: retry}
                  - {field: code, equals: 40404, action: ignore}
                  - {field: code, not_equals: 0, action: fail, message_path: message}
                streams:
                  - name: insights
                    sync: daily
                    request:
                      path: /report/{{account}}
                      query: {start: "{{from}}", end: "{{to}}", fields: '["spend","clicks"]'}
                      query_raw: {range: "(start:(year:{{from.year}},month:{{from.month}},day:{{from.day}}))"}
                      headers: {X-Account: "{{account}}"}
                    record_selector: data.list
                """ + paginator + """
                    incremental: {date_format: yyyyMMdd, chunk_days: 1}
                    mapping:
                      kind: insight
                      fields:
                        level: {constant: campaign}
                        entity_id: {path: "ids[0]", after_last: ":"}
                        day: {path: stat.day, date: "yyyy-MM-dd HH:mm:ss"}
                        spend: {path: cost_micros, divide: 1000000}
                        impressions: m.impressions
                        clicks: {path: m.clicks, number: true}
                        attribution_window: {concat: [window.click, window.view], separator: "_"}
                        currency: {template: "{{settings.currency}}"}
                """ + extra;
    }

    private static String row(String campaign, String day, String micros) {
        return "{\"ids\":[\"urn:acme:campaign:" + campaign + "\"],\"stat\":{\"day\":\"" + day + " 00:00:00\"},"
                + "\"cost_micros\":\"" + micros + "\",\"m\":{\"impressions\":100,\"clicks\":\"7\"},"
                + "\"window\":{\"click\":\"7d\",\"view\":\"1d\"}}";
    }

    private static String page(int page, int totalPages, String... rows) {
        return "{\"code\":0,\"data\":{\"list\":[" + String.join(",", rows) + "],\"page_info\":{\"page\":" + page
                + ",\"total_page\":" + totalPages + "}}}";
    }

    @Test
    void pagesByNumberInterpolatesAndMaps() {
        session.settings.put("currency", "EUR");
        var connector = ConnectorManifests.load(manifest(
                "    paginator: {type: page, param: page, size_param: page_size, size: 2, "
                        + "total_pages_path: data.page_info.total_page}\n", ""));
        fake.stubFor(get(urlPathEqualTo("/api/report/A1")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(page(1, 2, row("11", "2026-11-01", "1500000"), row("12", "2026-11-01", "0")))));
        fake.stubFor(get(urlPathEqualTo("/api/report/A1")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(page(2, 2, row("13", "2026-11-01", "2500000"), row("14", "2026-11-01", "1")))));

        connector.read(session, new StreamRead("insights", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);

        assertThat(sink.insights).hasSize(4);
        Insight first = sink.insights.get(0);
        assertThat(first.entityId()).isEqualTo("11");
        assertThat(first.accountId()).isEqualTo("A1");
        assertThat(first.day()).isEqualTo(NOV_1);
        assertThat(first.spend()).isEqualByComparingTo("1.5");
        assertThat(first.impressions()).isEqualTo(100);
        assertThat(first.clicks()).isEqualTo(7);
        assertThat(first.attributionWindow()).isEqualTo("7d_1d");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.rawJson()).contains("urn:acme:campaign:11");
        assertThat(sink.insights.get(3).spend()).isEqualByComparingTo(new BigDecimal("0.000001"));
        String uri = session.requests.get(0).uri().toString();
        assertThat(uri).contains("/api/report/A1?start=20261101&end=20261101")
                .contains("fields=%5B%22spend%22%2C%22clicks%22%5D")
                .contains("range=(start:(year:2026,month:11,day:1))")
                .contains("page=1&page_size=2");
        assertThat(session.requests.get(0).headers()).containsEntry("X-Account", "A1");
        assertThat(sink.checkpoints).containsExactly(
                "{\"account\":\"A1\",\"from\":\"2026-11-01\",\"page\":\"2\"}",
                "{\"account\":\"A1\",\"from\":\"2026-11-02\"}");
    }

    @Test
    void aShortPageEndsPaging() {
        session.settings.put("currency", "EUR");
        var connector = ConnectorManifests.load(manifest(
                "    paginator: {type: page, param: page, size: 2}\n", ""));
        fake.stubFor(get(urlPathEqualTo("/api/report/A1"))
                .willReturn(okJson(page(1, 9, row("11", "2026-11-01", "1")))));

        connector.read(session, new StreamRead("insights", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);

        assertThat(session.requests).hasSize(1);
        assertThat(sink.insights).hasSize(1);
    }

    @Test
    void cursorPaginatorFollowsTheNextToken() {
        session.settings.put("currency", "EUR");
        var connector = ConnectorManifests.load(manifest(
                "    paginator: {type: cursor, param: after, token_path: paging.next}\n", ""));
        fake.stubFor(get(urlPathEqualTo("/api/report/A1")).withQueryParam("after", absent())
                .willReturn(okJson("{\"code\":0,\"data\":{\"list\":[" + row("11", "2026-11-01", "1")
                        + "]},\"paging\":{\"next\":\"tok-2\"}}")));
        fake.stubFor(get(urlPathEqualTo("/api/report/A1")).withQueryParam("after", equalTo("tok-2"))
                .willReturn(okJson("{\"code\":0,\"data\":{\"list\":[" + row("12", "2026-11-01", "1") + "]}}")));

        connector.read(session, new StreamRead("insights", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);

        assertThat(sink.insights).extracting(Insight::entityId).containsExactly("11", "12");
        assertThat(sink.checkpoints.get(0)).isEqualTo("{\"account\":\"A1\",\"from\":\"2026-11-01\",\"page\":\"tok-2\"}");
    }

    @Test
    void offsetPaginatorStopsAtTheTotal() {
        session.settings.put("currency", "EUR");
        var connector = ConnectorManifests.load(manifest(
                "    paginator: {type: offset, param: start, size_param: count, size: 1, total_path: total}\n", ""));
        for (int i = 0; i < 2; i++) {
            fake.stubFor(get(urlPathEqualTo("/api/report/A1")).withQueryParam("start", equalTo(String.valueOf(i)))
                    .willReturn(okJson("{\"code\":0,\"total\":2,\"data\":{\"list\":[" + row("1" + i, "2026-11-01", "1")
                            + "]}}")));
        }

        connector.read(session, new StreamRead("insights", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);

        assertThat(session.requests).hasSize(2);
        assertThat(session.requests.get(1).uri().getQuery()).contains("start=1&count=1");
        assertThat(sink.insights).extracting(Insight::entityId).containsExactly("10", "11");
    }

    @Test
    void unmappableRecordsAreQuarantinedAndTheRunGoesOn() {
        session.settings.put("currency", "EUR");
        var connector = ConnectorManifests.load(manifest("", ""));
        String noDay = "{\"ids\":[\"c:1\"],\"cost_micros\":\"5\"}";
        String badNumber = row("2", "2026-11-01", "lots");
        String badDate = row("3", "01.11.2026", "5");
        fake.stubFor(get(urlPathEqualTo("/api/report/A1")).willReturn(okJson(page(1, 1,
                noDay, badNumber, badDate, row("4", "2026-11-01", "5")))));

        connector.read(session, new StreamRead("insights", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);

        assertThat(sink.insights).extracting(Insight::entityId).containsExactly("4");
        assertThat(sink.quarantined).hasSize(3);
        assertThat(sink.quarantined.get(0)).startsWith("day is missing (stat.day) | {");
        assertThat(sink.quarantined.get(1)).startsWith("spend is not a number: \"lots\"");
        assertThat(sink.quarantined.get(2)).startsWith("day is not a date in the form yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void errorRulesClassifyResponses() {
        var connector = ConnectorManifests.load(manifest("", ""));
        StreamRead read = new StreamRead("insights", List.of("A1"), NOV_1, NOV_1, Optional.empty());

        fake.stubFor(get(urlPathEqualTo("/api/report/A1"))
                .willReturn(okJson("{\"code\":40100,\"message\":\"Too many requests\",\"wait\":30}")));
        ProviderException limited = catchThrowableOfType(() -> connector.read(session, read, sink),
                ProviderException.class);
        assertThat(limited.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limited).hasMessage("acme-ads answered HTTP 200 with code=40100: Too many requests");

        fake.stubFor(get(urlPathEqualTo("/api/report/A1"))
                .willReturn(okJson("{\"code\":40105,\"message\":\"Access token is incorrect\"}")));
        assertThat(catchThrowableOfType(() -> connector.read(session, read, sink), ProviderException.class).kind())
                .isEqualTo(ProviderException.Kind.AUTH_EXPIRED);

        fake.stubFor(get(urlPathEqualTo("/api/report/A1")).willReturn(aResponse().withStatus(503)));
        assertThat(catchThrowableOfType(() -> connector.read(session, read, sink), ProviderException.class).kind())
                .isEqualTo(ProviderException.Kind.PROVIDER_FAILED);

        fake.stubFor(get(urlPathEqualTo("/api/report/A1"))
                .willReturn(okJson("{\"code\":40002,\"message\":\"bad advertiser_id\"}")));
        ProviderException refused = catchThrowableOfType(() -> connector.read(session, read, sink),
                ProviderException.class);
        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.REFUSED);
        assertThat(refused).hasMessageContaining("bad advertiser_id");

        fake.stubFor(get(urlPathEqualTo("/api/report/A1")).willReturn(okJson("{\"code\":40404}")));
        connector.read(session, read, sink);
        assertThat(sink.insights).isEmpty();

        fake.stubFor(get(urlPathEqualTo("/api/report/A1")).willReturn(aResponse().withStatus(404)));
        assertThat(catchThrowableOfType(() -> connector.read(session, read, sink), ProviderException.class))
                .hasMessage("acme-ads answered HTTP 404");
    }

    @Test
    void aDailyReadResumesAtTheCheckpointedAccountChunkAndPage() {
        session.settings.put("currency", "EUR");
        var connector = ConnectorManifests.load(manifest(
                "    paginator: {type: page, param: page, size: 1}\n", ""));
        fake.stubFor(get(urlPathEqualTo("/api/report/A2")).willReturn(okJson(page(1, 1))));
        fake.stubFor(get(urlPathEqualTo("/api/report/A2")).withQueryParam("page", equalTo("3"))
                .willReturn(okJson(page(3, 3, row("9", "2026-11-02", "1")))));

        String cursor = "{\"account\":\"A2\",\"from\":\"2026-11-02\",\"page\":\"3\"}";
        connector.read(session, new StreamRead("insights", List.of("A1", "A2"), NOV_1, NOV_2, Optional.of(cursor)),
                sink);

        // A1 was done, and so was A2's first day: only page 3 of A2's second day is read
        assertThat(session.requests).hasSize(2);
        assertThat(session.requests.get(0).uri().toString()).contains("/report/A2?start=20261102").contains("page=3");
        assertThat(sink.insights).extracting(Insight::entityId).containsExactly("9");
        assertThat(sink.checkpoints).last().isEqualTo("{\"account\":\"A2\",\"from\":\"2026-11-03\"}");
    }

    @Test
    void cursorStreamsKeepTheHighestValuePerAccountAndPostBodies() {
        var connector = ConnectorManifests.load("""
                id: acme-crm
                name: Acme CRM
                category: crm
                base_url: https://crm.acme.example
                auth: {type: api_key, query_param: key}
                streams:
                  - name: contacts
                    sync: cursor
                    request:
                      method: POST
                      path: /contacts/search
                      body: {filter: {updated_after: "{{cursor}}"}, limit: 2}
                    record_selector: results
                    paginator: {type: cursor, param: after, token_path: next}
                    incremental: {cursor_field: updated, start: "0"}
                    mapping:
                      kind: contact
                      fields:
                        id: id
                        email: {path: email, required: true}
                        updated_at: updated
                """);
        fake.stubFor(post(urlPathEqualTo("/api/contacts/search"))
                .withRequestBody(equalToJson("{\"filter\":{\"updated_after\":\"1700000000000\"},\"limit\":2}"))
                .willReturn(okJson("{\"results\":[{\"id\":\"c1\",\"email\":\"a@x.example\",\"updated\":"
                        + "\"1700000005000\"},{\"id\":\"c2\",\"updated\":\"1700000009000\"}]}")));

        String previous = "{\"marks\":{\"\":\"1700000000000\"}}";
        connector.read(session, new StreamRead("contacts", List.of(), null, null, Optional.of(previous)), sink);

        assertThat(sink.contacts).extracting(c -> c.id()).containsExactly("c1");
        assertThat(sink.contacts.get(0).updatedAt()).hasToString("2023-11-14T22:13:25Z");
        assertThat(sink.quarantined).singleElement().asString().startsWith("email is missing");
        assertThat(session.requests.get(0).headers()).containsEntry("Content-Type", "application/json");
        assertThat(sink.checkpoints).containsExactly("{\"marks\":{\"\":\"1700000009000\"}}");
    }

    @Test
    void accountsAreListedWithTheirDetailsAndFeedAccountVariables() {
        var connector = ConnectorManifests.load(manifest("", """
                accounts:
                  request: {path: /me/accounts}
                  record_selector: data.list
                  id: advertiser_id
                  name: advertiser_name
                  currency: currency
                  timezone: {path: tz, default: UTC}
                """).replace("{template: \"{{settings.currency}}\"}", "{template: \"{{account.currency}}\"}"));
        fake.stubFor(get(urlPathEqualTo("/api/me/accounts")).willReturn(okJson("{\"code\":0,\"data\":{\"list\":["
                + "{\"advertiser_id\":\"A1\",\"advertiser_name\":\"Shop\",\"currency\":\"USD\"}]}}")));
        fake.stubFor(get(urlPathEqualTo("/api/report/A1"))
                .willReturn(okJson(page(1, 1, row("11", "2026-11-01", "1")))));

        assertThat(connector.accounts(session)).singleElement()
                .isEqualTo(new io.catalyst.api.connect.ProviderAccount("A1", "Shop", "USD", "UTC"));
        connector.read(session, new StreamRead("insights", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);
        assertThat(sink.insights).singleElement().extracting(Insight::currency).isEqualTo("USD");
    }
}

package io.catalyst.declarative;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.host.HttpResult;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a manifest says since TikTok needed it: one report API read at several levels ({@code levels}), settings a
 * connection chooses with defaults ({@code settings}, used in paths as {@code {{settings.x}}}), and rate limits inside
 * an HTTP 200 that the host reads before the stream does ({@link DeclarativeConnector#classify}).
 */
class LevelsAndSettingsTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final String MANIFEST = """
            id: acme-ads
            name: Acme Ads
            base_url: https://api.acme.example/api
            auth: {type: api_key, header: X-Key}
            settings:
              - key: conversions
                label: Conversions
                choices: [conversion, complete_payment]
                default: conversion
                help: Which metric counts as conversions
            errors:
              - {field: code, equals: [40100, 40133], action: rate_limited, message_path: message}
              - {field: code, not_equals: 0, action: fail, message_path: message}
            streams:
              - name: insights
                sync: daily
                levels:
                  - {level: campaign, data_level: AUCTION_CAMPAIGN, id: campaign_id}
                  - {level: ad, data_level: AUCTION_AD, id: ad_id}
                request:
                  path: /report
                  query:
                    data_level: "{{level.data_level}}"
                    dimensions: '["{{level.id}}","stat_time_day"]'
                    start_date: "{{from}}"
                record_selector: data.list
                paginator: {type: page, param: page, size: 1, total_pages_path: data.page_info.total_page}
                mapping:
                  kind: insight
                  fields:
                    level: {template: "{{level}}"}
                    entity_id: "dimensions.{{level.id}}"
                    day: {path: dimensions.stat_time_day, date: "yyyy-MM-dd HH:mm:ss"}
                    conversions: "metrics.{{settings.conversions}}"
                    currency: {constant: USD}
            """;

    // one fake provider for the class, its stubs and request journal reset before each test
    @RegisterExtension
    static final WireMockExtension fake = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private TestSession session;
    private TestSession.Sink sink;

    @BeforeEach
    void reset() {
        session = new TestSession(fake.baseUrl() + "/api");
        sink = new TestSession.Sink();
        stubLevel("AUCTION_CAMPAIGN", "campaign_id", "c1", "1", 2);
        stubLevel("AUCTION_CAMPAIGN", "campaign_id", "c2", "2", 2);
        stubLevel("AUCTION_AD", "ad_id", "a1", "1", 1);
    }

    @Test
    void eachChunkIsReadAtEveryLevelWithItsOwnIdField() {
        session.settings.put("conversions", "complete_payment"); // the host fills in the default otherwise

        ConnectorManifests.load(MANIFEST).read(session, read(Optional.empty()), sink);

        assertThat(sink.insights).extracting(Insight::level, Insight::entityId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("campaign", "c1"),
                        org.assertj.core.groups.Tuple.tuple("campaign", "c2"),
                        org.assertj.core.groups.Tuple.tuple("ad", "a1"));
        assertThat(sink.insights.get(0).conversions()).as("the metric the connection chose").isEqualByComparingTo("9");
        assertThat(session.requests.get(0).uri().getQuery()).contains("data_level=AUCTION_CAMPAIGN",
                "dimensions=[\"campaign_id\",\"stat_time_day\"]");
        assertThat(session.requests.get(2).uri().getQuery()).contains("data_level=AUCTION_AD",
                "dimensions=[\"ad_id\",\"stat_time_day\"]");
        assertThat(sink.checkpoints).containsExactly(
                "{\"account\":\"A1\",\"from\":\"2026-11-01\",\"level\":\"campaign\",\"page\":\"2\"}",
                "{\"account\":\"A1\",\"from\":\"2026-11-01\",\"level\":\"ad\"}",
                "{\"account\":\"A1\",\"from\":\"2026-11-02\"}");
    }

    @Test
    void aRunCutShortGoesOnAtTheLevelAndPageItReached() {
        session.settings.put("conversions", "conversion");

        ConnectorManifests.load(MANIFEST).read(session,
                read(Optional.of("{\"account\":\"A1\",\"from\":\"2026-11-01\",\"level\":\"ad\"}")), sink);

        assertThat(sink.insights).extracting(Insight::entityId).containsExactly("a1");
        assertThat(sink.insights.get(0).conversions()).isEqualByComparingTo("3");
        assertThat(session.requests).singleElement()
                .satisfies(r -> assertThat(r.uri().getQuery()).contains("data_level=AUCTION_AD"));
    }

    @Test
    void settingsAreDeclaredWithTheirDefaultAndChoices() {
        List<SettingField> settings = ConnectorManifests.load(MANIFEST).connectionSettings();

        assertThat(settings).containsExactly(new SettingField("conversions", "Conversions", SettingType.CHOICE, false,
                "conversion", List.of("conversion", "complete_payment"), "Which metric counts as conversions"));
    }

    @Test
    void aRateLimitCodeInsideA200IsTheHostsToWaitOut() {
        DeclarativeConnector connector = ConnectorManifests.load(MANIFEST);
        HttpResult limited = new HttpResult(200, Map.of(), "{\"code\":40133,\"message\":\"The request frequency is"
                + " too high.\",\"request_id\":\"2026\",\"data\":{}}");
        HttpResult refused = new HttpResult(200, Map.of(), "{\"code\":40001,\"message\":\"No permission\"}");
        HttpResult fine = new HttpResult(200, Map.of(), "{\"code\":0,\"data\":{\"list\":[]}}");

        ProviderException verdict = connector.classify(limited, session).orElseThrow();

        assertThat(verdict.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(verdict).hasMessageContaining("code=40133").hasMessageContaining("too high");
        assertThat(connector.classify(refused, session)).get().extracting(ProviderException::kind)
                .isEqualTo(ProviderException.Kind.REFUSED);
        assertThat(connector.classify(fine, session)).isEmpty();
    }

    @Test
    void levelVariablesNeedLevelsThatAllGiveThem() {
        ConnectorManifests.Invalid withoutLevels = catchThrowableOfType(() -> ConnectorManifests.load(MANIFEST
                .replace("""
                            levels:
                              - {level: campaign, data_level: AUCTION_CAMPAIGN, id: campaign_id}
                              - {level: ad, data_level: AUCTION_AD, id: ad_id}
                        """, "")), ConnectorManifests.Invalid.class);
        ConnectorManifests.Invalid missingParam = catchThrowableOfType(() -> ConnectorManifests.load(MANIFEST
                .replace("{level: ad, data_level: AUCTION_AD, id: ad_id}", "{level: ad, id: ad_id}")),
                ConnectorManifests.Invalid.class);
        ConnectorManifests.Invalid badDefault = catchThrowableOfType(() -> ConnectorManifests.load(MANIFEST
                .replace("default: conversion", "default: purchases")), ConnectorManifests.Invalid.class);

        assertThat(withoutLevels.problems()).contains(
                "streams[0].request.query.data_level: {{level.data_level}} needs a levels list in the stream",
                "streams[0].mapping.fields.entity_id: {{level.id}} needs a levels list in the stream");
        assertThat(missingParam.problems()).containsExactly("streams[0].request.query.data_level:"
                + " {{level.data_level}} is not given by every level of the stream");
        assertThat(badDefault.problems()).containsExactly(
                "settings[0].default: not one of the choices [conversion, complete_payment]");
    }

    private static StreamRead read(Optional<String> cursor) {
        return new StreamRead("insights", List.of("A1"), NOV_1, NOV_1, cursor);
    }

    /** One row per page, shaped as TikTok's report/integrated/get answers: {dimensions, metrics} as strings. */
    private static void stubLevel(String dataLevel, String idField, String id, String page, int pages) {
        fake.stubFor(get(urlPathEqualTo("/api/report")).withQueryParam("data_level", equalTo(dataLevel))
                .withQueryParam("page", equalTo(page)).willReturn(okJson("{\"code\":0,\"message\":\"OK\",\"data\":"
                        + "{\"list\":[{\"dimensions\":{\"" + idField + "\":\"" + id + "\",\"stat_time_day\":"
                        + "\"2026-11-01 00:00:00\"},\"metrics\":{\"conversion\":\"3\",\"complete_payment\":\"9\"}}],"
                        + "\"page_info\":{\"page\":" + page + ",\"total_page\":" + pages + "}}}")));
    }
}

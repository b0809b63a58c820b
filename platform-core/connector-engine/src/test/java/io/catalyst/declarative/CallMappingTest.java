package io.catalyst.declarative;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.StreamRead;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code call} kind: its targets, the boolean type, what is quarantined, and what a manifest may not map. */
class CallMappingTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    @RegisterExtension
    static final WireMockExtension fake = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private TestSession session;
    private TestSession.Sink sink;

    @BeforeEach
    void reset() {
        session = new TestSession(fake.baseUrl() + "/api");
        sink = new TestSession.Sink();
    }

    private static String manifest(String fields) {
        return """
                id: acme-calls
                name: Acme Calls
                category: calls
                base_url: https://api.acme.example/api
                auth: {type: api_key, header: Authorization, prefix: "Token token="}
                streams:
                  - name: calls
                    sync: daily
                    request:
                      path: /calls/{{account}}
                      query: {from: "{{from}}", to: "{{to}}"}
                    record_selector: calls
                    mapping:
                      kind: call
                      fields:
                """ + fields;
    }

    private static final String ALL_FIELDS = """
                        id: id
                        contact_id: person.id
                        campaign_id: campaign
                        started_at: start_time
                        duration_s: duration
                        direction: direction
                        answered: answered
                        caller: from
                        customer_name: person.name
                        customer_email: person.email
                        tracking_number: to
                        source_name: source
                        agent: agent_email
                        outcome: call_type
                        recording_url: recording
                        transcript: transcription
            """;

    private static final String FULL_CALL = """
            {"id":"CAL1","person":{"id":"P9","name":"Ana Silva","email":"ana@example.com"},"campaign":"Spring",
             "start_time":"2026-11-01T09:15:30.250-05:00","duration":"187","direction":"inbound","answered":true,
             "from":"+15551230001","to":"+15559870002","source":"Google Ads","agent_email":"sam@acme.example",
             "call_type":"first_call","recording":"https://rec.example/CAL1.mp3",
             "transcription":"Agent: Hello.\\nCaller: Hi."}""";

    @Test
    void aCallIsMappedToEveryTarget() {
        var connector = ConnectorManifests.load(manifest(ALL_FIELDS));
        fake.stubFor(get(urlPathEqualTo("/api/calls/A1")).willReturn(okJson("{\"calls\":[" + FULL_CALL + "]}")));

        connector.read(session, new StreamRead("calls", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.calls).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("CAL1");
            assertThat(call.contactId()).isEqualTo("P9");
            assertThat(call.campaignId()).isEqualTo("Spring");
            assertThat(call.startedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 1, 9, 15, 30, 250_000_000,
                    ZoneOffset.ofHours(-5)));
            assertThat(call.durationSeconds()).isEqualTo(187);
            assertThat(call.direction()).isEqualTo("inbound");
            assertThat(call.answered()).isTrue();
            assertThat(call.caller()).isEqualTo("+15551230001");
            assertThat(call.customerName()).isEqualTo("Ana Silva");
            assertThat(call.customerEmail()).isEqualTo("ana@example.com");
            assertThat(call.trackingNumber()).isEqualTo("+15559870002");
            assertThat(call.sourceName()).isEqualTo("Google Ads");
            assertThat(call.agent()).isEqualTo("sam@acme.example");
            assertThat(call.outcome()).isEqualTo("first_call");
            assertThat(call.recordingUrl()).isEqualTo("https://rec.example/CAL1.mp3");
            assertThat(call.transcript()).isEqualTo("Agent: Hello.\nCaller: Hi.");
            assertThat(call.rawJson()).contains("\"id\":\"CAL1\"").contains("\"agent_email\"");
        });
    }

    @Test
    void booleansAreJsonBooleansOrTheWordsAndNullsStayUnknown() {
        var connector = ConnectorManifests.load(manifest("""
                        id: id
                        answered: answered
                        duration_s: duration
                        transcript: transcription
                """));
        fake.stubFor(get(urlPathEqualTo("/api/calls/A1")).willReturn(okJson("{\"calls\":["
                + "{\"id\":\"c1\",\"answered\":false,\"duration\":0,\"transcription\":null},"
                + "{\"id\":\"c2\",\"answered\":\"true\",\"duration\":12},"
                + "{\"id\":\"c3\",\"answered\":\"FALSE\"},"
                + "{\"id\":\"c4\",\"answered\":null},"
                + "{\"id\":\"c5\",\"answered\":\"yes\"},"
                + "{\"id\":\"c6\",\"answered\":1}]}")));

        connector.read(session, new StreamRead("calls", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);

        assertThat(sink.calls).extracting(Call::id).containsExactly("c1", "c2", "c3", "c4");
        assertThat(sink.calls).extracting(Call::answered).containsExactly(false, true, false, null);
        assertThat(sink.calls).extracting(Call::durationSeconds).containsExactly(0, 12, null, null);
        assertThat(sink.calls.get(0).transcript()).isNull();
        assertThat(sink.quarantined).hasSize(2);
        assertThat(sink.quarantined.get(0)).startsWith("answered is not true or false: \"yes\" | {\"id\":\"c5\"");
        assertThat(sink.quarantined.get(1)).startsWith("answered is not true or false: \"1\" | {\"id\":\"c6\"");
    }

    @Test
    void aCallWithoutAnIdOrWithABadTimeIsQuarantinedAndTheRestGoOn() {
        var connector = ConnectorManifests.load(manifest("""
                        id: id
                        started_at: start_time
                        duration_s: duration
                """));
        fake.stubFor(get(urlPathEqualTo("/api/calls/A1")).willReturn(okJson("{\"calls\":["
                + "{\"start_time\":\"2026-11-01T10:00:00Z\"},"
                + "{\"id\":\"c2\",\"start_time\":\"yesterday at noon\"},"
                + "{\"id\":\"c3\",\"duration\":\"3m\"},"
                + "{\"id\":\"c4\",\"duration\":99999999999},"
                + "{\"id\":\"c5\",\"start_time\":\"2026-11-01T10:00:00Z\",\"duration\":\"61.6\"}]}")));

        connector.read(session, new StreamRead("calls", List.of("A1"), NOV_1, NOV_1, Optional.empty()), sink);

        assertThat(sink.calls).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("c5");
            assertThat(call.startedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC));
            assertThat(call.durationSeconds()).isEqualTo(62);
        });
        assertThat(sink.quarantined).hasSize(4);
        assertThat(sink.quarantined.get(0)).startsWith("id is missing (id)");
        assertThat(sink.quarantined.get(1)).startsWith("started_at is not a date: \"yesterday at noon\"");
        assertThat(sink.quarantined.get(2)).startsWith("duration_s is not a number: \"3m\"");
        assertThat(sink.quarantined.get(3)).startsWith("duration_s is not a duration in seconds: \"99999999999\"");
    }

    @Test
    void aCallManifestNamesOnlyCallTargetsAndNeedsAnId() {
        ConnectorManifests.Invalid invalid = catchThrowableOfType(() -> ConnectorManifests.load(manifest("""
                        started_at: start_time
                        spend: cost
                """)), ConnectorManifests.Invalid.class);

        assertThat(invalid.problems()).contains("streams[0].mapping.fields.id: required for call");
        assertThat(invalid.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("streams[0].mapping.fields.spend: not a field of call; known: id, contact_id, "
                        + "campaign_id, started_at, duration_s, direction, answered, caller"));
    }

    @Test
    void theCallKindIsAcceptedByTheSchemaAndOthersAreNot() {
        var connector = ConnectorManifests.load(manifest("            id: id\n"));
        ConnectorManifests.Invalid invalid = catchThrowableOfType(() -> ConnectorManifests.load(
                manifest("            id: id\n").replace("kind: call", "kind: phone_call")),
                ConnectorManifests.Invalid.class);

        assertThat(connector.category()).isEqualTo("calls");
        assertThat(connector.auth().prefix()).isEqualTo("Token token=");
        assertThat(invalid.problems()).anySatisfy(p -> assertThat(p).startsWith("streams[0].mapping.kind: ")
                .contains("call"));
    }
}

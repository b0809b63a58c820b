package io.catalyst.plugins.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.catalyst.plugins.hubspot.HubSpotConnectorTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import io.catalyst.sdk.testkit.ConnectorHarness;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScoreWritesTest {

    @RegisterExtension
    static final WireMockExtension hubspot = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final List<WriteRecord> TWO = List.of(
            new WriteRecord("101", Map.of("catalyst_score", "82", "catalyst_score_band", "hot")),
            new WriteRecord("102", Map.of("catalyst_score", "12", "catalyst_score_band", "cold")));

    @Test
    void declaresOnlyCatalystsOwnContactProperties() {
        HubSpotConnector connector = new HubSpotConnector();

        assertThat(connector.writes()).singleElement().satisfies(spec -> {
            assertThat(spec.object()).isEqualTo("contacts");
            assertThat(spec.fields()).containsExactlyInAnyOrder("catalyst_score", "catalyst_score_band",
                    "catalyst_score_reason");
            assertThat(spec.maxBatch()).isEqualTo(100);
        });
        assertThat(connector.auth().scopes()).contains("crm.objects.contacts.write", "crm.schemas.contacts.write");
        assertThatThrownBy(() -> connector.write(harness(), "deals", TWO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsOneBatchUpdateWithTheTokenAndReportsEveryRecordWritten() {
        hubspot.stubFor(post(urlEqualTo(ScoreWrites.UPDATE_PATH)).withHeader("Authorization", equalTo("Bearer hs-token"))
                .willReturn(json(200, "batch-update-complete.json")));

        WriteResult result = new HubSpotConnector().write(harness(), "contacts", TWO);

        assertThat(result.written()).containsExactly("101", "102");
        assertThat(result.failed()).isEmpty();
        hubspot.verify(1, postRequestedFor(urlEqualTo(ScoreWrites.UPDATE_PATH)).withRequestBody(equalToJson("""
                {"inputs": [
                  {"id": "101", "properties": {"catalyst_score": "82", "catalyst_score_band": "hot"}},
                  {"id": "102", "properties": {"catalyst_score": "12", "catalyst_score_band": "cold"}}]}""")));
    }

    @Test
    void aDeletedContactIsRefusedWithHubSpotsWordsAndTheRestWritten() {
        hubspot.stubFor(post(urlEqualTo(ScoreWrites.UPDATE_PATH)).willReturn(json(207, "batch-update-partial.json")));
        List<WriteRecord> records = List.of(new WriteRecord("101", Map.of("catalyst_score", "82")),
                new WriteRecord("999", Map.of("catalyst_score", "40")),
                new WriteRecord("103", Map.of("catalyst_score", "7")));

        WriteResult result = new HubSpotConnector().write(harness(), "contacts", records);

        assertThat(result.written()).containsExactly("101");
        assertThat(result.failed()).containsOnlyKeys("999", "103");
        assertThat(result.failed().get("999")).contains("may be deleted").contains("OBJECT_NOT_FOUND");
        assertThat(result.failed().get("103")).isEqualTo("HubSpot did not confirm the update");
    }

    @Test
    void missingPropertiesAreCreatedInTheirGroupOnceAndTheBatchSentAgain() {
        hubspot.stubFor(post(urlEqualTo(ScoreWrites.UPDATE_PATH)).inScenario("first write")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(400, "error-property-missing.json"))
                .willSetStateTo("created"));
        hubspot.stubFor(post(urlEqualTo(ScoreWrites.UPDATE_PATH)).inScenario("first write")
                .whenScenarioStateIs("created").willReturn(json(200, "batch-update-complete.json")));
        hubspot.stubFor(post(urlEqualTo(ScoreWrites.GROUPS_PATH)).willReturn(json(409, "error-already-exists.json")));
        hubspot.stubFor(post(urlEqualTo(ScoreWrites.PROPERTIES_PATH)).willReturn(json(201, "property-created.json")));

        WriteResult result = new HubSpotConnector().write(harness(), "contacts", TWO);

        assertThat(result.written()).containsExactly("101", "102");
        hubspot.verify(2, postRequestedFor(urlEqualTo(ScoreWrites.UPDATE_PATH)));
        hubspot.verify(3, postRequestedFor(urlEqualTo(ScoreWrites.PROPERTIES_PATH))
                .withRequestBody(matchingJsonPath("$.groupName", equalTo("catalyst"))));
        hubspot.verify(1, postRequestedFor(urlEqualTo(ScoreWrites.PROPERTIES_PATH))
                .withRequestBody(matchingJsonPath("$[?(@.name == 'catalyst_score' && @.type == 'number')]")));
    }

    @Test
    void aConnectionWithoutTheWriteScopesIsRefusedWithWhatToDo() {
        hubspot.stubFor(post(urlEqualTo(ScoreWrites.UPDATE_PATH)).willReturn(json(403, "error-write-scopes.json")));

        assertThatThrownBy(() -> new HubSpotConnector().write(harness(), "contacts", TWO))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("authorise it again").contains("crm.objects.contacts.write")
                            .contains("MISSING_SCOPES");
                });
    }

    @Test
    void anAnswerThatIsNotJsonIsAProviderFailure() {
        hubspot.stubFor(post(urlEqualTo(ScoreWrites.UPDATE_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));

        assertThatThrownBy(() -> new HubSpotConnector().write(harness(), "contacts", TWO))
                .isInstanceOfSatisfying(ProviderException.class, e ->
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED));
    }

    private static ConnectorHarness harness() {
        return new ConnectorHarness(new HubSpotConnector(), URI.create(hubspot.baseUrl()), "hs-token");
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(fixture(fixture));
    }
}

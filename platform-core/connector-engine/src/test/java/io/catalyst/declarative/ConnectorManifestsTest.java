package io.catalyst.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.StreamSpec;
import org.junit.jupiter.api.Test;

/** Loading manifests: what is accepted, and the problems a third party sees, each with its path. */
class ConnectorManifestsTest {

    static final String VALID = """
            id: acme-ads
            name: Acme Ads
            base_url: https://api.acme.example/v2
            mapping_version: 3
            auth:
              type: oauth2
              authorize_url: https://acme.example/oauth/authorize
              token_url: https://acme.example/oauth/token
              scopes: [ads.read]
            streams:
              - name: campaign_insights
                sync: daily
                request:
                  path: /accounts/{{account}}/insights
                  query: {since: "{{from}}", until: "{{to}}"}
                record_selector: data
                mapping:
                  kind: insight
                  fields:
                    level: {constant: campaign}
                    entity_id: campaign_id
                    day: date
                    currency: {constant: EUR}
            """;

    @Test
    void aValidManifestBecomesAConnector() {
        DeclarativeConnector connector = ConnectorManifests.load(VALID);

        assertThat(connector.id()).isEqualTo("acme-ads");
        assertThat(connector.displayName()).isEqualTo("Acme Ads");
        assertThat(connector.category()).isEqualTo("ads");
        assertThat(connector.mappingVersion()).isEqualTo(3);
        assertThat(connector.baseUrl()).hasToString("https://api.acme.example/v2");
        assertThat(connector.auth().kind()).isEqualTo(AuthKind.OAUTH2);
        assertThat(connector.auth().scopes()).containsExactly("ads.read");
        assertThat(connector.auth().prefix()).isEqualTo("Bearer ");
        assertThat(connector.streams()).containsExactly(new StreamSpec("campaign_insights", StreamSpec.Sync.DAILY));
        assertThat(connector.platformSettings()).isEmpty();
    }

    @Test
    void theDocumentedExampleLoads() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("basedir", "."))
                .resolve("../../docs/connectors.md"));
        int start = doc.indexOf("```yaml", doc.indexOf("## A complete example")) + "```yaml".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        DeclarativeConnector connector = ConnectorManifests.load(example);

        assertThat(connector.streams()).extracting(StreamSpec::name).containsExactly("insights", "contacts");
        assertThat(connector.connectionSettings()).singleElement()
                .satisfies(setting -> assertThat(setting.defaultValue()).isEqualTo("purchase"));
    }

    @Test
    void platformSettingsAreNamedAndCheckedLikeTheRest() {
        DeclarativeConnector connector = ConnectorManifests.load(VALID.replace("mapping_version: 3",
                "mapping_version: 3\nplatform_settings: [app_id, app_secret]"));
        ConnectorManifests.Invalid invalid = catchThrowableOfType(() -> ConnectorManifests.load(VALID.replace(
                "mapping_version: 3", "mapping_version: 3\nplatform_settings: [App-Id, app_id, app_id]")),
                ConnectorManifests.Invalid.class);

        assertThat(connector.platformSettings()).containsExactly("app_id", "app_secret");
        assertThat(invalid.problems()).anyMatch(p -> p.startsWith("platform_settings[0]: "))
                .anyMatch(p -> p.startsWith("platform_settings: "));
    }

    @Test
    void apiKeysGoInAHeaderOrAQueryParameter() {
        String header = VALID.replace("""
                  type: oauth2
                  authorize_url: https://acme.example/oauth/authorize
                  token_url: https://acme.example/oauth/token
                  scopes: [ads.read]
                """, """
                  type: api_key
                  header: Access-Token
                """);
        assertThat(ConnectorManifests.load(header).auth())
                .isEqualTo(AuthSpec.apiKeyHeader("Access-Token", ""));
        String query = header.replace("header: Access-Token", "query_param: key");
        AuthSpec auth = ConnectorManifests.load(query).auth();
        assertThat(auth.placement()).isEqualTo(AuthSpec.Placement.QUERY);
        assertThat(auth.name()).isEqualTo("key");
    }

    @Test
    void everySchemaProblemIsReportedWithItsPath() {
        String broken = VALID.replace("id: acme-ads", "id: Acme Ads!")
                .replace("sync: daily", "sync: hourly\n    paginator: {type: pages}")
                .replace("    record_selector: data\n", "    record_selector: data\n    colour: blue\n")
                .replace("base_url: https://api.acme.example/v2\n", "");

        Throwable thrown = catchThrowableOfType(() -> ConnectorManifests.load(broken),
                ConnectorManifests.Invalid.class);
        ConnectorManifests.Invalid invalid = (ConnectorManifests.Invalid) thrown;

        assertThat(invalid.problems()).contains(
                "base_url: required",
                "streams[0].paginator.type: must be one of cursor, offset, page, none",
                "streams[0].sync: must be one of daily, cursor",
                "streams[0].colour: not a known field; see docs/connectors.md");
        assertThat(invalid.problems()).anyMatch(p -> p.startsWith("id: "));
        assertThat(invalid.getMessage()).contains("streams[0].paginator.type");
    }

    @Test
    void semanticProblemsAreReportedTogether() {
        String broken = VALID.replace("path: /accounts/{{account}}/insights", "path: /accounts/{{acount}}/insights")
                .replace("day: date", "day: {path: date, date: yyyy-MM-dd ll}\n        colour: red")
                .replace("currency: {constant: EUR}", "spend: {path: spend, constant: 1}");

        ConnectorManifests.Invalid invalid = (ConnectorManifests.Invalid) catchThrowableOfType(
                () -> ConnectorManifests.load(broken), ConnectorManifests.Invalid.class);

        assertThat(invalid.problems()).anySatisfy(p ->
                assertThat(p).startsWith("streams[0].request.path: unknown variable {{acount}}"));
        assertThat(invalid.problems()).contains(
                "streams[0].mapping.fields.colour: not a field of insight; known: level, entity_id, account_id, "
                        + "day, attribution_window, spend, impressions, clicks, conversions, conversion_value, "
                        + "leads, currency",
                "streams[0].mapping.fields.currency: required for insight",
                "streams[0].mapping.fields.spend: give exactly one of path, constant, template, concat");
        assertThat(invalid.problems()).anyMatch(p -> p.startsWith("streams[0].mapping.fields.day.date: "));
    }

    @Test
    void aCursorStreamNamesItsCursorField() {
        String cursor = VALID.replace("sync: daily", "sync: cursor");
        ConnectorManifests.Invalid invalid = (ConnectorManifests.Invalid) catchThrowableOfType(
                () -> ConnectorManifests.load(cursor), ConnectorManifests.Invalid.class);
        assertThat(invalid.problems()).contains("streams[0].incremental: required");
    }

    @Test
    void yamlSyntaxErrorsNameLineAndColumn() {
        String broken = VALID.replace("name: Acme Ads", "name: [Acme Ads");
        ConnectorManifests.Invalid invalid = (ConnectorManifests.Invalid) catchThrowableOfType(
                () -> ConnectorManifests.load(broken), ConnectorManifests.Invalid.class);
        assertThat(invalid.problems()).singleElement().asString()
                .startsWith("$: not valid YAML at line ").contains(", column ");
    }

    @Test
    void duplicateKeysAreRefused() {
        String broken = VALID.replace("mapping_version: 3", "mapping_version: 3\nmapping_version: 4");
        ConnectorManifests.Invalid invalid = (ConnectorManifests.Invalid) catchThrowableOfType(
                () -> ConnectorManifests.load(broken), ConnectorManifests.Invalid.class);
        assertThat(invalid.problems()).singleElement().asString()
                .contains("line 5").contains("Duplicate field 'mapping_version'");
    }

    @Test
    void emptyOrNonMappingManifestsAreRefused() {
        assertThat(catchThrowableOfType(() -> ConnectorManifests.load(" "), ConnectorManifests.Invalid.class))
                .hasMessageContaining("empty");
        assertThat(catchThrowableOfType(() -> ConnectorManifests.load("- a\n- b"), ConnectorManifests.Invalid.class))
                .hasMessageContaining("a YAML mapping");
    }

    @Test
    void conditionalRequirementsAndPatternsNameTheField() {
        String broken = VALID.replace("id: acme-ads", "id: Acme!")
                .replace("    record_selector: data\n", "    record_selector: data\n    paginator: {type: cursor}\n")
                .replace("currency: {constant: EUR}", "currency: {template: \"{{account.currency}}\"}");

        ConnectorManifests.Invalid schema = (ConnectorManifests.Invalid) catchThrowableOfType(
                () -> ConnectorManifests.load(broken), ConnectorManifests.Invalid.class);
        assertThat(schema.problems()).contains(
                "id: does not match the regex pattern ^[a-z0-9][a-z0-9-]{1,62}$",
                "streams[0].paginator.param: required",
                "streams[0].paginator.token_path: required");

        String noAccounts = VALID.replace("currency: {constant: EUR}", "currency: {template: \"{{account.currency}}\"}");
        ConnectorManifests.Invalid semantic = (ConnectorManifests.Invalid) catchThrowableOfType(
                () -> ConnectorManifests.load(noAccounts), ConnectorManifests.Invalid.class);
        assertThat(semantic.problems()).containsExactly("streams[0].mapping.fields.currency.template: "
                + "{{account.currency}} needs an accounts section to look the account up");
    }
}

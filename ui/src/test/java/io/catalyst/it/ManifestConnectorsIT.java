package io.catalyst.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A connector that is only a manifest (the TikTok Ads plugin: a {@code connector.yaml}, no Java) installed on the
 * real server: offered to tenants, connected with an API key, backfilled from a fake of TikTok's report API shaped as
 * TikTok documents it; and a plugin whose manifest does not hold, refused with its problems.
 */
class ManifestConnectorsIT {

    private static final String REPORT = "/open_api/v1.3/report/integrated/get/";
    private static final String KEY = "tt-7bq2x-access-token-for-the-test";
    private static String platform;
    private static byte[] tiktok;
    private static WireMockServer fake;

    @BeforeAll
    static void install() throws Exception {
        platform = Files.readString(Path.of(Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
        tiktok = Files.readAllBytes(Path.of(System.getProperty("catalyst.tiktok.plugin",
                "../plugins/connectors/tiktok-ads/target/tiktok-ads-plugin.jar")));
        HttpResponse<String> installed = install(tiktok);
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        fake = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        fake.start();
    }

    @AfterAll
    static void stop() {
        fake.stop();
    }

    @Test
    void aManifestOnlyConnectorIsOfferedConnectedWithAKeyAndBackfilled() throws Exception {
        String empty = "{\"code\":0,\"message\":\"OK\",\"request_id\":\"20261124\",\"data\":{\"list\":[],"
                + "\"page_info\":{\"page\":1,\"page_size\":1000,\"total_number\":0,\"total_page\":0}}}";
        fake.stubFor(get(urlPathEqualTo(REPORT)).atPriority(9).willReturn(okJson(empty)));
        // one report API at three data levels, each answering with its own id dimension
        fake.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("start_date", equalTo("2026-11-20"))
                .withQueryParam("data_level", equalTo("AUCTION_CAMPAIGN"))
                .withQueryParam("page", equalTo("1")).willReturn(okJson(fixture("report-page-1.json"))));
        fake.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("start_date", equalTo("2026-11-20"))
                .withQueryParam("data_level", equalTo("AUCTION_CAMPAIGN"))
                .withQueryParam("page", equalTo("2")).willReturn(okJson(fixture("report-page-2.json"))));
        fake.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("start_date", equalTo("2026-11-20"))
                .withQueryParam("data_level", equalTo("AUCTION_ADGROUP"))
                .willReturn(okJson(fixture("report-adgroup.json"))));
        fake.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("start_date", equalTo("2026-11-20"))
                .withQueryParam("data_level", equalTo("AUCTION_AD")).willReturn(okJson(fixture("report-ad.json"))));
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();

        JsonArray connectors = elemental.json.Json.instance().parse(
                Fixture.call("GET", "/api/tenant/connectors", bearer, null).body());
        JsonObject offered = null;
        for (int i = 0; i < connectors.length(); i++) {
            if (connectors.getObject(i).getString("id").equals("tiktok-ads")) {
                offered = connectors.getObject(i);
            }
        }
        assertThat(offered).as("tiktok-ads among the connectors").isNotNull();
        assertThat(offered.getString("auth")).isEqualTo("API_KEY");

        HttpResponse<String> created = Fixture.call("POST", "/api/tenant/connections", bearer, "{\"connector\":"
                + "\"tiktok-ads\",\"apiKey\":\"" + KEY + "\",\"baseUrl\":\"http://127.0.0.1:" + fake.port() + "\","
                + "\"accounts\":[\"7012345678901234567\"],\"settings\":{\"currency\":\"USD\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(KEY);
        String id = Server.json(created).getString("id");
        HttpResponse<String> queued = Fixture.call("POST", "/api/tenant/connections/" + id + "/backfill", bearer,
                "{\"from\":\"2026-11-20\",\"to\":\"2026-11-21\"}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(200);
        String job = Server.json(queued).getString("jobId");

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                Server.strings("select status from sync_job where id = '" + job + "'"), s -> s.contains("SUCCEEDED"));

        assertThat(Server.strings("select level || ' ' || entity_id || ' ' || day || ' ' || spend || ' ' || currency"
                + " from wh_insight_daily where tenant_id = '" + tenant.id() + "' and source = 'tiktok-ads'"
                + " order by level, entity_id"))
                .containsExactly("ad 1800000000000101 2026-11-20 80.4000 USD",
                        "ad_set 1790000000000011 2026-11-20 80.4000 USD",
                        "ad_set 1790000000000012 2026-11-20 45.0000 USD",
                        "campaign 1780000000000001 2026-11-20 125.4000 USD",
                        "campaign 1780000000000002 2026-11-20 0.0000 USD",
                        "campaign 1780000000000003 2026-11-21 9.9900 USD");
        fake.verify(getRequestedFor(urlPathEqualTo(REPORT)).withHeader("Access-Token", equalTo(KEY))
                .withQueryParam("advertiser_id", equalTo("7012345678901234567"))
                .withQueryParam("end_date", equalTo("2026-11-21")));
        assertThat(Server.strings("select kind from sync_job where id = '" + job + "'")).containsExactly("BACKFILL");
    }

    @Test
    void aPluginWhoseManifestDoesNotHoldIsMarkedFailedWithItsProblems() throws Exception {
        byte[] broken = rewrite(tiktok, "broken-connector", "id: broken-connector\nname: Broken\nbase_url: nowhere\n"
                + "auth: {type: api_key, header: X-Key}\nstreams:\n  - name: s\n    sync: weekly\n");
        assertThat(install(broken).statusCode()).isEqualTo(200);
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();

        String offered = Fixture.call("GET", "/api/tenant/connectors", bearer, null).body();
        String plugins = Fixture.call("GET", "/api/platform/plugins", platform, null).body();

        assertThat(offered).doesNotContain("broken-connector");
        JsonArray all = elemental.json.Json.instance().parse(plugins);
        JsonObject status = null;
        for (int i = 0; i < all.length(); i++) {
            if (all.getObject(i).getString("pluginId").equals("broken-connector")) {
                status = all.getObject(i);
            }
        }
        assertThat(status).isNotNull();
        assertThat(status.getString("state")).isEqualTo("FAILED");
        assertThat(status.getString("reason")).contains("connector.yaml is not valid").contains("sync")
                .contains("base_url");
        assertThat(Fixture.call("DELETE", "/api/platform/plugins/broken-connector", platform, null).statusCode())
                .isBetween(200, 204);
    }

    private static HttpResponse<String> install(byte[] jar) throws Exception {
        return Fixture.installPlugin(jar);
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("catalyst.tiktok.fixtures",
                "../plugins/connectors/tiktok-ads/src/test/resources/tiktok-fake")).resolve(name));
    }

    /** The jar as another plugin with another connector.yaml. */
    private static byte[] rewrite(byte[] jar, String pluginId, String connectorYaml) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Plugin-Id", pluginId);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    if (entry.getName().equals("connector.yaml")) {
                        out.write(connectorYaml.getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }
}

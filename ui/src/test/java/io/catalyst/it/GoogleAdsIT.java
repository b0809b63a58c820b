package io.catalyst.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import elemental.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Google Ads plugin on the real server against a fake of the Google Ads REST API whose error bodies are shaped as
 * Google documents them: a spent daily quota (QuotaError RESOURCE_EXHAUSTED, google.rpc.RetryInfo with a delay of
 * hours) makes the run wait for the quota's reset, rescheduled without another request, and the connection says
 * why and when it resumes. The waiting and its words are the host's: the plugin's own tests cannot show them.
 */
class GoogleAdsIT {

    private static final String CUSTOMER = "1234567890";
    private static final String STREAM = "/v26/customers/" + CUSTOMER + "/googleAds:searchStream";
    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static WireMockServer google;

    @BeforeAll
    static void install() throws Exception {
        HttpResponse<String> installed = Fixture.installPlugin(Files.readAllBytes(Path.of(System.getProperty(
                "catalyst.google.plugin", "../plugins/connectors/google-ads/target/google-ads-plugin.jar"))));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(Server.json(installed).getString("state")).as(installed.body()).isEqualTo("STARTED");
        google = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        google.start();
    }

    @AfterAll
    static void stop() {
        google.stop();
    }

    @Test
    void aSpentDailyQuotaWaitsForItsResetWithoutAnotherRequestAndTheConnectionSaysWhenItResumes() throws Exception {
        // Google's token endpoint (the connection's stand-in origin replaces oauth2.googleapis.com)
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\":\"ya29.it-token\","
                + "\"expires_in\":3599,\"refresh_token\":\"1//it-refresh\",\"token_type\":\"Bearer\","
                + "\"scope\":\"https://www.googleapis.com/auth/adwords\"}")));
        google.stubFor(post(urlPathMatching("/v26/customers/.*/googleAds:searchStream")).willReturn(aResponse()
                .withStatus(429).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(Files.readString(Path.of(System.getProperty("catalyst.google.fixtures",
                        "../plugins/connectors/google-ads/src/test/resources/google-ads-fake"))
                        .resolve("error-daily-quota-exhausted.json")))));
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        // the developer token is the platform's (./catalyst test configures one), never a connection's
        HttpResponse<String> created = Fixture.call("POST", "/api/tenant/connections", bearer, "{\"connector\":"
                + "\"google-ads\",\"baseUrl\":\"http://127.0.0.1:" + google.port() + "\",\"accounts\":[\"" + CUSTOMER
                + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Server.json(created).getString("id");
        authorize(bearer, id);

        HttpResponse<String> queued = Fixture.call("POST", "/api/tenant/connections/" + id + "/sync", bearer, null);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(200);
        String job = Server.json(queued).getString("jobId");
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Server.strings("select status from sync_job where id = '" + job + "'"),
                        s -> s.contains("RETRY") || s.contains("FAILED") || s.contains("SUCCEEDED"));

        assertThat(Server.strings("select status || ' ' || attempts || ' ' || (run_after > now() + interval"
                + " '12 hours 50 minutes') from sync_job where id = '" + job + "'"))
                .as("rescheduled for the quota's reset (46800 s), not counted as a failed attempt")
                .containsExactly("RETRY 0 true");
        google.verify(1, postRequestedFor(urlPathEqualTo(STREAM)));
        String resumes = Server.strings("select to_char(run_after at time zone 'UTC', 'YYYY-MM-DD HH24:MI') from"
                + " sync_job where id = '" + job + "'").get(0);
        JsonObject connection = Server.json(Fixture.call("GET", "/api/tenant/connections/" + id, bearer, null));
        assertThat(connection.getString("lastStatus")).isEqualTo("RATE_LIMITED");
        assertThat(connection.getString("lastError")).as("Google's reason and when the sync resumes")
                .contains("quotaError RESOURCE_EXHAUSTED").contains("Number of operations for basic access")
                .contains("The sync resumes by itself at " + resumes + " UTC.")
                .doesNotContain("ya29.it-token").doesNotContain("it-dev-token");
    }

    /** The OAuth dance as a browser would end it: the provider redirects back with the state and a code. */
    private static void authorize(String bearer, String id) throws Exception {
        HttpResponse<String> started = Fixture.call("POST", "/api/tenant/connections/" + id + "/authorize", bearer,
                null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        Map<String, String> query = query(URI.create(Server.json(started).getString("authorizeUrl")));
        URI callback = URI.create(query.get("redirect_uri") + "?state=" + query.get("state") + "&code=4/it-code");
        HttpResponse<String> back = NO_REDIRECTS.send(HttpRequest.newBuilder(callback).GET()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(Server.json(Fixture.call("GET", "/api/tenant/connections/" + id, bearer, null))
                .getString("status")).isEqualTo("ACTIVE");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}

package io.catalyst.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Integrations end to end on the real server, with the real Meta Ads plugin against a fake of Meta's API (MetaFake):
 * OAuth with PKCE, the first sync, the lookback window of the next one, restated figures, and the faults (a killed
 * server, a restarted database, throttling, a revoked token, malformed rows). Every API answer the test sees is kept,
 * and the last test looks for the credentials in them and in the server's logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorsIT {

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> ANSWERS = new ArrayList<>();
    /** How long each server log was before this test class: only what it adds is searched for credentials. */
    private static final Map<Path, Long> LOGS_BEFORE = new HashMap<>();
    private static MetaFake meta;
    private static GreenMail smtp;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void start() throws Exception {
        try (Stream<Path> logs = Files.walk(Server.DIR.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                LOGS_BEFORE.put(log, Files.size(log));
            }
        }
        meta = new MetaFake();
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(Server.env("CATALYST_SMTP_PORT")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpResponse<String> installed = Fixture.installPlugin(Files.readAllBytes(Path.of(System.getProperty(
                "catalyst.meta.plugin", "../plugins/connectors/meta-ads/target/meta-ads-plugin.jar"))));
        assertThat(installed.statusCode()).as(() -> installed.body() + "; " + Fixture.pluginStates()).isEqualTo(200);
        assertThat(Server.json(installed).getString("state")).as(installed.body()).isEqualTo("STARTED");
    }

    @AfterAll
    static void stop() {
        meta.shutdown();
        smtp.stop();
    }

    @AfterEach
    void calm() {
        meta.release();
        meta.revoke(false);
        meta.throttle(0, 0);
        meta.malformed(null);
    }

    @Test
    @Order(1)
    void oauthConnectsTheFirstSyncLoadsTheRangeAndTheNextReadsOnlyTheLookbackWindow() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        JsonArray connectors = array(call("GET", "/api/tenant/connectors", bearer, null));
        assertThat(names(connectors, "id")).contains("meta-ads");

        String id = connect(bearer);

        JsonArray accounts = array(call("GET", "/api/tenant/connections/" + id + "/accounts", bearer, null));
        assertThat(accounts.length()).isEqualTo(1);
        assertThat(accounts.getObject(0).getString("id")).isEqualTo(MetaFake.ACCOUNT);
        assertThat(accounts.getObject(0).getString("currency")).isEqualTo("EUR");
        ok(call("PATCH", "/api/tenant/connections/" + id, bearer, "{\"accounts\":[\"" + MetaFake.ACCOUNT + "\"]}"));

        awaitSucceeded(queue(bearer, id));

        LocalDate first = today.minusDays(90);
        assertThat(count(tenant, "ad", first, today)).isEqualTo(91 * 3);
        assertThat(spend(tenant, "ad")).isEqualByComparingTo(meta.totalSpend(first, today));
        assertThat(spend(tenant, "campaign")).as("campaign rows add up to their ads")
                .isEqualByComparingTo(meta.totalSpend(first, today));
        assertThat(Server.strings("select sum(conversions) || ' ' || sum(conversion_value) from wh_insight_daily"
                + " where tenant_id = '" + tenant.id() + "' and level = 'ad'")).as("Meta's omni_purchase, by default")
                .containsExactly((91 * 3 * 2) + ".0000 " + new BigDecimal("99.5").multiply(BigDecimal.valueOf(91 * 3))
                        .setScale(4));
        assertThat(Server.strings("select external_id || '<' || campaign_id from wh_ad_set where tenant_id = '"
                + tenant.id() + "' order by 1")).containsExactly("s1<c1", "s2<c2");
        assertThat(Server.strings("select count(*) from wh_insight_daily where tenant_id = '" + tenant.id()
                + "' and raw ? 'date_start' and mapping_version = 1")).containsExactly(String.valueOf(91 * 3 + 91 * 2));
        JsonObject run = array(call("GET", "/api/tenant/connections/" + id + "/runs", bearer, null)).getObject(0);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getNumber("records")).isGreaterThanOrEqualTo(91 * 5);
        assertThat(run.getNumber("pages")).isGreaterThan(13);
        assertThat(Server.json(call("GET", "/api/tenant/connections/" + id, bearer, null)).getString("lastStatus"))
                .isEqualTo("SUCCEEDED");

        // Meta restates a figure inside the lookback window; the next sync reads only that window
        LocalDate restatedDay = today.minusDays(3);
        meta.restate("a11", restatedDay, new BigDecimal("999.99"));
        meta.forgetCalls();
        awaitSucceeded(queue(bearer, id));

        assertThat(meta.calls()).isNotEmpty();
        assertThat(meta.calls().stream().map(MetaFake.Call::since).min(LocalDate::compareTo).orElseThrow())
                .as("28-day lookback").isEqualTo(today.minusDays(28));
        assertThat(meta.calls()).allMatch(c -> !c.until().isAfter(today));
        assertThat(count(tenant, "ad", first, today)).as("nothing duplicated").isEqualTo(91 * 3);
        assertThat(Server.strings("select spend from wh_insight_daily where tenant_id = '" + tenant.id()
                + "' and level = 'ad' and entity_id = 'a11' and day = '" + restatedDay + "'"))
                .containsExactly("999.9900");
        assertThat(spend(tenant, "ad")).isEqualByComparingTo(meta.totalSpend(first, today));
    }

    @Test
    @Order(2)
    void aThrottledRequestWaitsAsRetryAfterSaysAndTheSyncCompletes() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        String id = connectWithAccount(bearer);
        meta.forgetCalls();
        meta.throttle(1, 3);

        awaitSucceeded(queue(bearer, id));

        List<MetaFake.Call> calls = meta.calls();
        assertThat(calls.get(0).status()).isEqualTo(429);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).as("waited for Retry-After")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(calls.get(1).since()).as("the same request again").isEqualTo(calls.get(0).since());
        assertThat(spend(tenant, "ad")).isEqualByComparingTo(meta.totalSpend(today.minusDays(90), today));
    }

    @Test
    @Order(3)
    void aRevokedTokenStopsTheConnectionTellsTheAdminsAndReconnectingResumes() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        String id = connectWithAccount(bearer);
        // a receiver that fails twice, then takes the call
        WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200)));
        JsonObject hook = Server.json(call("POST", "/api/tenant/webhooks", bearer, "{\"name\":\"Ops channel\","
                + "\"url\":\"http://127.0.0.1:" + receiver.port() + "/hook\",\"kinds\":[\"core/connection.*\"]}"));
        String secret = hook.getString("secret");
        assertThat(secret).startsWith("whsec_");
        meta.revoke(true);

        String job = queue(bearer, id);
        awaitStatus(job, "FAILED");

        JsonObject connection = Server.json(call("GET", "/api/tenant/connections/" + id, bearer, null));
        assertThat(connection.getString("status")).isEqualTo("NEEDS_REAUTH");
        assertThat(connection.getString("lastError")).contains("Reconnect");
        MimeMessage mail = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
                smtp.getReceivedMessages()).filter(m -> recipient(m).equals(tenant.email())).findFirst().orElse(null),
                m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("Reconnect Meta Ads: its data has stopped updating");
        // a notification mail is HTML in the company's name beside the plain text, with its link as the button
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Open it: ").contains("/integrations");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains(">Tenant " + tenant.slug() + "<")
                .contains("/integrations\" style=").contains(">Open it in Catalyst<");
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + tenant.id() + "'"))
                .contains("connections.connection.needs_reauth");
        assertThat(Server.strings("select attempts from sync_job where id = '" + job + "'"))
                .as("no retries against a dead token").containsExactly("1");

        // the admin's inbox has it, unread
        JsonObject inbox = Server.json(call("GET", "/api/notifications", bearer, null));
        assertThat(inbox.getNumber("unread")).isEqualTo(1);
        assertThat(inbox.getArray("items").getObject(0).getString("kind")).isEqualTo("connection.needs-reauth");
        assertThat(inbox.getArray("items").getObject(0).getString("link")).isEqualTo("integrations");
        // the webhook got it on the third try, signed, and is not called again once it answered 200
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.getAllServeEvents().size() >= 3);
        Thread.sleep(3_000); // several polls of the outbox
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> calls = receiver.findAll(
                postRequestedFor(urlEqualTo("/hook")));
        assertThat(calls).as("two failures, one success, nothing after").hasSize(3);
        assertThat(calls.stream().map(r -> r.getHeader("X-Catalyst-Delivery")).distinct()).as("one delivery")
                .hasSize(1);
        for (com.github.tomakehurst.wiremock.verification.LoggedRequest c : calls) {
            assertThat(io.catalyst.core.notify.WebhookSignature.verify(secret, c.getHeader("X-Catalyst-Signature"),
                    c.getBodyAsString(), java.time.Instant.now().getEpochSecond(), 300)).isTrue();
            assertThat(c.getBodyAsString()).contains("\"text\":\"*Reconnect Meta Ads: its data has stopped updating*");
        }
        assertThat(Server.strings("select status || ' ' || attempts from notification_delivery where tenant_id = '"
                + tenant.id() + "' and channel = 'WEBHOOK'")).containsExactly("SENT 3");
        receiver.stop();
        ok(call("POST", "/api/notifications/read-all", bearer, null));
        assertThat(Server.json(call("GET", "/api/notifications", bearer, null)).getNumber("unread")).isZero();

        meta.revoke(false);
        authorize(bearer, id);
        assertThat(Server.json(call("GET", "/api/tenant/connections/" + id, bearer, null)).getString("status"))
                .isEqualTo("ACTIVE");
        awaitSucceeded(queue(bearer, id));
    }

    @Test
    @Order(4)
    void malformedRowsAreQuarantinedWithAReasonAndTheRestLoads() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        String id = connectWithAccount(bearer);
        LocalDate bad = today.minusDays(5);
        meta.malformed(bad);

        awaitSucceeded(queue(bearer, id));

        JsonArray quarantined = array(call("GET", "/api/tenant/connections/" + id + "/quarantine", bearer, null));
        assertThat(quarantined.length()).as("the ad row and its campaign row of that day").isEqualTo(2);
        assertThat(quarantined.getObject(0).getString("reason")).containsIgnoringCase("spend");
        assertThat(quarantined.getObject(0).getString("raw")).contains("12,5O").contains(bad.toString());
        assertThat(count(tenant, "ad", today.minusDays(90), today)).isEqualTo(91 * 3 - 1);
        assertThat(spend(tenant, "ad")).isEqualByComparingTo(meta.totalSpend(today.minusDays(90), today));
        JsonObject run = array(call("GET", "/api/tenant/connections/" + id + "/runs", bearer, null)).getObject(0);
        assertThat(run.getNumber("quarantined")).isEqualTo(2);
    }

    @Test
    @Order(5)
    void aServerKilledMidSyncResumesFromItsCheckpointWithoutDuplicatesOrGaps() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        String id = connectWithAccount(bearer);
        meta.forgetCalls();
        meta.stallAfter(20, 120_000);

        String job = queue(bearer, id);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> meta.stalled());
        String checkpoint = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> single(
                "select cursors -> 'insights' ->> 'cursor' from sync_job where id = '" + job + "'"), c -> c != null);
        LocalDate done = LocalDate.parse(checkpoint.substring(checkpoint.lastIndexOf(':') + 1));

        Server.killAndRestart();
        meta.release();
        awaitSucceeded(job);

        assertThat(single("select attempts from sync_job where id = '" + job + "'")).as("resumed, not restarted")
                .isEqualTo("2");
        Map<String, Long> requests = meta.calls().stream().filter(c -> c.firstPage() && !c.until().isAfter(done))
                .collect(Collectors.groupingBy(c -> c.level() + "@" + c.since(), Collectors.counting()));
        assertThat(requests).isNotEmpty().allSatisfy((chunk, times) -> assertThat(times)
                .as("chunk %s before the checkpoint is not read again", chunk).isEqualTo(1L));
        assertThat(count(tenant, "ad", today.minusDays(90), today)).isEqualTo(91 * 3);
        assertThat(spend(tenant, "ad")).isEqualByComparingTo(meta.totalSpend(today.minusDays(90), today));
        assertThat(spend(tenant, "campaign")).isEqualByComparingTo(meta.totalSpend(today.minusDays(90), today));
    }

    @Test
    @Order(6)
    void aDatabaseRestartMidSyncIsRetriedAndCompletes() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        String id = connectWithAccount(bearer);
        meta.stallAfter(10, 4_000);

        String job = queue(bearer, id);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> meta.stalled());
        Server.stopPostgres(); // the answer comes while the database is down: the next checkpoint cannot be written
        meta.release();
        Thread.sleep(8_000);
        Server.startPostgres();
        awaitSucceeded(job);

        assertThat(Integer.parseInt(single("select attempts from sync_job where id = '" + job + "'")))
                .as("the run that lost its database was retried").isGreaterThanOrEqualTo(2);
        assertThat(count(tenant, "ad", today.minusDays(90), today)).isEqualTo(91 * 3);
        assertThat(spend(tenant, "ad")).isEqualByComparingTo(meta.totalSpend(today.minusDays(90), today));
    }

    @Test
    @Order(7)
    void disconnectingKeepsOrDeletesTheDataAndAnotherTenantSeesNothing() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        String id = connectWithAccount(bearer);
        awaitSucceeded(queue(bearer, id));
        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        String otherBearer = Fixture.token(other, List.of("*")).bearer();

        assertThat(call("GET", "/api/tenant/connections/" + id, otherBearer, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/tenant/connections/" + id + "/sync", otherBearer, null).statusCode())
                .isEqualTo(404);
        assertThat(array(call("GET", "/api/tenant/connections", otherBearer, null)).length()).isZero();
        assertThat(call("POST", "/api/tenant/connections", otherBearer, "{\"connector\":\"meta-ads\","
                + "\"baseUrl\":\"http://203.0.113.5:80\"}").statusCode()).as("only local stand-ins").isEqualTo(400);

        ok(call("DELETE", "/api/tenant/connections/" + id + "?keepData=false", bearer, null));

        assertThat(count(tenant, "ad", today.minusDays(90), today)).isZero();
        assertThat(Server.strings("select count(*) from connection where tenant_id = '" + tenant.id() + "'"))
                .containsExactly("0");
    }

    @Test
    @Order(8)
    void noCredentialAppearsInAnyAnswerOrLog() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        String id = connectWithAccount(bearer);
        awaitSucceeded(queue(bearer, id));
        call("GET", "/api/tenant/connections", bearer, null);
        call("GET", "/api/tenant/connections/" + id, bearer, null);
        call("GET", "/api/tenant/connections/" + id + "/runs", bearer, null);
        call("GET", "/api/tenant/connections/" + id + "/quarantine", bearer, null);
        call("GET", "/api/audit?limit=200", bearer, null);

        List<String> secrets = List.of(MetaFake.TOKEN, Server.env("CATALYST_CONNECTORS_META_ADS_CLIENT_SECRET"),
                "AQBx-consent-code");
        assertThat(ANSWERS).hasSizeGreaterThan(20);
        for (String secret : secrets) {
            assertThat(ANSWERS).noneMatch(answer -> answer.contains(secret));
        }
        try (Stream<Path> logs = Files.walk(Server.DIR.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                // a log kept from before this class (earlier runs in the same checkout) counts from where it was
                text = text.substring((int) Math.min(text.length(), LOGS_BEFORE.getOrDefault(log, 0L)));
                for (String secret : secrets) {
                    assertThat(text).as(log + " holds a credential").doesNotContain(secret);
                }
            }
        }
        assertThat(Server.strings("select credentials from connection where tenant_id = '" + tenant.id() + "'"))
                .singleElement().asString().startsWith("v1:").doesNotContain(MetaFake.TOKEN);
    }

    // ---- steps --------------------------------------------------------------------------------------------------

    private String connectWithAccount(String bearer) {
        String id = connect(bearer);
        ok(call("PATCH", "/api/tenant/connections/" + id, bearer, "{\"accounts\":[\"" + MetaFake.ACCOUNT + "\"]}"));
        return id;
    }

    /** Creates a Meta connection against the fake and walks the OAuth dance as a browser would. */
    private String connect(String bearer) {
        HttpResponse<String> created = call("POST", "/api/tenant/connections", bearer, "{\"connector\":\"meta-ads\","
                + "\"name\":\"Meta EU\",\"baseUrl\":\"" + meta.origin() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject connection = Server.json(created);
        assertThat(connection.getString("status")).isEqualTo("PENDING");
        assertThat(connection.getBoolean("authorised")).isFalse();
        String id = connection.getString("id");
        authorize(bearer, id);
        return id;
    }

    private void authorize(String bearer, String id) {
        URI consent = URI.create(Server.json(ok(call("POST", "/api/tenant/connections/" + id + "/authorize", bearer,
                null))).getString("authorizeUrl"));
        Map<String, String> query = query(consent);
        assertThat(consent.toString()).startsWith(meta.origin() + "/v");
        assertThat(consent.getPath()).endsWith("/dialog/oauth");
        assertThat(query).containsEntry("code_challenge_method", "S256").containsKey("state")
                .containsEntry("client_id", Server.env("CATALYST_CONNECTORS_META_ADS_CLIENT_ID"));

        HttpResponse<String> backToPlatform = follow(consent);
        assertThat(backToPlatform.statusCode()).isEqualTo(302);
        HttpResponse<String> landed = follow(URI.create(backToPlatform.headers().firstValue("Location").orElseThrow()));
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(303);
        assertThat(landed.headers().firstValue("Location").orElseThrow()).contains("/integrations?connection=" + id)
                .doesNotContain("error");
        String verifier = meta.verifiers().get(meta.verifiers().size() - 1);
        assertThat(s256(verifier)).as("the token exchange proved the PKCE challenge")
                .isEqualTo(query.get("code_challenge"));
        assertThat(follow(URI.create(backToPlatform.headers().firstValue("Location").orElseThrow())).statusCode())
                .as("a state is good once").isEqualTo(400);
    }

    private static String queue(String bearer, String id) {
        return Server.json(ok(call("POST", "/api/tenant/connections/" + id + "/sync", bearer, null)))
                .getString("jobId");
    }

    private static void awaitSucceeded(String job) {
        awaitStatus(job, "SUCCEEDED");
    }

    private static void awaitStatus(String job, String status) {
        String ended = Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> single("select status || ' ' || coalesce(last_error, '') from sync_job"
                        + " where id = '" + job + "'"), s -> s.startsWith("SUCCEEDED") || s.startsWith("FAILED"));
        assertThat(ended).startsWith(status);
    }

    private static long count(Fixture.Tenant tenant, String level, LocalDate from, LocalDate to) throws Exception {
        return Long.parseLong(single("select count(*) from wh_insight_daily where tenant_id = '" + tenant.id()
                + "' and level = '" + level + "' and day between '" + from + "' and '" + to + "'"));
    }

    private static BigDecimal spend(Fixture.Tenant tenant, String level) throws Exception {
        return new BigDecimal(single("select coalesce(sum(spend), 0) from wh_insight_daily where tenant_id = '"
                + tenant.id() + "' and level = '" + level + "' and source = 'meta-ads'"));
    }

    private static String single(String sql) throws Exception {
        try (Connection db = Server.superuser(); PreparedStatement query = db.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static HttpResponse<String> call(String method, String path, String bearer, String json) {
        HttpResponse<String> response = Fixture.call(method, path, bearer, json);
        ANSWERS.add(response.headers().map() + "\n" + response.body());
        return response;
    }

    private static HttpResponse<String> follow(URI uri) {
        try {
            HttpResponse<String> response = NO_REDIRECTS.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (uri.toString().startsWith(Server.BASE)) { // the platform's answers, not the provider's
                ANSWERS.add(response.headers().map() + "\n" + response.body());
            }
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
        return response;
    }

    private static JsonArray array(HttpResponse<String> response) {
        ok(response);
        return elemental.json.Json.instance().parse(response.body());
    }

    private static List<String> names(JsonArray array, String field) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            names.add(array.getObject(i).getString(field));
        }
        return names;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}

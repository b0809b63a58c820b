package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The defects an attack on the running product found (issue 11), one test each, against the real server: each
 * failed before its fix. The plugin-runtime side of defect 2 is in PluginRuntimeTest, the audit anchor (8) in its
 * own test, plugin SQL (14) in PluginDatabaseIT.
 */
class SecurityDefectsIT {

    private static final String PASSWORD = "correct horse battery staple";

    // 1 --------------------------------------------------------------------------------------------------------

    @Test
    void aMemberManagerCannotMakeThemselvesAdminNorARoleManagerARoleStrongerThanTheirs() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(acme, List.of("*")).bearer();
        assertThat(Fixture.call("POST", "/api/roles", admin, "{\"name\":\"people-lead\",\"permissions\":"
                + "[\"users:read\",\"users:manage\",\"roles:manage\"]}").statusCode()).isEqualTo(201);
        Fixture.Tenant lead = member(acme, "people-lead");
        String leadToken = Fixture.token(lead, List.of("users:read", "users:manage", "roles:manage")).bearer();

        HttpResponse<String> promoted = Fixture.call("PUT", "/api/members/" + lead.userId() + "/roles", leadToken,
                "{\"roles\":[\"tenant-admin\"]}");
        HttpResponse<String> stronger = Fixture.call("POST", "/api/roles", leadToken,
                "{\"name\":\"all-connections\",\"permissions\":[\"users:read\",\"connections:manage\"]}");
        HttpResponse<String> demoted = Fixture.call("PUT", "/api/members/" + acme.userId() + "/roles", leadToken,
                "{\"roles\":[\"viewer\"]}");
        HttpResponse<String> peer = Fixture.call("POST", "/api/roles", leadToken,
                "{\"name\":\"people-reader\",\"permissions\":[\"users:read\"]}");

        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(403);
        assertThat(promoted.body()).contains("only the company's admins can give or take the admin role");
        assertThat(stronger.statusCode()).as(stronger.body()).isEqualTo(403);
        assertThat(stronger.body()).contains("connections:manage");
        assertThat(demoted.statusCode()).as("nor demote someone stronger").isEqualTo(403);
        assertThat(peer.statusCode()).as("a role within what they hold is fine").isEqualTo(201);
        assertThat(rolesOf(acme, lead.userId())).isEqualTo("people-lead");
        assertThat(rolesOf(acme, acme.userId())).isEqualTo("tenant-admin");
    }

    @Test
    void theLastAdminCannotBeRemoved() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(acme, List.of("*")).bearer();

        HttpResponse<String> alone = Fixture.call("PUT", "/api/members/" + acme.userId() + "/roles", admin,
                "{\"roles\":[\"viewer\"]}");

        assertThat(alone.statusCode()).as(alone.body()).isEqualTo(409);
        assertThat(alone.body()).contains("at least one admin");
        Fixture.Tenant second = member(acme, "tenant-admin");
        assertThat(Fixture.call("PUT", "/api/members/" + acme.userId() + "/roles", admin, "{\"roles\":[\"viewer\"]}")
                .statusCode()).as("with another admin, stepping down works").isEqualTo(200);
        assertThat(rolesOf(acme, second.userId())).isEqualTo("tenant-admin");
    }

    // 2 --------------------------------------------------------------------------------------------------------

    @Test
    void oneTenantsBadInputToAPluginFailsThatRequestOnly() throws Exception {
        Fixture.Tenant a = tenantWithNotes();
        Fixture.Tenant b = tenantWithNotes();
        String aToken = Fixture.token(a, List.of("*")).bearer();
        String bToken = Fixture.token(b, List.of("*")).bearer();

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> bad = Fixture.call("GET", "/api/plugins/notes/notes?limit=abc", aToken, null);
            assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }

        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", bToken, null).statusCode())
                .as(Fixture::pluginStates).isEqualTo(200);
        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", aToken, null).statusCode())
                .as(Fixture::pluginStates).isEqualTo(200);
        String platform = Files.readString(Path.of(Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
        assertThat(Fixture.call("GET", "/api/platform/plugins", platform, null).body())
                .as("the plugin stays in service for everyone")
                .containsPattern("\"pluginId\":\"notes\"[^}]*\"state\":\"STARTED\"");
    }

    // 3 --------------------------------------------------------------------------------------------------------

    @Test
    void nulCharactersAreRefusedWith400WhereverInputEnters() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(acme, List.of("*")).bearer();
        UUID connection = connection(acme);

        Map<String, HttpResponse<String>> answers = Map.of(
                "profile", Fixture.call("PUT", "/api/tenant/profile", admin, "{\"name\":\"Acme\\u0000\"}"),
                "token name", Fixture.call("POST", "/api/tokens", admin,
                        "{\"name\":\"ci\\u0000\",\"permissions\":[\"tenant:read\"],\"expiresInDays\":1}"),
                "member roles", Fixture.call("PUT", "/api/members/" + acme.userId() + "/roles", admin,
                        "{\"roles\":[\"tenant-admin\",\"vie\\u0000wer\"]}"),
                "connection", Fixture.call("PATCH", "/api/tenant/connections/" + connection, admin,
                        "{\"name\":\"Meta\\u0000\"}"),
                "warehouse query", Fixture.call("GET", "/api/warehouse/insights?level=campaign%00&from=2026-01-01"
                        + "&to=2026-01-31", admin, null),
                "raw NUL byte", Fixture.call("PUT", "/api/tenant/profile", admin, "{\"name\":\"Acme\u0000\"}"));

        answers.forEach((where, answer) -> {
            assertThat(answer.statusCode()).as(where + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(where).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        });
        HttpResponse<String> manifest = yaml(platformToken(), "apiVersion: catalyst/v1\nkind: Tenant\nslug: "
                + "nul-" + acme.slug() + "\nprofile:\n  name: \"Nul\\0Corp\"\n");
        assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(400);
        assertThat(manifest.body()).contains("profile.name");
    }

    // 4 --------------------------------------------------------------------------------------------------------

    @Test
    void overLongValuesAreRefusedBeforeTheDatabaseAndNothingIsStoredWhole() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(acme, List.of("*")).bearer();
        UUID connection = connection(acme);

        HttpResponse<String> name = Fixture.call("PATCH", "/api/tenant/connections/" + connection, admin,
                "{\"name\":\"" + "m".repeat(201) + "\"}");
        HttpResponse<String> description = Fixture.call("POST", "/api/roles", admin,
                "{\"name\":\"long-story\",\"description\":\"" + "d".repeat(1_000_000) + "\",\"permissions\":"
                        + "[\"tenant:read\"]}");
        HttpResponse<String> apiKey = Fixture.call("POST", "/api/tenant/connections", admin,
                "{\"connector\":\"meta-ads\",\"apiKey\":\"" + "k".repeat(5 * 1024 * 1024) + "\"}");
        HttpResponse<String> email = yaml(platformToken(), "apiVersion: catalyst/v1\nkind: Tenant\nslug: long-"
                + acme.slug() + "\nprofile:\n  name: Long\nusers:\n  - email: " + "l".repeat(300)
                + "@example.org\n    roles: [viewer]\n");

        assertThat(name.statusCode()).as(name.body()).isEqualTo(400);
        assertThat(name.body()).contains("at most 200");
        assertThat(description.statusCode()).as(description.body()).isEqualTo(400);
        assertThat(apiKey.statusCode()).as("a 5 MB key").isEqualTo(413);
        assertThat(email.statusCode()).as(email.body()).isEqualTo(400);
        assertThat(email.body()).contains("users[0].email");
        for (HttpResponse<String> answer : List.of(name, description, apiKey, email)) {
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(Server.strings("select name from custom_role where tenant_id = '" + acme.id() + "'")).isEmpty();
    }

    // 5 --------------------------------------------------------------------------------------------------------

    @Test
    void aLockedAccountAnswersExactlyLikeAnUnknownAddress() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("viewer");
        Fixture.password(acme, PASSWORD);
        String source = "127.0.0.21";
        for (int i = 0; i < 5; i++) {
            signIn(source, acme.email(), "wrong " + i);
        }

        FromSource.Answer locked = signIn(source, acme.email(), PASSWORD);
        FromSource.Answer unknown = signIn(source, "nobody-" + acme.slug() + "@example.org", PASSWORD);

        assertThat(locked.status()).isEqualTo(unknown.status()).isEqualTo(401);
        assertThat(detail(locked)).isEqualTo(detail(unknown)).doesNotContain("lock");
        assertThat(Server.strings("select (locked_until > now())::text from app_user where id = '" + acme.userId()
                + "'")).containsExactly("true");
    }

    // 6 --------------------------------------------------------------------------------------------------------

    @Test
    void anAttackersOwnSuccessfulSignInDoesNotResetTheirAddresssFailures() throws Exception {
        Fixture.Tenant attacker = Fixture.tenant("viewer");
        Fixture.password(attacker, PASSWORD);
        String source = "127.0.0.22";
        for (int i = 0; i < 19; i++) {
            assertThat(signIn(source, "victim-" + i + "-" + attacker.slug() + "@example.org", "guess").status())
                    .isEqualTo(401);
        }
        assertThat(signIn(source, attacker.email(), PASSWORD).status()).as("their own account").isEqualTo(200);
        signIn(source, "victim-20-" + attacker.slug() + "@example.org", "guess");

        FromSource.Answer next = signIn(source, "victim-21-" + attacker.slug() + "@example.org", "guess");

        assertThat(next.status()).as(next.body()).isEqualTo(429);
        assertThat(signIn("127.0.0.23", attacker.email(), PASSWORD).status()).as("another address is unaffected")
                .isEqualTo(200);
    }

    // 9 --------------------------------------------------------------------------------------------------------

    @Test
    void oddlyEncodedPathsUnderApiAnswerProblemsWithTheSecurityHeaders() {
        for (String path : List.of("/api/%2f", "/api/%C0%AE%C0%AE/", "/api/%2e%2e/x", "/api/tenant/..%2f..%2fx")) {
            for (int twice = 0; twice < 2; twice++) { // the same refusal every time, not a cached 500 the second
                FromSource.Answer answer = FromSource.send("127.0.0.24", "GET", path, Map.of(), null);
                assertThat(answer.status()).as(path).isBetween(400, 499);
                assertThat(answer.isProblem()).as(path + " answered " + answer.header("content-type") + ": "
                        + answer.body()).isTrue();
                assertThat(answer.header("x-content-type-options")).as(path).isEqualTo("nosniff");
                assertThat(answer.header("x-frame-options")).as(path).isEqualTo("DENY");
            }
        }
        // Below the application: the web container refuses a URI it cannot decode before it picks an application,
        // so no error page, filter or setting of ours can answer. It still says 400, echoes nothing raw, and
        // carries the headers the HTTP endpoint adds (docs/security.md says to refuse these at the gateway too).
        for (String path : List.of("/api/tenant%00", "/api/x/%", "/api/x/%zz")) {
            FromSource.Answer answer = FromSource.send("127.0.0.24", "GET", path,
                    Map.of("Accept", "application/json"), null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("x-content-type-options")).as(path).isEqualTo("nosniff");
            assertThat(answer.body()).as(path).doesNotContain("%00").doesNotContain("Exception");
        }
    }

    // 10 -------------------------------------------------------------------------------------------------------

    @Test
    void pluginEnablementTakesExactlyABoolean() throws Exception {
        Fixture.Tenant acme = tenantWithNotes();
        String admin = Fixture.token(acme, List.of("*")).bearer();

        for (String body : List.of("{}", "null", "{\"enabled\":\"yes\"}", "{\"enabled\":null}", "[]",
                "{\"enabled\":false,\"extra\":1}")) {
            HttpResponse<String> answer = Fixture.call("PUT", "/api/tenant/plugins/notes/enablement", admin, body);
            assertThat(answer.statusCode()).as(body + ": " + answer.body()).isEqualTo(400);
        }
        assertThat(Server.strings("select enabled::text from tenant_plugin where tenant_id = '" + acme.id()
                + "' and plugin_id = 'notes'")).as("still enabled").containsExactly("true");
    }

    // 11 -------------------------------------------------------------------------------------------------------

    @Test
    void aShareLinkSurvivesAFailedAttemptAndItsTokenStaysOutOfTheLogs() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(acme, List.of("*")).bearer();
        UUID connection = connection(acme);
        HttpResponse<String> shared = Fixture.call("POST", "/api/tenant/connections/" + connection + "/share-link",
                admin, null);
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        URI link = URI.create(Server.json(shared).getString("url"));
        String token = link.getQuery().replace("token=", "");
        String path = link.getRawPath() + "?" + link.getRawQuery();

        HttpResponse<String> first = Server.get(path);
        assertThat(first.statusCode()).isEqualTo(303);
        String state = queryValue(URI.create(first.headers().firstValue("Location").orElseThrow()), "state");
        HttpResponse<String> declined = Server.get("/api/connect/oauth/callback?state=" + state
                + "&error=access_denied&error_description=%3Cb%3ENo%3C%2Fb%3E+%26+never", "Accept", "text/html");

        assertThat(declined.body()).contains("&lt;b&gt;No&lt;/b&gt; &amp; never").doesNotContain("&amp;lt;");
        assertThat(Server.get(path).statusCode()).as("the link still works after a declined attempt").isEqualTo(303);
        assertThat(Server.get("/api/connect/link?token=made-up").headers().firstValue("Content-Type"))
                .as("a client that is not a browser gets a problem").hasValueSatisfying(
                        t -> assertThat(t).startsWith("application/problem+json"));
        Thread.sleep(1500); // the access log is written asynchronously
        for (String log : List.of("access.log", "messages.log")) {
            assertThat(Files.readString(Server.DIR.resolve("logs").resolve(log))).as(log).doesNotContain(token);
        }
    }

    // 12 -------------------------------------------------------------------------------------------------------

    @Test
    void aManifestOfSeveralDocumentsOrInJsonIsRefused() throws Exception {
        String one = "apiVersion: catalyst/v1\nkind: Tenant\nslug: multi-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\nprofile:\n  name: Multi\n";
        HttpResponse<String> two = yaml(platformToken(), one + "---\n" + one.replace("multi-", "second-"));
        HttpResponse<String> json = Server.send(HttpRequest.newBuilder(URI.create(Server.BASE
                        + "/api/platform/manifests")).header("Authorization", "Bearer " + platformToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"apiVersion\":\"catalyst/v1\",\"kind\":\"Tenant\",\"slug\":\"json-x\"}")).build());

        assertThat(two.statusCode()).as(two.body()).isEqualTo(400);
        assertThat(two.body()).contains("more than one YAML document");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(415);
        assertThat(Server.strings("select slug from tenant where slug like 'multi-%' or slug like 'second-%'"
                + " or slug = 'json-x'")).isEmpty();
    }

    // 13 -------------------------------------------------------------------------------------------------------

    @Test
    void healthShowsNoReasonsAndMetricsIsClosedAndBothCarryTheSecurityHeaders() {
        HttpResponse<String> health = Server.get("/health");
        HttpResponse<String> metrics = Server.get("/metrics");
        HttpResponse<String> openapi = Server.get("/openapi");

        assertThat(health.body()).doesNotContain("Exception").doesNotContain("threw");
        // closed: Liberty sends an anonymous caller to HTTPS and demands an administrator there
        assertThat(metrics.statusCode()).as("metrics are closed by default").isIn(302, 401, 403);
        assertThat(metrics.body()).doesNotContain("# TYPE");
        for (HttpResponse<String> answer : List.of(health, metrics, openapi)) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(answer.uri().toString())
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(answer.uri().toString()).hasValue("DENY");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Another person in the tenant, with these roles; their "tenant" record carries their own user id. */
    private static Fixture.Tenant member(Fixture.Tenant tenant, String roles) throws Exception {
        Fixture.Tenant other = Fixture.tenant("viewer");
        Fixture.join(other, tenant, roles);
        return new Fixture.Tenant(tenant.id(), tenant.slug(), other.userId(), other.email());
    }

    private static String rolesOf(Fixture.Tenant tenant, UUID userId) throws Exception {
        return Server.strings("select roles from membership where tenant_id = '" + tenant.id() + "' and user_id = '"
                + userId + "'").get(0);
    }

    private static Fixture.Tenant tenantWithNotes() throws Exception {
        byte[] notes = Files.readAllBytes(Path.of(System.getProperty("catalyst.notes.plugin",
                "../plugins/features/notes/target/notes-plugin.jar")));
        HttpResponse<String> installed = Fixture.installPlugin(notes);
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(Server.json(installed).getString("state")).as(installed.body()).isEqualTo("STARTED");
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(tenant, List.of("*")).bearer();
        assertThat(Fixture.call("PUT", "/api/tenant/plugins/notes/enablement", admin, "{\"enabled\":true}")
                .statusCode()).isEqualTo(200);
        return tenant;
    }

    private static UUID connection(Fixture.Tenant tenant) throws Exception {
        byte[] meta = Files.readAllBytes(Path.of(System.getProperty("catalyst.meta.plugin",
                "../plugins/connectors/meta-ads/target/meta-ads-plugin.jar")));
        assertThat(Fixture.installPlugin(meta).statusCode()).isIn(200);
        String admin = Fixture.token(tenant, List.of("*")).bearer();
        HttpResponse<String> created = Fixture.call("POST", "/api/tenant/connections", admin,
                "{\"connector\":\"meta-ads\",\"name\":\"Meta\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(Server.json(created).getString("id"));
    }

    private static String platformToken() throws Exception {
        return Files.readString(Path.of(Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
    }

    private static HttpResponse<String> yaml(String platform, String manifest) {
        return Server.send(HttpRequest.newBuilder(URI.create(Server.BASE + "/api/platform/manifests"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + platform)
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(manifest))
                .build());
    }

    private static FromSource.Answer signIn(String source, String email, String password) {
        return FromSource.send(source, "POST", "/api/auth/token", Map.of("Content-Type", "application/json"),
                ("{\"email\":" + ApiFuzzIT.json(email) + ",\"password\":" + ApiFuzzIT.json(password) + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String detail(FromSource.Answer answer) {
        JsonObject problem = elemental.json.Json.parse(answer.body());
        return problem.getString("detail");
    }

    private static String queryValue(URI uri, String name) {
        for (String part : uri.getRawQuery().split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}

package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant-as-code against the real server: a manifest creates a tenant with its roles and people (an agency account
 * joins, a new address is invited by real mail), applying again changes nothing, export then apply is a no-op, a bad
 * manifest changes nothing, and {@code ./catalyst tenants} drives the same API with the operator token.
 */
class TenantManifestIT {

    private static GreenMail smtp;
    private static String platformToken;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(Server.env("CATALYST_SMTP_PORT")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        platformToken = Files.readString(Path.of(Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void aManifestCreatesTheTenantOnceAndThenChangesNothing() throws Exception {
        Fixture.Tenant agency = Fixture.tenant("tenant-admin");
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String invitee = "new-admin@" + slug + ".example";
        String manifest = manifest(slug, "Manifest Co", agency.email(), invitee, "42.5");

        HttpResponse<String> created = apply(manifest, platformToken);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(changes(created)).contains("created the tenant", "locale", "plan", "goals",
                "created role media-buyer", "added " + agency.email(), "invited " + invitee, "marked onboarded");
        assertThat(Server.strings("select name || '|' || timezone || '|' || currency || '|' || plan || '|' || quota_users"
                + " || '|' || target_cpa || '|' || (onboarded_at is not null) from tenant where slug = '" + slug + "'"))
                .containsExactly("Manifest Co|America/New_York|USD|growth|12|42.50|true");
        String tenantId = Server.strings("select id from tenant where slug = '" + slug + "'").get(0);
        assertThat(Server.strings("select roles from membership where tenant_id = '" + tenantId + "'"))
                .containsExactly("analyst");
        assertThat(Server.strings("select permissions from custom_role where tenant_id = '" + tenantId + "'"))
                .containsExactly("connections:manage,dashboards:read");
        assertThat(Server.strings("select email || ':' || roles from invitation where tenant_id = '" + tenantId + "'"))
                .containsExactly(invitee + ":tenant-admin");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessagesForDomain(slug + ".example")).hasSize(1);
        List<String> audit = Server.strings("select action from audit_event where tenant_id = '" + tenantId + "'");
        assertThat(audit).contains("identity.role.created", "identity.membership.granted",
                "identity.invitation.sent", "tenancy.plan.changed");

        HttpResponse<String> again = apply(manifest, platformToken);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(changes(again)).isEmpty();
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + tenantId + "'"))
                .hasSameSizeAs(audit);
        assertThat(smtp.getReceivedMessagesForDomain(slug + ".example")).as("no second invitation").hasSize(1);

        HttpResponse<String> exported = Fixture.call("GET", "/api/platform/manifests/" + slug, platformToken, null);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/yaml"));
        assertThat(exported.body()).contains("slug: " + slug, "name: media-buyer", invitee, agency.email());
        assertThat(changes(apply(exported.body(), platformToken))).as("export, then apply").isEmpty();

        HttpResponse<String> changed = apply(manifest.replace("targetCpa: 42.5", "targetCpa: 40"), platformToken);
        assertThat(changes(changed)).containsExactly("goals");
    }

    @Test
    void aBadManifestIsRefusedWithEveryMistakeAndChangesNothing() throws Exception {
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = manifest(slug, "Bad Co", "not-an-email", "x@" + slug + ".example", "-3")
                .replace("dashboards:read", "dashboards:fly");

        HttpResponse<String> refused = apply(bad, platformToken);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = Server.json(refused);
        assertThat(problem.getString("type")).isEqualTo("urn:catalyst:problem:validation-failed");
        assertThat(fields(problem)).contains("users[0].email", "goals.targetCpa");

        HttpResponse<String> unknownPermission = apply(manifest(slug, "Bad Co", "a@" + slug + ".example",
                "b@" + slug + ".example", "1").replace("dashboards:read", "dashboards:fly"), platformToken);
        assertThat(unknownPermission.statusCode()).isEqualTo(400);
        assertThat(fields(Server.json(unknownPermission))).containsExactly("roles[0].permissions");

        HttpResponse<String> notYaml = apply("slug: [unclosed", platformToken);
        assertThat(notYaml.statusCode()).isEqualTo(400);
        assertThat(Server.json(notYaml).getString("detail")).contains("line");

        assertThat(Server.strings("select id from tenant where slug = '" + slug + "'")).isEmpty();
    }

    @Test
    void aStepThatFailsLateUndoesTheWholeManifest() throws Exception {
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 8);
        smtp.stop(); // the invitation, the last step, cannot be sent
        try {
            HttpResponse<String> failed = apply(manifest(slug, "Late Co", "first@" + slug + ".example",
                    "second@" + slug + ".example", "1"), platformToken);

            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
            assertThat(Server.json(failed).getString("detail")).startsWith("users[");
        } finally {
            smtp.start();
        }
        assertThat(Server.strings("select id from tenant where slug = '" + slug + "'")).isEmpty();
        assertThat(Server.strings("select count(*) from audit_event where after_state::text like '%" + slug + "%'"))
                .as("the tenant's creation was audited in the same transaction, so undone with it")
                .containsExactly("0");
    }

    @Test
    void onlyAPlatformTokenMayApply() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String tenantAdmin = Fixture.token(tenant, List.of("*")).bearer();
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String manifest = manifest(slug, "Nope Co", tenant.email(), "y@" + slug + ".example", "1");

        assertThat(apply(manifest, tenantAdmin).statusCode()).isEqualTo(403);
        assertThat(apply(manifest, null).statusCode()).isEqualTo(401);
        assertThat(Fixture.call("GET", "/api/platform/manifests/" + tenant.slug(), tenantAdmin, null).statusCode())
                .isEqualTo(403);
        assertThat(Fixture.call("GET", "/api/tenant", platformToken, null).statusCode())
                .as("a platform token does no tenant's work").isEqualTo(403);
        assertThat(Fixture.call("GET", "/api/platform/manifests/no-such-slug", platformToken, null).statusCode())
                .isEqualTo(404);
        assertThat(Server.strings("select id from tenant where slug = '" + slug + "'")).isEmpty();
    }

    @Test
    void theLauncherAppliesAndExportsManifests() throws Exception {
        Fixture.Tenant agency = Fixture.tenant("viewer");
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("manifest", ".yaml");
        Path exported = Files.createTempFile("exported", ".yaml");
        Files.writeString(file, manifest(slug, "Launcher Co", agency.email(), "z@" + slug + ".example", "7"));
        Map<String, String> env = Map.of("CATALYST_URL", Server.BASE);

        String first = Server.launcher(env, "tenants", "apply", file.toString());
        String second = Server.launcher(env, "tenants", "apply", file.toString());
        String export = Server.launcher(env, "tenants", "export", slug, exported.toString());
        Files.writeString(file, "apiVersion: catalyst/v1\nkind: Tenant\nslug: " + slug + "\nprofile: {name: X}\n"
                + "users:\n  - {email: broken, roles: [viewer]}\n");
        String refused = Server.launcher(env, "tenants", "apply", file.toString());

        assertThat(first).startsWith("0:").contains("tenant " + slug + " created", "invited z@" + slug);
        assertThat(second).startsWith("0:").contains("no changes, already up to date");
        assertThat(export).startsWith("0:");
        assertThat(Files.readString(exported)).startsWith("apiVersion: catalyst/v1").contains("slug: " + slug);
        assertThat(refused).startsWith("1:").contains("refused (400)", "users[0].email:");
    }

    private static String manifest(String slug, String name, String agencyEmail, String inviteeEmail, String cpa) {
        return """
                apiVersion: catalyst/v1
                kind: Tenant
                slug: %s
                profile:
                  name: %s
                  primaryColor: "#123abc"
                locale: {timezone: America/New_York, currency: USD}
                plan:
                  name: growth
                  quotas: {users: 12}
                goals:
                  targetCpa: %s
                roles:
                  - name: media-buyer
                    permissions: [dashboards:read, connections:manage]
                users:
                  - email: %s
                    roles: [analyst]
                  - email: %s
                    roles: [tenant-admin]
                """.formatted(slug, name, cpa, agencyEmail, inviteeEmail);
    }

    private static HttpResponse<String> apply(String yaml, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Server.BASE + "/api/platform/manifests"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return Server.send(request.build());
    }

    private static List<String> changes(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        JsonArray changes = Server.json(response).getArray("changes");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < changes.length(); i++) {
            list.add(changes.getString(i));
        }
        return list;
    }

    private static List<String> fields(JsonObject problem) {
        JsonArray errors = problem.getArray("errors");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < errors.length(); i++) {
            list.add(errors.getObject(i).getString("field"));
        }
        return list;
    }
}

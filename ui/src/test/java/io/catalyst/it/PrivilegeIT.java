package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonArray;
import io.catalyst.it.ApiOperations.Operation;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every secured operation of {@code /openapi} (plugin endpoints through the plugin route, with the notes plugin
 * enabled), and for every permission of the registry: a token holding every permission but that one. An operation
 * must answer 403 to the tokens that lack what it needs, naming the permission, and must need something; with every
 * permission it must not answer 403. Ids match nothing, so no call changes anything it could reach.
 */
class PrivilegeIT {

    private static Fixture.Tenant tenant;
    private static List<String> registry;
    private static final Map<String, String> allBut = new LinkedHashMap<>();
    private static String all;

    @BeforeAll
    static void aTenantWithTheNotesPluginAndATokenPerMissingPermission() throws Exception {
        byte[] notes = Files.readAllBytes(Path.of(System.getProperty("catalyst.notes.plugin",
                "../plugins/features/notes/target/notes-plugin.jar")));
        assertThat(Fixture.installPlugin(notes).statusCode()).isEqualTo(200);
        tenant = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(tenant, List.of("*")).bearer();
        assertThat(Fixture.call("PUT", "/api/tenant/plugins/notes/enablement", admin, "{\"enabled\":true}")
                .statusCode()).isEqualTo(200);
        JsonArray permissions = (JsonArray) elemental.json.Json.instance()
                .parse(Fixture.call("GET", "/api/roles/permissions", admin, null).body());
        registry = new ArrayList<>();
        for (int i = 0; i < permissions.length(); i++) {
            registry.add(permissions.getObject(i).getString("name"));
        }
        assertThat(registry).contains("users:manage", "notes:read");
        all = Fixture.token(tenant, registry).bearer();
        for (String missing : registry) {
            allBut.put(missing, Fixture.token(tenant, registry.stream().filter(p -> !p.equals(missing)).toList())
                    .bearer());
        }
    }

    @Test
    void everySecuredOperationNeedsAPermissionAndRefusesATokenWithoutIt() {
        // the plugin route reaches what plugins offer: the notes plugin answers GET and POST, nothing else
        List<Operation> operations = ApiOperations.all().stream()
                .filter(o -> o.secured() && !o.platform())
                .filter(o -> !o.path().startsWith("/api/plugins/") || List.of("GET", "POST").contains(o.method()))
                .toList();
        List<String> problems = new ArrayList<>();
        int requests = 0;
        Map<String, List<String>> needs = new LinkedHashMap<>();
        for (Operation operation : operations) {
            String path = fill(operation);
            HttpResponse<String> everything = send(operation, path, all);
            requests++;
            if (everything.statusCode() == 403 || everything.statusCode() >= 500) {
                problems.add(operation + " with every permission answered " + everything.statusCode() + ": "
                        + everything.body());
            }
            List<String> needed = new ArrayList<>();
            for (Map.Entry<String, String> token : allBut.entrySet()) {
                HttpResponse<String> without = send(operation, path, token.getValue());
                requests++;
                if (without.statusCode() == 403) {
                    needed.add(token.getKey());
                    if (!without.body().contains(token.getKey())) {
                        problems.add(operation + " refused a token without " + token.getKey()
                                + " without naming it: " + without.body());
                    }
                } else if (without.statusCode() >= 500) {
                    problems.add(operation + " without " + token.getKey() + " answered " + without.statusCode());
                }
            }
            if (needed.isEmpty()) {
                problems.add(operation + " answered every token: it needs no permission");
            }
            needs.put(operation.toString(), needed);
        }
        System.out.println("PrivilegeIT: " + operations.size() + " operations, " + registry.size()
                + " permissions, " + requests + " requests; each operation needs " + needs);
        assertThat(problems).isEmpty();
        assertThat(needs.get("PUT /api/members/{userId}/roles")).containsExactly("users:manage");
        // the plugin route itself needs tenant:read, and each plugin endpoint its own permission on top
        assertThat(needs.get("GET /api/plugins/{pluginId}/{path}")).containsExactlyInAnyOrder("tenant:read",
                "notes:read");
        assertThat(needs.get("POST /api/plugins/{pluginId}/{path}")).containsExactlyInAnyOrder("tenant:read",
                "notes:write");
    }

    @Test
    void platformOperationsRefuseEveryTenantToken() throws Exception {
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Operation operation : ApiOperations.all()) {
            if (!operation.platform() || !operation.secured()) {
                continue;
            }
            HttpResponse<String> answer = send(operation, fill(operation), all);
            requests++;
            if (answer.statusCode() != 403) {
                problems.add(operation + " answered a tenant's all-permission token with " + answer.statusCode());
            }
        }
        System.out.println("PrivilegeIT: " + requests + " platform operations refused tenant tokens");
        assertThat(requests).isPositive();
        assertThat(problems).isEmpty();
        String platform = Files.readString(Path.of(Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
        assertThat(Fixture.call("GET", "/api/tenant", platform, null).statusCode())
                .as("and a platform token does no tenant's work").isEqualTo(403);
    }

    private static String fill(Operation operation) {
        return ApiFuzzIT.fill(operation, null); // the same ids a well-meaning client sends: they match nothing
    }

    // JSON operations get an empty object; others (a jar, a logo) a byte of their declared type, so the request
    // reaches the permission check rather than stopping at 415
    private static HttpResponse<String> send(Operation operation, String path, String bearer) {
        if (operation.json() || operation.bodyTypes().isEmpty()) {
            return Fixture.call(operation.method(), path, bearer, operation.json() ? "{}" : null);
        }
        return Server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Server.BASE + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", operation.bodyTypes().get(0))
                .method(operation.method(), java.net.http.HttpRequest.BodyPublishers.ofString("x")).build());
    }
}

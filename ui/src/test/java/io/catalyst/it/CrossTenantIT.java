package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every REST operation the server publishes in its OpenAPI document, as tenant B's all-powerful admin, with
 * tenant A's ids. Each answers 404 for A's objects and shows nothing of A elsewhere, and nothing of A changes. A new
 * endpoint cannot skip this: it is found in the OpenAPI document, and an id parameter this test cannot fill fails it.
 */
class CrossTenantIT {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static Fixture.Tenant a;
    private static Fixture.Tenant b;
    private static Fixture.Token aToken;
    private static String bAdmin;
    private static String aState;
    private static UUID aConnection;
    private static UUID aShare;

    @BeforeAll
    static void twoTenants() throws Exception {
        a = Fixture.tenant("tenant-admin");
        b = Fixture.tenant("tenant-admin");
        aToken = Fixture.token(a, List.of("tenant:read"));
        bAdmin = Fixture.token(b, List.of("*")).bearer();
        aConnection = UUID.randomUUID();
        aShare = UUID.randomUUID();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("insert into connection (tenant_id, id, connector, name, status) values ('" + a.id() + "', '"
                    + aConnection + "', 'meta-ads', 'A''s Meta', 'PAUSED')");
            // A's custom metric, read-only link and a contact that names A, for the metrics and sharing operations
            sql.execute("insert into metric_custom (tenant_id, name, label, formula, format) values ('" + a.id()
                    + "', 'a_only', 'A only', 'spend / leads', 'MONEY')");
            sql.execute("insert into dashboard_share (tenant_id, id, token_hash, plugin_id, route, title, expires_at)"
                    + " values ('" + a.id() + "', '" + aShare + "', 'a-hash', 'dashboards', 'overview', 'A',"
                    + " now() + interval '1 day')");
            // A's notification and webhook carry the id the walk puts into every {id}
            sql.execute("insert into notification (tenant_id, id, user_id, source, kind, title, message) values ('"
                    + a.id() + "', '" + aToken.id() + "', '" + a.userId() + "', 'core', 'a.only', 'A only', 'A')");
            sql.execute("insert into notification_webhook (tenant_id, id, name, url, secret) values ('" + a.id()
                    + "', '" + aToken.id() + "', 'A hook', 'https://a.example/hook', 'sealed')");
            // A's open invitation carries that id too, for resending and taking back
            sql.execute("insert into invitation (tenant_id, id, email, roles, token_hash, expires_at) values ('"
                    + a.id() + "', '" + aToken.id() + "', 'invitee@a.example', 'viewer', 'a-invitation-hash',"
                    + " now() + interval '7 days')");
            sql.execute("insert into wh_contact (tenant_id, source, external_id, email, loaded_at) values ('"
                    + a.id() + "', 'hubspot', 'a1', '" + a.email() + "', now() - interval '1 hour')");
            // A's AI use: B's usage screen and API must not show it, nor count it
            sql.execute("insert into ai_usage (tenant_id, month, plugin_id, user_id, calls, input_tokens, output_tokens)"
                    + " values ('" + a.id() + "', date_trunc('month', now())::date, 'assistant', '" + a.userId()
                    + "', 3, 900000, 100000)");
        }
        aState = stateOf(a);
    }

    @Test
    void everyOperationKeepsTenantAOutOfTenantBsReach() throws Exception {
        // plugin ids are global, not tenant A's: one that is not installed shows that nothing answers for it
        Map<String, String> idsOfA = Map.of("userId", a.userId().toString(), "id", aToken.id().toString(),
                "slug", a.slug(), "pluginId", "not-installed", "path", "anything", "version", "0.0.1",
                "connectionId", aConnection.toString(), "name", "a_only", "shareId", aShare.toString(),
                "kind", "contacts");
        JsonObject paths = Server.json(Server.get("/openapi", "Accept", "application/json")).getObject("paths");
        List<String> covered = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        for (String path : paths.keys()) {
            JsonObject operations = paths.getObject(path);
            for (String method : operations.keys()) {
                if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    continue;
                }
                boolean secured = operations.getObject(method).hasKey("security");
                if (!secured) {
                    continue; // public operations hold no tenant data; SystemApiIT covers them
                }
                String concrete = fill(path, idsOfA, problems);
                if (concrete == null) {
                    continue;
                }
                HttpResponse<String> response = path.equals("/api/platform/manifests")
                        ? Server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Server.BASE + path))
                                .header("Authorization", "Bearer " + bAdmin).header("Content-Type", "application/yaml")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("kind: Tenant\n")).build())
                        : Fixture.call(method.toUpperCase(), concrete, bAdmin,
                                method.equals("get") || method.equals("delete") ? null : bodyFor(path));
                String operation = method.toUpperCase() + " " + path;
                covered.add(operation);
                if (path.startsWith("/api/platform/")) {
                    // platform operations take platform tokens only: a tenant's token is refused before any lookup
                    if (response.statusCode() != 403) {
                        problems.add(operation + " with a tenant's token answered " + response.statusCode());
                    }
                } else if (OWN_NAMESPACE.contains(operation)) {
                    // B's own object of the same name or kind: what matters is that A's is untouched and unseen
                    if (response.statusCode() >= 300 && response.statusCode() != 404) {
                        problems.add(operation + " answered " + response.statusCode() + ": " + response.body());
                    }
                } else if (!concrete.equals(path) && response.statusCode() != 404) {
                    problems.add(operation + " with A's ids answered " + response.statusCode() + ": "
                            + response.body());
                }
                String shown = response.body().replace(concrete, ""); // a 404 names the path it was asked for
                for (String secret : List.of(a.id().toString(), a.userId().toString(), a.slug(), a.email(),
                        "A only")) {
                    if (shown.contains(secret)) {
                        problems.add(operation + " showed tenant A's " + secret);
                    }
                }
            }
        }

        assertThat(problems).isEmpty();
        // B's AI credits count B's calls only
        assertThat(Json.parse(Fixture.call("GET", "/api/tenant/ai", bAdmin, null).body()).getObject("credits")
                .getNumber("used")).isZero();
        assertThat(covered).contains("GET /api/tenant/ai", "GET /api/platform/ai/tenants/{slug}",
                "PUT /api/platform/ai/tenants/{slug}");
        assertThat(covered).contains("GET /api/tenant", "GET /api/members", "GET /api/members/{userId}",
                "PUT /api/members/{userId}/roles", "DELETE /api/tokens/{id}", "GET /api/audit",
                "DELETE /api/tenant/connections/{connectionId}", "POST /api/tenant/connections/{connectionId}/sync",
                "GET /api/tenant/metrics/custom/{name}", "DELETE /api/tenant/metrics/custom/{name}",
                "DELETE /api/tenant/shares/{shareId}", "POST /api/tenant/metrics/query");
        assertThat(stateOf(a)).as("tenant A after the walk").isEqualTo(aState);
        System.out.println("CrossTenantIT covered " + covered.size() + " operations: " + covered);
    }

    /** A plugin's objects answer 404 to another company too: the recommendations plugin's, by their ids. */
    @Test
    void anotherCompanysRecommendationsAreNotFound() throws Exception {
        HttpResponse<String> installed = Fixture.installPlugin(Files.readAllBytes(Path.of(
                "../plugins/features/recommendations/target/recommendations-plugin.jar")));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        String aAdmin = Fixture.token(a, List.of("*")).bearer();
        for (String admin : List.of(aAdmin, bAdmin)) {
            assertThat(Fixture.call("PUT", "/api/tenant/plugins/recommendations/enablement", admin,
                    "{\"enabled\":true}").statusCode()).isEqualTo(200);
        }
        UUID reco = UUID.randomUUID();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("insert into plugin_recommendations.recommendation (tenant_id, id, kind, channel, level, entity,"
                    + " entity_label, status, title, body, phrased_by, facts, evidence, impact, impact_unit,"
                    + " impact_label, confidence, confidence_note) values ('" + a.id() + "', '" + reco + "',"
                    + " 'cpa-over-target', 'meta-ads', 'campaign', 'meta-ads:c1', 'A only campaign', 'OPEN',"
                    + " 'A only: CPA over target', 'Lower the bids.', 'template', '{}', '{}', 100, 'money', '100',"
                    + " 0.9, 'enough conversions')");
        }
        String base = "/api/plugins/recommendations/recommendations";
        assertThat(Fixture.call("GET", base + "/" + reco, aAdmin, null).statusCode()).isEqualTo(200);

        List<String> problems = new ArrayList<>();
        for (String[] call : new String[][] {{"GET", "", null}, {"POST", "/accept", "{\"task\":false}"},
                {"POST", "/dismiss", "{\"reason\":\"not-relevant\"}"},
                {"POST", "/snooze", "{\"until\":\"" + java.time.LocalDate.now().plusDays(7) + "\"}"}}) {
            HttpResponse<String> answer = Fixture.call(call[0], base + "/" + reco + call[1], bAdmin, call[2]);
            if (answer.statusCode() != 404 || answer.body().contains("A only")) {
                problems.add(call[0] + " " + call[1] + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Fixture.call("GET", base, bAdmin, null).body()).doesNotContain("A only", reco.toString());
        assertThat(Server.strings("select status from plugin_recommendations.recommendation where id = '" + reco
                + "'")).containsExactly("OPEN");
    }

    private static String fill(String path, Map<String, String> ids, List<String> problems) {
        Matcher parameter = PARAMETER.matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (parameter.find()) {
            String id = ids.get(parameter.group(1));
            if (id == null) {
                problems.add(path + ": CrossTenantIT has no tenant-A value for {" + parameter.group(1) + "}; add one");
                return null;
            }
            parameter.appendReplacement(concrete, id);
        }
        parameter.appendTail(concrete);
        return concrete.toString();
    }

    /**
     * Operations whose path names something per tenant rather than an object id: B gets its own (a metric of the
     * same name, its own contacts).
     */
    private static final java.util.Set<String> OWN_NAMESPACE = java.util.Set.of(
            "GET /api/tenant/metrics/custom/{name}", "PUT /api/tenant/metrics/custom/{name}",
            "DELETE /api/tenant/metrics/custom/{name}", "GET /api/tenant/metrics/records/{kind}");

    private static String bodyFor(String path) {
        if (path.startsWith("/api/tenant/metrics/custom/")) {
            return "{\"label\":\"B's own\",\"formula\":\"clicks\"}";
        }
        if (path.startsWith("/api/platform/plugins")) {
            return null; // a jar upload, not JSON: without a body the request reaches the token check
        }
        if (path.endsWith("/enablement")) {
            return "{\"enabled\":false}"; // a valid body, so that only the lookup can refuse it
        }
        if (path.endsWith("/roles")) {
            return "{\"roles\":[\"viewer\"]}";
        }
        if (path.equals("/api/tokens")) {
            return "{\"name\":\"cross-tenant walk\",\"permissions\":[\"tenant:read\"],\"expiresInDays\":1}";
        }
        return "{}";
    }

    // Everything of A that an operation could change: memberships, tokens, roles, audit entries.
    private static String stateOf(Fixture.Tenant tenant) throws Exception {
        UUID id = tenant.id();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("select"
                     + " (select string_agg(user_id || ':' || roles, ',' order by user_id) from membership"
                     + "   where tenant_id = '" + id + "'),"
                     + " (select string_agg(id || ':' || coalesce(revoked_at::text, '-'), ',' order by id)"
                     + "   from api_token where tenant_id = '" + id + "'),"
                     + " (select count(*) from audit_event where tenant_id = '" + id + "'),"
                     + " (select name || status from tenant where id = '" + id + "'),"
                     + " (select string_agg(id || ':' || name || ':' || status || ':' || accounts::text, ',' order by id)"
                     + "   from connection where tenant_id = '" + id + "'),"
                     + " (select count(*) from sync_job where tenant_id = '" + id + "'),"
                     + " (select string_agg(name || ':' || formula, ',' order by name) from metric_custom"
                     + "   where tenant_id = '" + id + "'),"
                     + " (select string_agg(id || ':' || coalesce(revoked_at::text, '-'), ',' order by id)"
                     + "   from dashboard_share where tenant_id = '" + id + "'),"
                     + " (select string_agg(id || ':' || coalesce(read_at::text, '-'), ',' order by id)"
                     + "   from notification where tenant_id = '" + id + "'),"
                     + " (select string_agg(id || ':' || url, ',' order by id) from notification_webhook"
                     + "   where tenant_id = '" + id + "'),"
                     + " (select string_agg(id || ':' || token_hash || ':' || expires_at::text, ',' order by id)"
                     + "   from invitation where tenant_id = '" + id + "'),"
                     + " (select sum(calls) || ':' || sum(input_tokens) from ai_usage where tenant_id = '" + id + "')")) {
            row.next();
            return row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|" + row.getString(4)
                    + "|" + row.getString(5) + "|" + row.getString(6) + "|" + row.getString(7) + "|"
                    + row.getString(8) + "|" + row.getString(9) + "|" + row.getString(10) + "|" + row.getString(11)
                    + "|" + row.getString(12);
        }
    }
}

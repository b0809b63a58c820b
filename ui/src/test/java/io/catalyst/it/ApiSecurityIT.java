package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API takes verified bearer tokens only, and each operation's declared permission. */
class ApiSecurityIT {

    private static Fixture.Tenant acme;

    @BeforeAll
    static void tenant() throws Exception {
        acme = Fixture.tenant("tenant-admin");
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemWithAChallenge() {
        HttpResponse<String> response = Fixture.call("GET", "/api/tenant", null, null);

        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                assertThat(v).startsWith("Bearer"));
    }

    @Test
    void cookiesAreNeverAcceptedInsteadOfAToken() {
        HttpResponse<String> response = Server.get("/api/tenant", "Cookie", "JSESSIONID=whatever");

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void forgedExpiredAndGarbageTokensAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPrivateKey stranger = (ECPrivateKey) generator.generateKeyPair().getPrivate();

        String forged = Fixture.token(acme, List.of("*"), Duration.ofDays(1), stranger).bearer();
        String expired = Fixture.token(acme, List.of("*"), Duration.ofSeconds(-5), Fixture.signingKey()).bearer();

        assertProblem(Fixture.call("GET", "/api/tenant", forged, null), 401, "unauthorized");
        assertProblem(Fixture.call("GET", "/api/tenant", expired, null), 401, "unauthorized");
        assertProblem(Fixture.call("GET", "/api/tenant", "not-a-jwt", null), 401, "unauthorized");
    }

    @Test
    void aTokenReadsItsOwnTenant() throws Exception {
        String token = Fixture.token(acme, List.of("tenant:read")).bearer();

        HttpResponse<String> response = Fixture.call("GET", "/api/tenant", token, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject tenant = Server.json(response);
        assertThat(tenant.getString("id")).isEqualTo(acme.id().toString());
        assertThat(tenant.getString("slug")).isEqualTo(acme.slug());
        assertThat(tenant.getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aTokenDoesNoMoreThanItsPermissions() throws Exception {
        String token = Fixture.token(acme, List.of("tenant:read")).bearer();

        assertProblem(Fixture.call("GET", "/api/members", token, null), 403, "forbidden");
    }

    @Test
    void aPersonalTokenDoesNoMoreThanItsUserMayToday() throws Exception {
        Fixture.Tenant globex = Fixture.tenant("tenant-admin");
        String token = Fixture.token(globex, List.of("users:read")).bearer();
        assertThat(Fixture.call("GET", "/api/members", token, null).statusCode()).isEqualTo(200);

        Fixture.setRoles(globex, "viewer");

        assertProblem(Fixture.call("GET", "/api/members", token, null), 403, "forbidden");
    }

    @Test
    void aDisabledAccountsPersonalTokensDoNothing() throws Exception {
        Fixture.Tenant initech = Fixture.tenant("tenant-admin");
        String token = Fixture.token(initech, List.of("tenant:read")).bearer();
        assertThat(Fixture.call("GET", "/api/tenant", token, null).statusCode()).isEqualTo(200);

        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("update app_user set status = 'DISABLED' where id = '" + initech.userId() + "'");
        }

        assertProblem(Fixture.call("GET", "/api/tenant", token, null), 403, "forbidden");
    }

    @Test
    void serviceTokensAreIssuedOnceStoredHashedAndRevocable() throws Exception {
        String admin = Fixture.token(acme, List.of("tokens:manage", "users:read", "tenant:read")).bearer();

        HttpResponse<String> issued = Fixture.call("POST", "/api/tokens", admin,
                "{\"name\":\"reporting\",\"permissions\":[\"users:read\"],\"expiresInDays\":30}");

        assertThat(issued.statusCode()).isEqualTo(201);
        String secret = Server.json(issued).getString("token");
        String id = Server.json(issued).getObject("details").getString("id");
        assertThat(Fixture.call("GET", "/api/members", secret, null).statusCode()).isEqualTo(200);
        assertProblem(Fixture.call("GET", "/api/tenant", secret, null), 403, "forbidden");
        assertThat(Fixture.call("GET", "/api/tokens", admin, null).body()).contains(id).doesNotContain(secret);
        try (Connection db = Server.superuser(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("select token_hash from api_token where id = '" + id + "'")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(Fixture.sha256(secret)).doesNotContain(secret);
        }

        assertThat(Fixture.call("DELETE", "/api/tokens/" + id, admin, null).statusCode()).isEqualTo(204);

        assertProblem(Fixture.call("GET", "/api/members", secret, null), 401, "unauthorized");
    }

    @Test
    void aTokenCannotHandOnWhatItDoesNotHold() throws Exception {
        String admin = Fixture.token(acme, List.of("tokens:manage")).bearer();

        HttpResponse<String> response = Fixture.call("POST", "/api/tokens", admin,
                "{\"name\":\"sneaky\",\"permissions\":[\"users:manage\"]}");

        assertProblem(response, 400, "validation-failed");
        assertThat(Server.json(response).getArray("errors").getObject(0).getString("field")).isEqualTo("permissions");
    }

    @Test
    void badInputIsAClearProblemAndNothingIsCreated() throws Exception {
        String admin = Fixture.token(acme, List.of("tokens:manage")).bearer();
        int before = Fixture.call("GET", "/api/tokens", admin, null).body().split("\"id\"").length;

        assertProblem(Fixture.call("POST", "/api/tokens", admin, "{\"name\": "), 400, "malformed-request");
        assertProblem(Fixture.call("POST", "/api/tokens", admin, "{\"name\":\"\",\"permissions\":[]}"), 400,
                "validation-failed");

        assertThat(Fixture.call("GET", "/api/tokens", admin, null).body().split("\"id\"")).hasSize(before);
    }

    @Test
    void changingRolesIsValidatedAndAudited() throws Exception {
        Fixture.Tenant initech = Fixture.tenant("tenant-admin");
        Fixture.Tenant member = Fixture.tenant("viewer"); // another account, added to initech below
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("insert into membership (tenant_id, user_id, roles) values ('" + initech.id() + "', '"
                    + member.userId() + "', 'viewer')");
        }
        // a member manager who holds what an analyst holds, so may make someone one (SecurityDefectsIT: no more)
        List<String> holds = new java.util.ArrayList<>(Fixture.roleHolds(initech, "analyst"));
        holds.add("users:manage");
        String admin = Fixture.token(initech, holds).bearer();

        assertProblem(Fixture.call("PUT", "/api/members/" + member.userId() + "/roles", admin,
                "{\"roles\":[\"platform-admin\"]}"), 400, "validation-failed");
        HttpResponse<String> changed = Fixture.call("PUT", "/api/members/" + member.userId() + "/roles", admin,
                "{\"roles\":[\"analyst\"]}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Server.json(changed).getArray("roles").getString(0)).isEqualTo("analyst");
        String audit = Fixture.call("GET", "/api/audit?limit=5", admin, null).body();
        assertThat(audit).contains("identity.membership.granted").contains("analyst");
    }

    @Test
    void aCustomRoleGrantsWhatItHoldsAndNothingMore() throws Exception {
        Fixture.Tenant hooli = Fixture.tenant("tenant-admin");
        Fixture.Tenant analystAccount = Fixture.tenant("viewer");
        Fixture.join(analystAccount, hooli, "viewer");
        // a role and member manager who also holds what the roles below grant (nobody grants what they lack)
        List<String> holds = new java.util.ArrayList<>(Fixture.roleHolds(hooli, "viewer"));
        holds.addAll(List.of("roles:manage", "users:manage", "users:read", "audit:read"));
        String admin = Fixture.token(hooli, holds).bearer();

        assertProblem(Fixture.call("POST", "/api/roles", admin,
                "{\"name\":\"auditor\",\"permissions\":[\"platform:tenants:manage\"]}"), 400, "validation-failed");
        HttpResponse<String> created = Fixture.call("POST", "/api/roles", admin,
                "{\"name\":\"auditor\",\"description\":\"Reads the audit log\",\"permissions\":[\"audit:read\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertProblem(Fixture.call("POST", "/api/roles", admin,
                "{\"name\":\"auditor\",\"permissions\":[\"audit:read\"]}"), 409, "conflict");
        assertThat(Fixture.call("PUT", "/api/members/" + analystAccount.userId() + "/roles", admin,
                "{\"roles\":[\"viewer\",\"auditor\"]}").statusCode()).isEqualTo(200);

        Fixture.Tenant asMember = new Fixture.Tenant(hooli.id(), hooli.slug(), analystAccount.userId(),
                analystAccount.email());
        String memberToken = Fixture.token(asMember, List.of("audit:read", "users:read")).bearer();
        assertThat(Fixture.call("GET", "/api/audit", memberToken, null).statusCode()).isEqualTo(200);
        assertProblem(Fixture.call("GET", "/api/members", memberToken, null), 403, "forbidden");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Server.json(response).getString("type")).isEqualTo("urn:catalyst:problem:" + type);
    }
}

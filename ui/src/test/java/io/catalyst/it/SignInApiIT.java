package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code POST /api/auth/token}: email and password for a personal token of one company, acting as its user. */
class SignInApiIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aMemberGetsATokenThatActsAsThemInTheirCompany() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("viewer");
        Fixture.password(acme, PASSWORD);

        HttpResponse<String> signedIn = Fixture.call("POST", "/api/auth/token", null,
                "{\"email\":\"" + acme.email().toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}");

        assertThat(signedIn.statusCode()).isEqualTo(200);
        JsonObject answer = Server.json(signedIn);
        assertThat(answer.getString("tenant")).isEqualTo(acme.slug());
        String token = answer.getString("token");
        HttpResponse<String> company = Fixture.call("GET", "/api/tenant", token, null);
        assertThat(company.statusCode()).as("a viewer reads their company").isEqualTo(200);
        assertThat(company.body()).contains(acme.slug());
        assertThat(Fixture.call("GET", "/api/members", token, null).statusCode())
                .as("but not its members: the token holds what the user holds, no more").isEqualTo(403);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAnswerTheSame() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);

        HttpResponse<String> wrong = Fixture.call("POST", "/api/auth/token", null,
                "{\"email\":\"" + acme.email() + "\",\"password\":\"not it\"}");
        HttpResponse<String> unknown = Fixture.call("POST", "/api/auth/token", null,
                "{\"email\":\"nobody-" + acme.slug() + "@example.org\",\"password\":\"not it\"}");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Server.json(wrong).getString("detail")).isEqualTo(Server.json(unknown).getString("detail"));
    }

    @Test
    void aMemberOfSeveralCompaniesSaysWhichAndCannotNameAnother() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("analyst");
        Fixture.Tenant globex = Fixture.tenant("viewer");
        Fixture.Tenant stranger = Fixture.tenant("viewer");
        Fixture.join(acme, globex, "viewer");
        Fixture.password(acme, PASSWORD);
        String credentials = "\"email\":\"" + acme.email() + "\",\"password\":\"" + PASSWORD + "\"";

        HttpResponse<String> unsaid = Fixture.call("POST", "/api/auth/token", null, "{" + credentials + "}");
        HttpResponse<String> other = Fixture.call("POST", "/api/auth/token", null,
                "{" + credentials + ",\"tenant\":\"" + stranger.slug() + "\"}");
        HttpResponse<String> chosen = Fixture.call("POST", "/api/auth/token", null,
                "{" + credentials + ",\"tenant\":\"" + globex.slug() + "\"}");

        assertThat(unsaid.statusCode()).isEqualTo(400);
        assertThat(unsaid.body()).contains(acme.slug()).contains(globex.slug());
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).doesNotContain(stranger.slug());
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(Server.json(chosen).getString("tenant")).isEqualTo(globex.slug());
    }

    @Test
    void hostileInputIsRefusedClearlyAndNeverReachesTheDatabase() {
        HttpResponse<String> nul = Fixture.call("POST", "/api/auth/token", null,
                "{\"email\":\"a\\u0000b@example.org\",\"password\":\"x\"}");
        HttpResponse<String> long_ = Fixture.call("POST", "/api/auth/token", null,
                "{\"email\":\"" + "a".repeat(300) + "@example.org\",\"password\":\"x\"}");
        HttpResponse<String> notJson = Fixture.call("POST", "/api/auth/token", null, "{\"email\": ");

        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(nul.body()).contains("email");
        assertThat(long_.statusCode()).as(long_.body()).isEqualTo(400);
        assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aBodyWithoutCredentialsIsRefusedClearly() {
        HttpResponse<String> empty = Fixture.call("POST", "/api/auth/token", null, "{}");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("email").contains("password");
    }
}

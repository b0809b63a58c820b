package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Removing someone from a company, as a tenant admin does it on a phone, and as REST refuses what must not happen:
 * the last admin, someone holding more than the remover, another company's member.
 */
class MembersBrowserIT {

    private static final String PASSWORD = "a long enough passphrase 42";

    @Test
    void anAdminRemovesAMemberOnAPhoneAndTheirTokensStopAtOnce() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        Fixture.Tenant bobsOwn = Fixture.tenant("viewer");
        Fixture.join(bobsOwn, acme, "analyst");
        Fixture.Tenant bob = new Fixture.Tenant(acme.id(), acme.slug(), bobsOwn.userId(), bobsOwn.email());
        String bobsToken = Fixture.token(bob, List.of("tenant:read")).bearer();
        assertThat(Fixture.call("GET", "/api/tenant", bobsToken, null).statusCode()).isEqualTo(200);

        try (Browser browser = new Browser(390, 844).open("/members")) {
            browser.signIn(acme.email(), PASSWORD);
            String remove = "#remove-" + bob.email().replaceAll("[^a-zA-Z0-9]", "-");
            browser.waitFor(remove);
            assertThat(browser.texts("#member-grid vaadin-grid-cell-content")).anyMatch(t -> t.contains(bob.email()));
            browser.click(remove);
            browser.waitFor("#confirm-remove");
            browser.screenshot("members-remove-phone.png");
            browser.click("#confirm-remove");
            browser.wait.until(d -> browser.texts("#member-grid vaadin-grid-cell-content").stream()
                    .noneMatch(t -> t.contains(bob.email())));
            assertThat(browser.texts("#member-grid vaadin-grid-cell-content")).anyMatch(t -> t.contains(acme.email()));
        }
        HttpResponse<String> after = Fixture.call("GET", "/api/tenant", bobsToken, null);
        assertThat(after.statusCode()).as("a removed member's personal token").isEqualTo(401);
        assertThat(Server.strings("select count(*) from membership where tenant_id = '" + acme.id()
                + "' and user_id = '" + bob.userId() + "'")).containsExactly("0");
        assertThat(Server.strings("select count(*) from membership where tenant_id = '" + bobsOwn.id()
                + "' and user_id = '" + bob.userId() + "'")).as("the other company keeps them").containsExactly("1");
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + acme.id()
                + "' and action = 'identity.membership.removed'")).hasSize(1);
    }

    @Test
    void theLastAdminSomeoneStrongerAndAnotherCompanysMemberCannotBeRemoved() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(acme, List.of("*")).bearer();
        HttpResponse<String> self = Fixture.call("DELETE", "/api/members/" + acme.userId(), admin, null);
        assertThat(self.statusCode()).as(self.body()).isEqualTo(409);
        assertThat(self.body()).contains("at least one admin");

        // a token that manages members but does not hold what an admin holds
        Fixture.Tenant carolsOwn = Fixture.tenant("viewer");
        Fixture.join(carolsOwn, acme, "tenant-admin");
        String manager = Fixture.token(acme, List.of("tenant:read", "users:read", "users:manage")).bearer();
        HttpResponse<String> stronger = Fixture.call("DELETE", "/api/members/" + carolsOwn.userId(), manager, null);
        assertThat(stronger.statusCode()).as(stronger.body()).isEqualTo(403);

        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        assertThat(Fixture.call("DELETE", "/api/members/" + other.userId(), admin, null).statusCode())
                .as("another company's member").isEqualTo(404);
        assertThat(Fixture.call("DELETE", "/api/members/" + carolsOwn.userId(),
                Fixture.token(acme, List.of("tenant:read", "users:read")).bearer(), null).statusCode())
                .isEqualTo(403);

        assertThat(Fixture.call("DELETE", "/api/members/" + carolsOwn.userId(), admin, null).statusCode())
                .as("with another admin left, an admin may go").isEqualTo(204);
        assertThat(Fixture.call("DELETE", "/api/members/" + carolsOwn.userId(), admin, null).statusCode())
                .as("gone").isEqualTo(404);
    }
}

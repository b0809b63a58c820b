package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invitations and password resets end to end: the server sends real mail to a local SMTP server (GreenMail), and a
 * real browser follows the link.
 */
class MailFlowsBrowserIT {

    private static final String PASSWORD = "a long enough passphrase 42";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/(invitation|reset-password)\\?token=[\\w-]+)");

    private static GreenMail smtp;

    @BeforeAll
    static void mailServer() {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(Server.env("CATALYST_SMTP_PORT")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    @Test
    void aTenantAdminInvitesSomeoneWhoJoinsThroughTheMailedLinkOnce() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        String invitee = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        try (Browser admin = new Browser(1280, 900).open("/members")) {
            admin.signIn(acme.email(), PASSWORD);
            admin.waitFor("#invite-email");
            admin.type("#invite-email", invitee);
            admin.click("#send-invitation");
            admin.settle(); // the click's round trip must finish before the browser closes, or nothing is sent
        }
        String link = linkMailedTo(invitee);
        assertThat(link).startsWith(Server.BASE + "/invitation?token=");

        try (Browser newcomer = new Browser(1280, 900).open(link.substring(Server.BASE.length()))) {
            newcomer.waitFor("#invitee-name");
            newcomer.type("#invitee-name", "Nina Newcomer");
            newcomer.type("#invitee-password", PASSWORD);
            newcomer.click("#accept-invitation");

            assertThat(newcomer.waitFor("#tenant-name").getText()).isEqualTo("Tenant " + acme.slug());
            newcomer.screenshot("invitation-accepted.png");

            newcomer.open(link.substring(Server.BASE.length()));
            assertThat(newcomer.waitFor("#invitation-problem").getText()).contains("already used");
        }
        try (Connection db = Server.superuser(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("select m.roles, u.status from membership m join app_user u on"
                     + " u.id = m.user_id where m.tenant_id = '" + acme.id() + "' and u.email = '" + invitee + "'")) {
            assertThat(row.next()).as("membership of the invitee").isTrue();
            assertThat(row.getString(1)).isEqualTo("viewer");
            assertThat(row.getString(2)).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aPlatformAdminOnboardsAClientWhoseAdminJoinsAndCompletesTheWizard() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String company = "Umbrella " + suffix;
        String owner = "owner-" + suffix + "@umbrella.example";

        try (Browser platform = new Browser(1280, 900).open("/admin/tenants")) {
            platform.signInAsPlatformAdmin();
            platform.waitFor("#tenant-grid");
            platform.type("#tenant-name-field", company);
            platform.type("#tenant-admin-field", owner);
            platform.click("#create-tenant");
            platform.wait.until(d -> platform.texts("#tenant-grid vaadin-grid-cell-content").contains(company));
        }
        String link = linkMailedTo(owner);

        try (Browser browser = new Browser(1280, 900).open(link.substring(Server.BASE.length()))) {
            browser.waitFor("#invitee-name");
            browser.type("#invitee-name", "Olivia Owner");
            browser.type("#invitee-password", PASSWORD);
            browser.click("#accept-invitation");

            assertThat(browser.waitFor("#onboarding-step").getText()).startsWith("Step 1 of 5");
            browser.type("#primaryColor", "#0b7a75");
            next(browser, "Step 2 of 5");
            browser.choose("#timezone", "Europe/Berlin");
            next(browser, "Step 3 of 5");

            browser.open("/onboarding"); // progress is saved: the wizard resumes at goals
            assertThat(browser.waitFor("#onboarding-step").getText()).startsWith("Step 3 of 5");
            browser.type("#targetCpa", "42.50");
            browser.type("#targetRoas", "3.5");
            browser.type("#monthlyBudget", "25000");
            next(browser, "Step 4 of 5");
            next(browser, "Step 5 of 5");
            browser.click("#onboarding-next");

            browser.waitFor("#home");
            assertThat(browser.waitFor("#tenant-name").getText()).isEqualTo(company);
            assertThat(browser.driver.findElements(org.openqa.selenium.By.id("setup-reminder"))).isEmpty();
            browser.screenshot("onboarded.png");
        }
        try (Connection db = Server.superuser(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("select t.timezone, t.target_cpa, t.target_roas, t.monthly_budget,"
                     + " t.primary_color, t.onboarded_at is not null, m.roles from tenant t join membership m on"
                     + " m.tenant_id = t.id join app_user u on u.id = m.user_id where u.email = '" + owner + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("Europe/Berlin");
            assertThat(row.getBigDecimal(2)).isEqualByComparingTo("42.50");
            assertThat(row.getBigDecimal(3)).isEqualByComparingTo("3.5");
            assertThat(row.getBigDecimal(4)).isEqualByComparingTo("25000");
            assertThat(row.getString(5)).isEqualTo("#0b7a75");
            assertThat(row.getBoolean(6)).as("onboarded").isTrue();
            assertThat(row.getString(7)).isEqualTo("tenant-admin");
        }
    }

    private static void next(Browser browser, String expectedStep) {
        browser.click("#onboarding-next");
        browser.wait.until(d -> browser.waitFor("#onboarding-step").getText().startsWith(expectedStep));
    }

    @Test
    void aForgottenPasswordIsResetByMailAndTheOldOneStopsWorking() throws Exception {
        Fixture.Tenant globex = Fixture.tenant("viewer");
        Fixture.password(globex, PASSWORD);
        String newPassword = "an even longer passphrase 43";

        try (Browser browser = new Browser(1280, 900).open("/sign-in")) {
            browser.waitFor("vaadin-login-form");
            browser.driver.executeScript("document.querySelector('vaadin-login-form')"
                    + ".dispatchEvent(new CustomEvent('forgot-password'))");
            browser.waitFor("#reset-email");
            browser.type("#reset-email", globex.email());
            browser.click("#send-reset");

            String link = linkMailedTo(globex.email());
            assertThat(link).contains("/reset-password?token=");
            browser.open(link.substring(Server.BASE.length()));
            browser.waitFor("#new-password");
            browser.type("#new-password", newPassword);
            browser.click("#save-password");
            browser.wait.until(d -> browser.driver.getCurrentUrl().endsWith("/sign-in"));

            browser.signIn(globex.email(), newPassword);
            browser.waitFor("vaadin-side-nav");
        }
        try (Browser browser = new Browser(1280, 900).open("/sign-in")) {
            browser.signIn(globex.email(), PASSWORD);
            browser.wait.until(d -> browser.signInRefused());
        }
    }

    @Test
    void aCompletedResetVoidsOtherLinksEndsEverySessionAndPersonalTokenAndResetMailsAreLimited() throws Exception {
        Fixture.Tenant initech = Fixture.tenant("viewer");
        Fixture.password(initech, PASSWORD);
        String older = "older-" + UUID.randomUUID();
        String newer = "newer-" + UUID.randomUUID();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            for (String token : new String[] {older, newer}) {
                sql.execute("insert into password_reset (id, user_id, token_hash, expires_at) values ('"
                        + UUID.randomUUID() + "', '" + initech.userId() + "', '" + Fixture.sha256(token)
                        + "', now() + interval '1 hour')");
            }
        }
        String personal = Server.json(Fixture.call("POST", "/api/auth/token", null, "{\"email\":\""
                + initech.email() + "\",\"password\":\"" + PASSWORD + "\"}")).getString("token");
        assertThat(Fixture.call("GET", "/api/tenant", personal, null).statusCode()).isEqualTo(200);

        try (Browser before = new Browser(1280, 900).open("/sign-in")) {
            before.signIn(initech.email(), PASSWORD);
            before.waitFor("vaadin-side-nav");
            try (Browser resetter = new Browser(1280, 900).open("/reset-password?token=" + newer)) {
                resetter.waitFor("#new-password");
                resetter.type("#new-password", "a brand new passphrase 44");
                resetter.click("#save-password");
                resetter.wait.until(d -> resetter.driver.getCurrentUrl().endsWith("/sign-in"));

                resetter.open("/reset-password?token=" + older);
                resetter.waitFor("#new-password");
                resetter.type("#new-password", "the attacker's passphrase 45");
                resetter.click("#save-password");
                resetter.wait.until(d -> !resetter.waitFor("#reset-problem").getText().isBlank());
            }
            before.open("/");
            before.wait.until(d -> before.driver.getCurrentUrl().endsWith("/sign-in"));
            before.screenshot("signed-out-after-reset.png");
        }
        assertThat(Fixture.call("GET", "/api/tenant", personal, null).statusCode())
                .as("the personal token made before the reset").isEqualTo(401);

        try (Browser asker = new Browser(1280, 900).open("/sign-in")) {
            for (int i = 0; i < 3; i++) {
                asker.waitFor("vaadin-login-form");
                asker.driver.executeScript("document.querySelector('vaadin-login-form')"
                        + ".dispatchEvent(new CustomEvent('forgot-password'))");
                asker.waitFor("#reset-email");
                asker.type("#reset-email", initech.email());
                asker.click("#send-reset");
                asker.settle();
                asker.open("/sign-in");
            }
        }
        assertThat(Server.strings("select count(*) from password_reset where user_id = '" + initech.userId() + "'"))
                .as("two links made above, then one more mail within the hour's limit of three")
                .containsExactly("3");
    }

    @Test
    void anExpiredInvitationSaysSoAndAnUnknownOneIsNotValid() throws Exception {
        Fixture.Tenant initech = Fixture.tenant("tenant-admin");
        String token = "expired-" + UUID.randomUUID();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("insert into invitation (tenant_id, id, email, roles, token_hash, expires_at) values ('"
                    + initech.id() + "', '" + UUID.randomUUID() + "', 'late@example.com', 'viewer', '"
                    + Fixture.sha256(token) + "', now() - interval '1 hour')");
        }
        try (Browser browser = new Browser(1280, 900).open("/invitation?token=" + token)) {
            assertThat(browser.waitFor("#invitation-problem").getText()).contains("expired");

            browser.open("/invitation?token=made-up");
            browser.wait.until(d -> browser.waitFor("#invitation-problem").getText().contains("not valid"));
        }
    }

    @Test
    void aResentInvitationHasANewLinkTheOldStopsAndOneTakenBackWorksNoMore() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        String admin = Fixture.token(acme, List.of("*")).bearer();
        String invitee = "again-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> sent = Fixture.call("POST", "/api/invitations", admin,
                "{\"email\": \"" + invitee + "\", \"roles\": [\"analyst\"]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String id = Server.json(sent).getString("id");
        String first = linkMailedTo(invitee);
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, invitee)).findFirst()
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Member " + acme.slug() + " invited you to Tenant " + acme.slug()
                + " on Catalyst");
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("as Analyst.").contains(first);
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains(">Tenant " + acme.slug() + "<")
                .contains("Member " + acme.slug() + " invited you").contains(">Accept the invitation<");

        HttpResponse<String> resent = Fixture.call("POST", "/api/invitations/" + id + "/resend", admin, null);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        String second = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> linkMailedTo(invitee),
                link -> !link.equals(first));

        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        String stranger = Fixture.token(other, List.of("*")).bearer();
        assertThat(Fixture.call("POST", "/api/invitations/" + id + "/resend", stranger, null).statusCode())
                .as("another company's invitation").isEqualTo(404);
        assertThat(Fixture.call("DELETE", "/api/invitations/" + id, stranger, null).statusCode()).isEqualTo(404);
        String reader = Fixture.token(acme, List.of("tenant:read", "users:read")).bearer();
        assertThat(Fixture.call("DELETE", "/api/invitations/" + id, reader, null).statusCode()).isEqualTo(403);
        assertThat(Fixture.call("GET", "/api/invitations", reader, null).body()).contains(invitee);

        try (Browser browser = new Browser(390, 844).open(first.substring(Server.BASE.length()))) {
            browser.wait.until(d -> browser.waitFor("#invitation-problem").getText().contains("not valid"));
            browser.open("/members");
            browser.signIn(acme.email(), PASSWORD);
            browser.waitFor("#invitations");
            String row = "#revoke-" + invitee.replaceAll("[^a-zA-Z0-9]", "-");
            browser.waitFor(row);
            browser.screenshot("members-invitations-phone.png");
            browser.click(row);
            browser.click("#confirm-take-back");
            browser.wait.until(d -> browser.texts("#invitations .invitation-row").stream()
                    .noneMatch(t -> t.contains(invitee)));
            browser.open(second.substring(Server.BASE.length()));
            browser.wait.until(d -> browser.waitFor("#invitation-problem").getText().contains("not valid"));
        }
        assertThat(Fixture.call("GET", "/api/invitations", admin, null).body()).doesNotContain(invitee);
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + acme.id() + "' and action"
                + " like 'identity.invitation.%' order by seq")).containsExactly("identity.invitation.sent",
                "identity.invitation.resent", "identity.invitation.revoked");
    }

    private static String linkMailedTo(String recipient) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> sentTo(message, recipient))
                .map(GreenMailUtil::getBody)
                .map(body -> body.replace("=\r\n", "").replace("=3D", "="))
                .map(LINK::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .reduce((first, last) -> last).orElse(null), link -> link != null);
    }

    private static boolean sentTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}

package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 13, "the first hour with Catalyst": the defects a newcomer hit, tried as they tried them, in Chromium at
 * desktop (1280) and phone (390) width, with screenshots under target/screenshots/first-hour-*.png.
 */
class FirstHourBrowserIT {

    private static final String PASSWORD = "a long enough passphrase 42";
    private static GreenMail smtp; // appointing an admin by email sends the invitation

    @BeforeAll
    static void mailServer() {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(Server.env("CATALYST_SMTP_PORT")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopMail() {
        smtp.stop();
    }
    private static final int[][] SIZES = {{1280, 900}, {390, 844}};

    private static String size(int[] size) {
        return size[0] < 600 ? "phone" : "desktop";
    }

    /** The texts of the notifications on screen (Vaadin renders them in an overlay). */
    private static List<String> notices(Browser browser) {
        return browser.texts("vaadin-notification-card");
    }

    // Defect 1: the company's only admin unticks their own admin role.
    @Test
    void theOnlyAdminCannotUntickTheirOwnAdminRoleAndSeesWhy() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin,viewer"); // with a role left, the last-admin rule decides
        Fixture.password(acme, PASSWORD);
        String roles = "#roles-" + acme.email().replaceAll("[^a-zA-Z0-9]", "-");
        try (Browser browser = new Browser(1280, 900).open("/members")) {
            browser.signIn(acme.email(), PASSWORD);
            browser.waitFor(roles);
            browser.settle();
            browser.screenshot("first-hour-members-desktop.png");
            assertThat(browser.driver.executeScript("return document.querySelector(arguments[0]).selectedItems"
                    + ".map(i => i.label)", roles)).asString().contains("Tenant admin");

            // as a person does it: open the roles, untick Tenant admin
            browser.click(roles + " input");
            browser.wait.until(d -> browser.texts("vaadin-multi-select-combo-box-item").contains("Tenant admin"));
            browser.driver.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                    .filter(item -> item.getText().equals("Tenant admin")).findFirst().orElseThrow().click();

            try {
                browser.wait.until(d -> notices(browser).stream().anyMatch(n -> n.contains("at least one admin")));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("first-hour-members-no-refusal.png");
                throw new AssertionError("no refusal; notices " + notices(browser) + ", chips "
                        + browser.driver.executeScript("return document.querySelector(arguments[0]).selectedItems"
                        + ".map(i => i.label)", roles), e);
            }
            browser.settle();
            browser.screenshot("first-hour-members-refused.png");
            assertThat(browser.driver.executeScript("return document.querySelector(arguments[0]).selectedItems"
                    + ".map(i => i.label)", roles)).as("the chip is back").asString().contains("Tenant admin");
        }
        assertThat(Server.strings("select roles from membership where tenant_id = '" + acme.id() + "'"))
                .singleElement().asString().contains("tenant-admin");
    }

    // Defects 1 and 6: a tenant nobody works in yet; the platform admin appoints its admins.
    @Test
    void aPlatformAdminFindsNobodyToActAsAndAppointsAnAdmin() throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "empty-" + id.toString().substring(0, 8);
        try (Connection db = Server.superuser(); PreparedStatement insert = db.prepareStatement(
                "insert into tenant (id, slug, name) values (?::uuid, ?, ?)")) {
            insert.setString(1, id.toString());
            insert.setString(2, slug);
            insert.setString(3, "Empty " + slug);
            insert.executeUpdate();
        }
        try (Browser browser = new Browser(1280, 900).open("/admin/tenants")) {
            browser.signInAsPlatformAdmin();
            browser.showOnlyTenant(slug);
            browser.press("#impersonate-" + slug);

            assertThat(browser.waitFor("#impersonate-nobody").getText()).contains("nobody to act as");
            assertThat(browser.driver.findElements(By.cssSelector("#impersonate-member"))).isEmpty();
            browser.screenshot("first-hour-act-as-nobody.png");
            browser.driver.findElement(By.xpath("//vaadin-button[text()='Close']")).click();
            browser.wait.until(d -> d.findElements(By.cssSelector("#impersonate-nobody")).isEmpty());

            // nobody to choose from: an invitation as admin, by email
            browser.press("#appoint-admin-" + slug);
            browser.waitFor("#appoint-email");
            browser.settle();
            browser.type("#appoint-email", "boss@" + slug + ".example");
            browser.screenshot("first-hour-appoint-admin.png");
            browser.click("#confirm-appoint-admin");
            browser.wait.until(d -> d.findElements(By.cssSelector("#appoint-email")).isEmpty());

            // (appointing an existing member through #appoint-member is not covered here yet: in Chromium the
            // dialog did not close after choosing the member, and there was no time left to find out why)
        }
        assertThat(Server.strings("select email || ' as ' || roles from invitation where tenant_id = '" + id + "'"))
                .containsExactly("boss@" + slug + ".example as tenant-admin");
        assertThat(Server.strings("select action || ' by ' || actor from audit_event where tenant_id = '" + id
                + "' and action = 'identity.invitation.sent'")).containsExactly(
                "identity.invitation.sent by " + Server.env("CATALYST_BOOTSTRAP_ADMIN_EMAIL"));
    }

    // Defect 2: only the kinds a company issues, and a failure said on screen.
    @Test
    void theTokensFormOffersTheCompanysKindsAndSaysWhyNothingWasIssued() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        for (int[] size : SIZES) {
            try (Browser browser = new Browser(size[0], size[1]).open("/api-tokens")) {
                browser.signIn(acme.email(), PASSWORD);
                browser.waitFor("#token-kind vaadin-radio-button");
                browser.settle();
                assertThat(browser.texts("#token-kind vaadin-radio-button"))
                        .containsExactly("You (personal)", "The company (service)");
                browser.screenshot("first-hour-tokens-" + size(size) + ".png");

                browser.click("#issue-token"); // no name, no permissions
                browser.wait.until(d -> notices(browser).stream().anyMatch(n -> n.contains("cannot be issued")));
                assertThat(browser.driver.executeScript("return document.querySelector('#token-name').invalid"))
                        .isEqualTo(true);
                browser.screenshot("first-hour-tokens-refused-" + size(size) + ".png");
            }
        }
    }

    // Defect 9: an address that leads nowhere, inside the shell, with the way home.
    @Test
    void theCompanysColourThemesTheShellAndItsDialogs() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        try (java.sql.Connection db = Server.superuser(); java.sql.Statement sql = db.createStatement()) {
            sql.execute("update tenant set primary_color = '#2e7d32' where id = '" + acme.id() + "'");
        }
        try (Browser browser = new Browser(390, 844).open("/members")) {
            browser.signIn(acme.email(), PASSWORD);
            browser.waitFor("#send-invitation");
            Object primary = browser.driver.executeScript("return getComputedStyle(document.body)"
                    + ".getPropertyValue('--lumo-primary-color').trim()");
            assertThat(primary).isEqualTo("#2e7d32");
            Object button = browser.driver.executeScript("return getComputedStyle(document.querySelector("
                    + "'#send-invitation')).backgroundColor");
            assertThat(button).as("the primary button").isEqualTo("rgb(46, 125, 50)");
            browser.screenshot("first-hour-branded-phone.png");
        }
    }

    @Test
    void anUnknownAddressShowsNotFoundInsideTheShellWithTheWayHome() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        try (Browser browser = new Browser(1280, 900).open("/")) {
            browser.signIn(acme.email(), PASSWORD);
            browser.waitFor("vaadin-side-nav");
            browser.open("/dashboards");

            assertThat(browser.waitFor("#not-found").getText()).contains("There is no such screen")
                    .contains("/dashboards");
            assertThat(browser.driver.findElements(By.cssSelector("vaadin-side-nav"))).isNotEmpty();
            browser.screenshot("first-hour-not-found.png");
            browser.click("#not-found-home");
            browser.wait.until(d -> d.findElements(By.cssSelector("#not-found")).isEmpty());
        }
    }

    // Defects 7 and 8, and the integrations screen: as each user sees them at both widths.
    @Test
    void thePluginAndIntegrationScreensFitAtDesktopAndPhoneWidth() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        for (int[] size : SIZES) {
            try (Browser browser = new Browser(size[0], size[1]).open("/admin/plugins")) {
                browser.signInAsPlatformAdmin();
                browser.waitFor("#plugin-catalogue");
                browser.settle();
                long started = System.nanoTime();
                browser.open("/admin/plugins");
                browser.waitFor("#plugin-catalogue h2");
                browser.settle();
                System.out.printf("plugin catalogue at %s: %d ms to settle%n", size(size),
                        (System.nanoTime() - started) / 1_000_000);
                browser.screenshot("first-hour-plugin-catalogue-" + size(size) + ".png");
                // each release once: no original-*.jar beside the shaded one
                @SuppressWarnings("unchecked")
                List<String> installs = (List<String>) browser.driver.executeScript("return [...document"
                        + ".querySelectorAll('#marketplace-grid vaadin-button')].map(b => b.id)");
                assertThat(installs).doesNotHaveDuplicates();
                assertThat(clipped(browser, "#plugin-catalogue")).as("clipped buttons").isEmpty();
                // an empty list says so instead of a blank box
                assertThat(browser.driver.executeScript("const g = document.querySelector('#plugin-grid');"
                        + " const n = document.querySelector('#no-plugins');"
                        + " return (g && !g.hidden && g.size > 0) || (n && !n.hidden)")).isEqualTo(true);
            }
            try (Browser browser = new Browser(size[0], size[1]).open("/settings/plugins")) {
                browser.signIn(acme.email(), PASSWORD);
                browser.waitFor("#company-plugins");
                browser.settle();
                browser.screenshot("first-hour-company-plugins-" + size(size) + ".png");
                assertThat(browser.driver.executeScript("const g = document.querySelector('#company-plugin-grid');"
                        + " const n = document.querySelector('#no-company-plugins');"
                        + " return (g && !g.hidden && g.size > 0) || (n && !n.hidden)")).isEqualTo(true);
                assertThat(clipped(browser, "#company-plugins")).as("clipped buttons").isEmpty();

                browser.open("/integrations");
                browser.waitFor("#connector-picker, #no-connectors");
                browser.settle();
                browser.screenshot("first-hour-integrations-" + size(size) + ".png");

                browser.open("/members");
                browser.waitFor("#member-grid");
                browser.settle();
                browser.screenshot("first-hour-members-" + size(size) + ".png");
            }
        }
    }

    /** The labels of buttons inside the element whose text does not fit (shown with an ellipsis). */
    @SuppressWarnings("unchecked")
    private static List<String> clipped(Browser browser, String css) {
        return (List<String>) browser.driver.executeScript("return [...document.querySelector(arguments[0])"
                + ".querySelectorAll('vaadin-button')].filter(b => b.offsetParent !== null).filter(b => {"
                + " const l = b.shadowRoot && b.shadowRoot.querySelector('[part=label]');"
                + " return l && l.scrollWidth > l.clientWidth + 1; }).map(b => b.textContent)", css);
    }
}

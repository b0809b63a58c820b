package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Platform and tenant administration in a real browser, and what each role may see. */
class AdminBrowserIT {

    private static final String PASSWORD = "a long enough passphrase 42";

    @Test
    void aPlatformAdminCreatesATenant() throws Exception {
        String name = "Initrode " + UUID.randomUUID().toString().substring(0, 6);
        String slug = name.toLowerCase().replace(' ', '-');
        try (Browser browser = new Browser(1280, 900).open("/admin/tenants")) {
            browser.signInAsPlatformAdmin();
            browser.waitFor("#tenant-grid");

            browser.type("#tenant-name-field", name);
            browser.wait.until(d -> slug.equals(browser.driver.executeScript(
                    "return document.querySelector('#tenant-slug-field').value")));
            browser.click("#create-tenant");

            browser.wait.until(d -> browser.texts("#tenant-grid vaadin-grid-cell-content").contains(name));
            browser.screenshot("tenants.png");
        }
        try (Connection db = Server.superuser(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("select t.status, (select count(*) from audit_event a where"
                     + " a.action = 'tenancy.tenant.created' and a.target_id = t.id::text) from tenant t"
                     + " where t.slug = '" + slug + "'")) {
            assertThat(row.next()).as("tenant %s in the database", slug).isTrue();
            assertThat(row.getString(1)).isEqualTo("ACTIVE");
            assertThat(row.getInt(2)).as("audit entries").isEqualTo(1);
        }
    }

    @Test
    void aPlatformAdminActsAsAMemberVisiblyAuditedAndEndsIt() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("analyst");
        try (Browser browser = new Browser(1280, 900).open("/admin/tenants")) {
            browser.signInAsPlatformAdmin();
            browser.showOnlyTenant(acme.slug());
            browser.press("#impersonate-" + acme.slug());
            browser.click("#impersonate-member");
            browser.wait.until(d -> !browser.driver.findElements(By.cssSelector("vaadin-select-item")).isEmpty());
            browser.driver.findElements(By.cssSelector("vaadin-select-item")).get(0).click();
            browser.click("#start-impersonation");

            assertThat(browser.waitFor("#impersonation-banner").getText()).contains("Acting as Member " + acme.slug());
            assertThat(browser.waitFor("#tenant-name").getText()).isEqualTo("Tenant " + acme.slug());
            browser.wait.until(d -> browser.texts("#side-nav > vaadin-side-nav-item").contains("Audit log"));
            assertThat(browser.texts("#side-nav > vaadin-side-nav-item")).doesNotContain("Tenants");
            browser.screenshot("impersonation.png");

            browser.click("#end-impersonation");
            browser.wait.until(d -> browser.texts("#side-nav > vaadin-side-nav-item").contains("Tenants"));
            assertThat(browser.driver.findElements(By.id("impersonation-banner"))).isEmpty();
        }
        assertThat(Server.strings("select action || ' by ' || actor from audit_event where tenant_id = '" + acme.id()
                + "' and action like 'identity.impersonation.%' order by seq")).containsExactly(
                "identity.impersonation.started by " + Server.env("CATALYST_BOOTSTRAP_ADMIN_EMAIL"),
                "identity.impersonation.ended by " + Server.env("CATALYST_BOOTSTRAP_ADMIN_EMAIL"));
    }

    @Test
    void onAPhoneATenantsStatusAndActionsAreInViewWithoutScrollingSideways() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("analyst"); // active: every action is offered, the widest row
        try (Browser browser = new Browser(390, 844).open("/admin/tenants")) {
            browser.signInAsPlatformAdmin();
            browser.showOnlyTenant(acme.slug());
            browser.waitFor("#tenant-actions-" + acme.slug());
            browser.settle();
            java.util.List<String> problems = browser.notInView("#tenant-status-" + acme.slug(),
                    "#tenant-actions-" + acme.slug());
            browser.screenshot("tenants-phone.png");
            assertThat(problems).as("the status and actions at 390 px").isEmpty();
            assertThat(browser.texts("#tenant-actions-" + acme.slug() + " vaadin-button"))
                    .contains("Act as…", "Appoint admin…", "Suspend", "Offboard");

            // the shell's header: the user menu's avatar is not cut off
            browser.driver.executeScript("window.scrollTo(0, 0)");
            java.util.List<String> header = browser.notInView("#user-menu vaadin-avatar");
            browser.screenshot("tenants-phone-header.png");
            assertThat(header).as("the avatar at 390 px").isEmpty();
        }
    }

    @Test
    void aViewerSeesOnlyWhatTheyMayAndIsRefusedTheRest() throws Exception {
        Fixture.Tenant viewer = Fixture.tenant("viewer");
        Fixture.password(viewer, PASSWORD);
        try (Browser browser = new Browser(1280, 900).open("/")) {
            browser.signIn(viewer.email(), PASSWORD);
            browser.waitFor("vaadin-side-nav");

            assertThat(browser.texts("#side-nav > vaadin-side-nav-item")).containsExactly("Home", "Inbox");

            browser.open("/members");
            assertThat(browser.waitFor("#forbidden").getText()).contains("users:read");
        }
    }

    @Test
    void anAccountLocksAfterFiveWrongPasswordsEvenForTheRightOne() throws Exception {
        Fixture.Tenant target = Fixture.tenant("viewer");
        Fixture.password(target, PASSWORD);
        try (Browser browser = new Browser(1280, 900).open("/sign-in")) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.signIn(target.email(), "wrong password " + attempt);
                browser.wait.until(d -> browser.signInRefused());
            }
            browser.signIn(target.email(), PASSWORD);
            browser.wait.until(d -> browser.signInRefused() && String.valueOf(browser.driver.executeScript(
                    "return document.querySelector('vaadin-login-form').i18n.errorMessage.message"))
                    .contains("not right")); // the same words as for an unknown address: no enumeration
        }
        try (Connection db = Server.superuser(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("select failed_sign_ins, locked_until > now() from app_user where id = '"
                     + target.userId() + "'")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(5);
            assertThat(row.getBoolean(2)).as("locked").isTrue();
        }
    }

    @Test
    void aTenantAdminChangesTheCompanySettingsLater() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        try (Browser browser = new Browser(1280, 900).open("/settings")) {
            browser.signIn(acme.email(), PASSWORD);
            browser.waitFor("#settings");

            browser.type("#primaryColor", "not a colour");
            browser.click("#save-profile");
            browser.wait.until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                    "return document.querySelector('#primaryColor').invalid")));

            browser.type("#monthlyBudget", "12500");
            browser.click("#save-goals");
            browser.wait.until(d -> {
                try {
                    return "12500.00".equals(Server.strings("select monthly_budget::text from tenant where id = '"
                            + acme.id() + "'").get(0));
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
        }
        assertThat(Server.strings("select primary_color from tenant where id = '" + acme.id() + "'"))
                .containsExactly((String) null);
    }

    @Test
    void agencyStaffSwitchBetweenTheirTenants() throws Exception {
        Fixture.Tenant first = Fixture.tenant("tenant-admin");
        Fixture.Tenant second = Fixture.tenant("viewer");
        Fixture.join(first, second, "viewer");
        Fixture.rename(first, "Aardvark " + first.slug()); // sign-in starts in the first tenant by name
        Fixture.rename(second, "Zebra " + second.slug());
        Fixture.password(first, PASSWORD);
        try (Browser browser = new Browser(1280, 900).open("/")) {
            browser.signIn(first.email(), PASSWORD);
            browser.waitFor("vaadin-select#tenant-switcher");
            assertThat(browser.texts("#side-nav > vaadin-side-nav-item")).contains("Members", "Audit log");

            browser.click("vaadin-select#tenant-switcher");
            browser.wait.until(d -> !browser.driver.findElements(By.cssSelector("vaadin-select-item")).isEmpty());
            browser.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(item -> item.getText().equals("Zebra " + second.slug())).findFirst().orElseThrow()
                    .click();

            browser.wait.until(d -> browser.texts("#side-nav > vaadin-side-nav-item").equals(java.util.List.of("Home",
                    "Inbox")));
            assertThat(browser.driver.executeScript("return document.querySelector('#tenant-switcher').innerText"))
                    .asString().contains(second.slug());
            browser.screenshot("tenant-switch.png");
        }
    }
}

package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Integrations screen in Chromium against the real server and the Meta fake: a tenant admin authorises a
 * connection through the provider's consent redirect, picks the account, watches the first sync finish (pushed to the
 * page), and disconnects deleting the data.
 */
class IntegrationsBrowserIT {

    private static MetaFake meta;

    @BeforeAll
    static void start() throws Exception {
        meta = new MetaFake();
        HttpResponse<String> installed = Fixture.installPlugin(Files.readAllBytes(Path.of(System.getProperty(
                "catalyst.meta.plugin", "../plugins/connectors/meta-ads/target/meta-ads-plugin.jar"))));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        meta.shutdown();
    }

    @Test
    void anAdminAuthorisesPicksTheAccountSeesTheSyncFinishAndDisconnects() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String password = "Integrations-e2e-" + System.nanoTime();
        Fixture.password(tenant, password);
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        // the screen connects to the real provider; the API lets the test point the connection at the fake
        HttpResponse<String> created = Fixture.call("POST", "/api/tenant/connections", bearer,
                "{\"connector\":\"meta-ads\",\"name\":\"Meta EU\",\"baseUrl\":\"" + meta.origin() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Server.json(created).getString("id");

        try (Browser browser = new Browser(1280, 900)) {
            browser.open("/integrations");
            browser.signIn(tenant.email(), password);
            browser.waitFor("#status-" + id);
            assertThat(browser.texts("#status-" + id)).singleElement().asString().contains("Not authorised yet");

            browser.click("#reconnect-" + id); // consent at the fake, back through the platform's callback
            browser.wait.until(d -> d.getCurrentUrl().contains("/integrations?connection=" + id));
            browser.waitFor("#account-picker vaadin-checkbox");
            browser.settle();
            browser.click("#account-picker vaadin-checkbox");
            browser.click("#save-accounts");

            browser.wait.withTimeout(Duration.ofMinutes(2)).until(d -> browser.texts("#status-" + id).stream()
                    .anyMatch(text -> text.startsWith("Up to date")));
            browser.wait.until(d -> browser.texts("#run-grid vaadin-grid-cell-content").contains("Done"));
            browser.screenshot("integrations-synced.png");
            assertThat(Server.strings("select count(*) from wh_insight_daily where tenant_id = '" + tenant.id()
                    + "' and level = 'ad'")).containsExactly(String.valueOf(91 * 3));

            // what counts as a conversion: Meta's declared setting, shown with its default
            browser.click("#settings-" + id);
            browser.waitFor("#setting-conversions");
            browser.settle();
            browser.screenshot("integrations-settings.png");
            assertThat(browser.driver.executeScript("return document.querySelector('#setting-conversions').value"))
                    .isEqualTo("omni_purchase");
            browser.driver.findElement(By.xpath("//vaadin-button[text()='Cancel']")).click();
            browser.wait.until(d -> d.findElements(By.cssSelector("#setting-conversions")).isEmpty());

            browser.click("#disconnect-" + id);
            browser.waitFor("#keep-data vaadin-radio-button");
            browser.driver.findElements(By.cssSelector("#keep-data vaadin-radio-button")).get(1).click();
            browser.click("#confirm-disconnect");
            // the grid empties, or makes way for the "No connections yet" state
            browser.wait.until(d -> Long.valueOf(0).equals(browser.driver.executeScript(
                    "const grid = document.querySelector('#connection-grid');"
                            + " return grid && grid.offsetParent !== null ? grid.size : 0")));
        }
        assertThat(Server.strings("select count(*) from wh_insight_daily where tenant_id = '" + tenant.id() + "'"))
                .as("deleted with the connection").containsExactly("0");
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + tenant.id()
                + "' and action like 'connections.%' order by seq")).containsExactly(
                "connections.connection.created", "connections.connection.authorised",
                "connections.connection.updated", "connections.connection.deleted");
    }

    @Test
    void onAPhoneAConnectionsStatusAndActionsAreInViewWithoutScrollingSideways() throws Exception {
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        String password = "Integrations-phone-" + System.nanoTime();
        Fixture.password(tenant, password);
        String bearer = Fixture.token(tenant, List.of("*")).bearer();
        HttpResponse<String> created = Fixture.call("POST", "/api/tenant/connections", bearer,
                "{\"connector\":\"meta-ads\",\"name\":\"Meta for the phone\",\"baseUrl\":\"" + meta.origin()
                        + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Server.json(created).getString("id");

        try (Browser browser = new Browser(390, 844)) {
            browser.open("/integrations");
            browser.signIn(tenant.email(), password);
            browser.waitFor("#actions-" + id);
            browser.settle();
            List<String> problems = browser.notInView("#status-" + id, "#actions-" + id);
            browser.screenshot("integrations-phone.png");
            assertThat(problems).as("the status and actions at 390 px").isEmpty();
            assertThat(browser.texts("#actions-" + id + " vaadin-button")).contains("Authorise", "Disconnect");
        }
    }
}

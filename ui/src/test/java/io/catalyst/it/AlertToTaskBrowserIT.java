package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasks and alerts end to end, as an agency analyst lives them in Chromium: create a rule on the rules screen; data
 * that breaches it arrives (the sandbox connects and syncs); the bell's count rises in the open page without a reload;
 * open the alert from the inbox; create a task from it; assign it to a colleague; move it on the board; complete it.
 * Screenshots land in target/screenshots.
 */
class AlertToTaskBrowserIT {

    private static final String PASSWORD = "Alerts-e2e-" + System.nanoTime();
    private static final String RULE = "Spend above 1 per channel";
    private static Fixture.Tenant tenant;
    private static Fixture.Tenant colleague;
    private static Fixture.Tenant client;
    private static String admin;

    @BeforeAll
    static void aCompanyWithAlertsAndTasksButNoDataYet() throws Exception {
        for (String jar : List.of("../plugins/connectors/sandbox/target/sandbox-plugin.jar",
                "../plugins/features/tasks/target/tasks-plugin.jar",
                "../plugins/features/alerts/target/alerts-plugin.jar")) {
            HttpResponse<String> installed = Fixture.installPlugin(Files.readAllBytes(Path.of(jar)));
            assertThat(installed.statusCode()).as(() -> installed.body() + "; " + Fixture.pluginStates())
                    .isEqualTo(200);
        }
        tenant = Fixture.tenant("tenant-admin");
        Fixture.password(tenant, PASSWORD);
        colleague = Fixture.tenant("analyst");
        Fixture.join(colleague, tenant, "analyst");
        try (var db = Server.superuser(); var sql = db.createStatement()) {
            sql.execute("update app_user set name = 'Sam Okafor' where id = '" + colleague.userId() + "'");
        }
        client = Fixture.tenant("viewer"); // the client's own person: a viewer of this company only
        Fixture.join(client, tenant, "viewer");
        Fixture.password(client, PASSWORD);
        try (var db = Server.superuser(); var sql = db.createStatement()) {
            sql.execute("delete from membership where tenant_id = '" + client.id() + "'");
        }
        admin = Fixture.token(tenant, List.of("*")).bearer();
        for (String plugin : List.of("sandbox", "tasks", "alerts")) {
            assertThat(Fixture.call("PUT", "/api/tenant/plugins/" + plugin + "/enablement", admin,
                    "{\"enabled\":true}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBreachRingsTheBellAndBecomesATaskThatIsAssignedMovedAndDone() throws Exception {
        try (Browser browser = new Browser(1400, 900)) {
            browser.open("/");
            browser.signIn(tenant.email(), PASSWORD);
            browser.waitFor("#bell");

            // 1. a rule, made on the rules screen: spend per channel above 1 over 7 days, telling the admins
            browser.open("/plugins/alerts/rules");
            browser.click("#alert-rule-new");
            browser.waitFor("#rule-name");
            browser.settle();
            browser.type("#rule-name", RULE);
            pick(browser, "Kind", "threshold");
            pick(browser, "For each", "channel");
            browser.settle();
            fill(browser, "vaadin-number-field", "threshold", "1");
            fill(browser, "vaadin-text-field", "Notify role", "tenant-admin");
            browser.settle();
            browser.screenshot("e2e-alerts-rule-form.png");
            browser.click("#rule-save");
            browser.wait.until(d -> browser.texts("#alert-rules-list").stream().anyMatch(t -> t.contains(RULE)));

            // 2. the page stays open while the data arrives; a marker on the window shows it never reloads
            browser.open("/");
            browser.waitFor("#bell");
            browser.settle();
            browser.driver.executeScript("window.__stillTheSamePage = true;");
            assertThat(bellCount(browser)).as("nothing has fired yet").isZero();
            connectAndSync();
            new WebDriverWait(browser.driver, Duration.ofMinutes(2)).until(d -> bellCount(browser) > 0);
            assertThat(browser.driver.executeScript("return window.__stillTheSamePage === true;"))
                    .as("the count came by server push, not a reload").isEqualTo(true);
            browser.screenshot("e2e-bell.png");

            // 3. the inbox, and the alert it links to
            browser.click("#bell");
            browser.waitFor(".inbox-entry");
            browser.settle();
            browser.screenshot("e2e-inbox.png");
            WebElement entry = browser.driver.findElements(By.cssSelector(".inbox-entry")).stream()
                    .filter(e -> e.getText().contains(RULE)).findFirst().orElseThrow();
            entry.findElement(By.cssSelector(".inbox-open")).click();
            browser.waitFor("#alert-screen");
            browser.wait.until(d -> browser.texts("#alert-screen").stream().anyMatch(t -> t.contains(RULE)));
            browser.settle();
            browser.screenshot("e2e-alert.png");

            // 4. a task from the alert, in one click
            clickButton(browser, "#alert-screen", "Create task");
            browser.open("/plugins/tasks/tasks");
            browser.waitFor("#tasks-grid");
            browser.wait.until(d -> {
                browser.driver.navigate().refresh(); // the task comes by event: look again until it is there
                browser.waitFor("#tasks-grid");
                browser.settle();
                return !browser.driver.findElements(By.cssSelector("#tasks-grid a[href*='task?id=']")).isEmpty();
            });
            WebElement link = browser.driver.findElements(By.cssSelector("#tasks-grid a[href*='task?id=']")).stream()
                    .filter(a -> a.getText().contains(RULE)).findFirst().orElseThrow();
            String taskId = link.getAttribute("href").replaceAll(".*task\\?id=", "");
            link.click();
            browser.wait.until(d -> browser.texts("#task-screen h2").stream().anyMatch(t -> t.contains(RULE)));
            browser.settle();
            JsonObject requested = task(taskId);
            assertThat(requested.getObject("request").getString("sourcePlugin")).as("asked for by the alerts plugin")
                    .isEqualTo("alerts");
            assertThat(requested.getObject("subject").getString("kind")).isEqualTo("alert");
            assertThat(requested.getString("link")).startsWith("plugins/alerts/alert?id=");

            // 5. assigned to a colleague
            browser.choose("#task-fields vaadin-combo-box", "Sam Okafor");
            browser.click("#save-task");
            browser.settle();
            browser.wait.until(d -> task(taskId).hasKey("assignee")
                    && colleague.userId().toString().equals(task(taskId).getString("assignee")));
            browser.screenshot("e2e-task.png");

            // 6. moved on the board
            browser.open("/plugins/tasks/tasks");
            browser.click("#board-toggle");
            browser.waitFor("#tasks-board .task-card[data-id='" + taskId + "']");
            browser.settle();
            browser.click("#tasks-board .task-card[data-id='" + taskId + "'] vaadin-select");
            browser.waitFor("vaadin-select-item");
            browser.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.getText().equals("In progress")).findFirst().orElseThrow().click();
            browser.wait.until(d -> !d.findElements(By.cssSelector(".task-column[data-status='IN_PROGRESS']"
                    + " .task-card[data-id='" + taskId + "']")).isEmpty());
            browser.screenshot("e2e-board.png");

            // 7. completed on its page, through review
            browser.open("/plugins/tasks/task?id=" + taskId);
            browser.click("#task-moves vaadin-button[data-status='IN_REVIEW']");
            browser.settle();
            browser.click("#task-moves vaadin-button[data-status='DONE']");
            browser.settle();
            browser.wait.until(d -> "DONE".equals(task(taskId).getString("status")));
            browser.screenshot("e2e-task-done.png");
        }
    }

    @Test
    void aViewerSeesAlertsAndTasksButChangesNothing() throws Exception {
        try (Browser browser = new Browser(390, 844)) {
            browser.open("/");
            browser.signIn(client.email(), PASSWORD);
            browser.waitFor("#bell");
            // the plugins grant viewers their read permissions: the screens are in the (folded) navigation
            browser.wait.until(d -> navLabels(browser).containsAll(List.of("Alerts", "Tasks")));
            browser.open("/plugins/alerts/rules");
            browser.waitFor("#alert-rules");
            browser.settle();
            assertThat(browser.driver.findElements(By.cssSelector("#alert-rule-new"))).as("no new rule").isEmpty();
            browser.open("/plugins/tasks/tasks");
            browser.waitFor("#tasks-screen");
            browser.settle();
            assertThat(browser.driver.findElements(By.cssSelector("#new-task"))).as("no new task").isEmpty();
            browser.screenshot("e2e-viewer-tasks-phone.png");
        }
    }

    /** The side navigation's labels, read from the page even while the drawer is folded away on a phone. */
    @SuppressWarnings("unchecked")
    private static List<String> navLabels(Browser browser) {
        return (List<String>) browser.driver.executeScript("return [...document.querySelectorAll("
                + "'#side-nav > vaadin-side-nav-item')].map(i => i.textContent.trim());");
    }

    private static void connectAndSync() throws Exception {
        HttpResponse<String> created = Fixture.call("POST", "/api/tenant/connections", admin,
                "{\"connector\":\"sandbox\",\"name\":\"Try-out\",\"accounts\":[\"sandbox-meta\",\"sandbox-google\"],"
                        + "\"settings\":{\"seed\":\"e2e-alerts\",\"scale\":\"small\",\"currency\":\"EUR\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String connection = Server.json(created).getString("id");
        assertThat(Fixture.call("POST", "/api/tenant/connections/" + connection + "/sync", admin, null)
                .statusCode()).isEqualTo(200);
    }

    private static int bellCount(Browser browser) {
        Object text = browser.driver.executeScript("const b = document.querySelector('#bell-count');"
                + " return b && !b.hidden && b.offsetParent !== null ? b.textContent : '0';");
        return Integer.parseInt(String.valueOf(text).replace("+", ""));
    }

    private static JsonObject task(String id) {
        HttpResponse<String> r = Fixture.call("GET", "/api/plugins/tasks/tasks/" + id, admin, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Server.json(r);
    }

    /** Chooses an item of the Vaadin select with this label, as a person does: open it, click the item. */
    private static void pick(Browser browser, String label, String item) {
        // a field's label is a property, not an attribute: mark the one to open
        browser.wait.until(d -> Boolean.TRUE.equals(browser.driver.executeScript("const s = [...document"
                + ".querySelectorAll('#alert-rule-form vaadin-select')].find(e => e.label === arguments[0]);"
                + " if (s) { s.setAttribute('data-e2e', arguments[0]); } return !!s;", label)));
        browser.click("#alert-rule-form vaadin-select[data-e2e='" + label + "']");
        browser.wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(i -> i.isDisplayed() && i.getText().equals(item)));
        browser.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().equals(item)).findFirst().orElseThrow().click();
        browser.settle();
    }

    /** Types into the form's field with this label. */
    private static void fill(Browser browser, String tag, String label, String value) {
        browser.wait.until(d -> Boolean.TRUE.equals(browser.driver.executeScript("const f = [...document"
                + ".querySelectorAll('#alert-rule-form ' + arguments[0])].find(e => e.label === arguments[1]);"
                + " if (f) { f.setAttribute('data-e2e', arguments[1]); } return !!f;", tag, label)));
        browser.type("#alert-rule-form " + tag + "[data-e2e='" + label + "']", value);
    }

    private static void clickButton(Browser browser, String within, String text) {
        browser.wait.until(d -> d.findElements(By.cssSelector(within + " vaadin-button")).stream()
                .anyMatch(b -> b.getText().equals(text)));
        browser.driver.findElements(By.cssSelector(within + " vaadin-button")).stream()
                .filter(b -> b.getText().equals(text)).findFirst().orElseThrow().click();
        browser.settle();
    }
}

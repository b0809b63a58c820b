package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The tasks plugin's screens in Chromium: the task page finds its task from {@code ?id=} on a fresh load and on a
 * navigation inside the app, the board moves a card with its menu, and every screen fits a phone. Screenshots land in
 * target/screenshots.
 */
class TasksBrowserIT {

    private static final String PASSWORD = "Tasks-e2e-" + System.nanoTime();
    private static Fixture.Tenant tenant;
    private static String first;
    private static String second;

    @BeforeAll
    static void aCompanyWithTwoTasks() throws Exception {
        HttpResponse<String> installed = Fixture.installPlugin(Files.readAllBytes(Path.of(
                "../plugins/features/tasks/target/tasks-plugin.jar")));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        tenant = Fixture.tenant("tenant-admin");
        Fixture.password(tenant, PASSWORD);
        String admin = Fixture.token(tenant, List.of("*")).bearer();
        assertThat(Fixture.call("PUT", "/api/tenant/plugins/tasks/enablement", admin, "{\"enabled\":true}")
                .statusCode()).isEqualTo(200);
        first = create(admin, "{\"title\":\"Brief the spring campaign\",\"priority\":\"URGENT\",\"due\":\"2026-01-05\","
                + "\"checklist\":[\"Collect last year's numbers\"],\"labels\":[\"spring\"]}");
        second = create(admin, "{\"title\":\"Approve the April creatives\",\"clientVisible\":true}");
        Fixture.call("POST", "/api/plugins/tasks/tasks/" + first + "/comments", admin,
                "{\"body\":\"Numbers are in the shared folder\"}");
    }

    private static String create(String bearer, String json) {
        HttpResponse<String> r = Fixture.call("POST", "/api/plugins/tasks/tasks", bearer, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Server.json(r).getString("id");
    }

    private static String heading(Browser b) {
        return b.texts("#task-screen h2").stream().findFirst().orElse("");
    }

    @Test
    void theTaskPageReadsItsIdAndTheBoardMovesCards() throws Exception {
        try (Browser browser = new Browser(1400, 900)) {
            browser.open("/");
            browser.signIn(tenant.email(), PASSWORD);
            browser.waitFor("vaadin-side-nav");
            // a fresh load of the address
            browser.open("/plugins/tasks/task?id=" + first);
            browser.wait.until(d -> heading(browser).equals("Brief the spring campaign"));
            browser.settle();
            assertThat(browser.texts("#task-comments").get(0)).contains("Numbers are in the shared folder");
            browser.screenshot("task-page.png");
            // inside the app: back to the list, then into the other task, without a page load
            browser.click("#task-screen a[router-link]");
            browser.waitFor("#tasks-grid");
            browser.settle();
            browser.click("#tasks-grid a[href$='" + second + "']");
            browser.wait.until(d -> heading(browser).equals("Approve the April creatives"));
            browser.screenshot("task-page-after-navigation.png");

            browser.open("/plugins/tasks/tasks");
            browser.click("#board-toggle");
            browser.waitFor("#tasks-board .task-card");
            browser.settle();
            browser.screenshot("tasks-board.png");
            String card = "#tasks-board .task-card[data-id='" + second + "'] vaadin-select";
            browser.click(card);
            browser.waitFor("vaadin-select-item");
            browser.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.getText().equals("In progress")).findFirst().orElseThrow().click();
            browser.wait.until(d -> !d.findElements(By.cssSelector(
                    ".task-column[data-status='IN_PROGRESS'] .task-card[data-id='" + second + "']")).isEmpty());
        }
    }

    @Test
    void everyScreenFitsAPhone() throws Exception {
        try (Browser phone = new Browser(390, 844)) {
            phone.open("/");
            phone.signIn(tenant.email(), PASSWORD);
            phone.waitFor("vaadin-side-nav");
            for (String screen : List.of("tasks", "task?id=" + first, "analytics")) {
                phone.open("/plugins/tasks/" + screen);
                phone.waitFor(screen.startsWith("task?") ? "#task-screen h2" : screen.equals("tasks")
                        ? "#tasks-grid" : "#task-analytics .catalyst-kpi");
                phone.settle();
                String name = screen.startsWith("task?") ? "task" : screen;
                phone.screenshot("tasks-" + name + "-phone.png");
                Number overflow = (Number) phone.driver.executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue()).as(name + ": nothing wider than the phone").isLessThanOrEqualTo(0);
            }
            phone.open("/plugins/tasks/tasks");
            phone.waitFor("#tasks-grid");
            phone.settle();
            phone.click("#board-toggle");
            phone.waitFor("#tasks-board .task-card");
            phone.settle();
            phone.screenshot("tasks-board-phone.png");
            Number overflow = (Number) phone.driver.executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("board: nothing wider than the phone").isLessThanOrEqualTo(0);
        }
    }
}

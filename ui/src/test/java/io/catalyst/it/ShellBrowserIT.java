package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The shell in a real Chromium: side navigation, a screen registered at runtime, a chart, and a phone layout. */
class ShellBrowserIT {

    private static final Path SHOTS = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAReason() throws IOException {
        browser = chromium(1280, 900);
        browser.get(Server.BASE + "/system");

        signIn(Server.env("CATALYST_BOOTSTRAP_ADMIN_EMAIL"), "not-the-password");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return document.querySelector('vaadin-login-form').error === true")));
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
    }

    @Test
    void sideNavLeadsToTheRuntimeRegisteredScreenWhichDrawsAChart() throws IOException {
        browser = chromium(1280, 900);
        browser.get(Server.BASE + "/");
        signIn(Server.env("CATALYST_BOOTSTRAP_ADMIN_EMAIL"), Server.env("CATALYST_BOOTSTRAP_ADMIN_PASSWORD"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav-item#nav-system")));
        assertThat(browser.findElement(By.id("product-name")).getText()).isEqualTo("Catalyst");
        assertThat(browser.findElement(By.id("tenant-name")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("user-menu")).isDisplayed()).isTrue();
        List<String> labels = browser.findElements(By.cssSelector("#side-nav > vaadin-side-nav-item")).stream()
                .map(WebElement::getText).toList();
        assertThat(labels).containsExactly("Home", "System");

        browser.findElement(By.id("nav-system")).click();

        wait.until(ExpectedConditions.urlToBe(Server.BASE + "/system"));
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("catalyst-chart#memory-chart[rendered]")));
        Long bars = (Long) browser.executeScript(
                "return arguments[0].querySelectorAll('svg path').length", chart);
        assertThat(bars).as("SVG paths drawn by ECharts").isGreaterThanOrEqualTo(4);
        assertThat(chart.getSize().getHeight()).isGreaterThan(100);
        screenshot("shell.png");
    }

    @Test
    void homeFitsAPhone() throws IOException {
        browser = chromium(390, 844);
        browser.get(Server.BASE + "/");
        signIn(Server.env("CATALYST_BOOTSTRAP_ADMIN_EMAIL"), Server.env("CATALYST_BOOTSTRAP_ADMIN_PASSWORD"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-cards")));
        assertThat(browser.executeScript("return window.innerWidth")).as("phone viewport width").isEqualTo(390L);
        Boolean overflows = (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflows).as("page wider than the phone").isFalse();
        assertThat(browser.findElement(By.cssSelector("vaadin-drawer-toggle")).isDisplayed()).isTrue();
        screenshot("shell-phone.png");
    }

    // Fills Vaadin's login form, whose fields live in shadow DOM, and submits it.
    private void signIn(String email, String password) throws IOException {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-login-form")));
        browser.executeScript(SIGN_IN_SCRIPT, email, password);
    }

    private static final String SIGN_IN_SCRIPT = """
            const deep = (root, selector) => {
              const found = root.querySelector(selector);
              if (found) return found;
              for (const el of root.querySelectorAll('*')) {
                if (el.shadowRoot) { const inner = deep(el.shadowRoot, selector); if (inner) return inner; }
              }
              return null;
            };
            const form = document.querySelector('vaadin-login-form');
            deep(form, '#vaadinLoginUsername').value = arguments[0];
            deep(form, '#vaadinLoginPassword').value = arguments[1];
            deep(form, 'vaadin-button[slot="submit"]').click();
            """;

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static ChromeDriver chromium(int width, int height) throws IOException {
        // a fresh profile for each browser, inside target/ (Chromium fails when it cannot create one)
        Path temp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path profile = Files.createTempDirectory(temp, "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        // headless windows are at least 500 px wide: emulate the device so the page sees a phone's viewport
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", width, "height", height, "pixelRatio", 1.0, "mobile", width < 600)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }
}

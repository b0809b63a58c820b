package io.catalyst.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Debian Chromium driving the real server, with the few moves the shell's tests need. */
final class Browser implements AutoCloseable {

    private static final Path SHOTS = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));

    // Vaadin's login form keeps its fields in shadow DOM: find them there, fill them, submit.
    private static final String SIGN_IN = """
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

    final ChromeDriver driver;
    final WebDriverWait wait;

    Browser(int width, int height) throws IOException {
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
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    Browser open(String path) {
        driver.get(Server.BASE + path);
        return this;
    }

    void signIn(String email, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        driver.executeScript(SIGN_IN, email, password);
    }

    void signInAsPlatformAdmin() {
        signIn(Server.env("CATALYST_BOOTSTRAP_ADMIN_EMAIL"), Server.env("CATALYST_BOOTSTRAP_ADMIN_PASSWORD"));
        waitFor("vaadin-side-nav");
    }

    /** Whether the login form shows a refusal and can be used again. */
    boolean signInRefused() {
        return Boolean.TRUE.equals(driver.executeScript(
                "const f = document.querySelector('vaadin-login-form'); return f.error === true && !f.disabled"));
    }

    /** Narrows the platform's tenants screen to one tenant, and waits until it is the only row. */
    void showOnlyTenant(String slug) {
        waitFor("#tenant-filter");
        type("#tenant-filter", slug);
        wait.until(d -> Long.valueOf(1).equals(driver.executeScript(
                "return document.querySelector('#tenant-grid').size")));
        settle();
    }

    WebElement waitFor(String css) {
        try {
            return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page showed instead: a screenshot beside the others, and its words in the failure
            String name = "timeout-" + css.replaceAll("[^A-Za-z0-9-]", "_") + ".png";
            String text;
            String client;
            try {
                screenshot(name);
                text = String.valueOf(driver.executeScript("return document.body.innerText")).replaceAll("\\s+", " ");
                client = String.valueOf(driver.executeScript("const c = Object.values(window.Vaadin?.Flow?.clients"
                        + " || {}); return c.length + ' Flow client(s), a request in flight: '"
                        + " + c.some(x => x.isActive && x.isActive())"));
            } catch (IOException | RuntimeException unavailable) {
                text = "(no screenshot: " + unavailable.getMessage() + ")";
                client = "unknown";
            }
            // a page that stays blank waits for the server: say what its threads were waiting for
            String threads = text.length() < 40 ? "; server threads waiting:" + Server.stuckThreads(
                    SHOTS.resolve(name.replace(".png", "-threads.txt"))) : "";
            throw new AssertionError("no " + css + " at " + driver.getCurrentUrl() + " (screenshots/" + name
                    + "); the page said: " + (text.length() > 600 ? text.substring(0, 600) + "…" : text) + "; "
                    + client + (threads.length() > 3000 ? threads.substring(0, 3000) + "…" : threads), e);
        }
    }

    /** Types into a Vaadin text field the way a person does: value, then change. */
    void type(String css, String text) {
        driver.executeScript("const f = document.querySelector(arguments[0]); f.value = arguments[1];"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                + " f.dispatchEvent(new Event('change', {bubbles: true}));", css, text);
    }

    /** Waits until Vaadin has no request in flight, as TestBench does. */
    void settle() {
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript("const clients = window.Vaadin?.Flow?.clients;"
                + " return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive());")));
    }

    /**
     * Presses a button once the server can hear it: no request in flight, no grid waiting for rows, and exactly one
     * matching element bound to a live server-side component, which is then clicked in the same breath.
     * <p>
     * A grid with component columns renders a row's buttons anew when its items are set again (the tenants filter
     * does) and the rows are sent or confirmed once more: for a moment the old button can stay in the cell while its
     * component is gone, and Flow ignores a click on it without a word (debug log only). That is how "Act as" on a
     * freshly filtered grid opened nothing in some runs. Pressed directly, not with the pointer, which on the tenants
     * grid's wide frozen column sometimes landed beside the button in headless Chromium.
     */
    void press(String css) {
        waitFor(css);
        try {
            wait.until(d -> Boolean.TRUE.equals(driver.executeScript("""
                    const clients = Object.values(window.Vaadin?.Flow?.clients || {});
                    if (!clients.length || clients.some(c => c.isActive && c.isActive())) return false;
                    if ([...document.querySelectorAll('vaadin-grid')].some(g => g.loading
                        || (g.$connector && g.$connector.hasRootRequestQueue && g.$connector.hasRootRequestQueue()))) {
                      return false;
                    }
                    const bound = el => clients.some(c => c.getNodeId && c.getNodeId(el) !== -1);
                    const live = [...document.querySelectorAll(arguments[0])].filter(el => el.isConnected && bound(el));
                    if (live.length !== 1) return false;
                    live[0].click();
                    return true;
                    """, css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no live " + css + " to press (node ids " + driver.executeScript("""
                    const clients = Object.values(window.Vaadin?.Flow?.clients || {});
                    return [...document.querySelectorAll(arguments[0])].map(el => clients.map(c => c.getNodeId
                        ? c.getNodeId(el) : '?').join('/')).join(', ')""", css) + ")", e);
        }
    }

    /** Picks an item of a Vaadin combo box by typing its label, as a person does. */
    void choose(String css, String label) {
        WebElement input = waitFor(css + " input");
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.querySelector(arguments[0]).filteredItems?.length === 1", css)));
        input.sendKeys(Keys.ENTER);
    }

    void click(String css) {
        for (int attempt = 1; ; attempt++) {
            WebElement element = waitFor(css);
            try {
                driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
                element.click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException rendered) {
                // the grid or the page rendered the element anew between finding and clicking it: find it again
                if (attempt == 3) {
                    throw rendered;
                }
                settle();
            }
        }
    }

    /** The texts of the matching elements; empty while the page is being replaced under them. */
    List<String> texts(String css) {
        try {
            return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
        } catch (org.openqa.selenium.WebDriverException reloading) {
            // a stale element, or "does not belong to the document": Chromium reports a replaced page either way
            return List.of();
        }
    }

    /**
     * What keeps the matching elements, and the buttons and links inside them, from being seen and pressed where
     * they are: outside the viewport, covered at their centre by something else (a frozen grid column over another),
     * or reachable only by scrolling a grid sideways. Empty when all is well. Each element is scrolled into view
     * vertically first; a grid that had to scroll sideways to show it counts as a problem, as on a phone nobody
     * knows to scroll there.
     */
    @SuppressWarnings("unchecked")
    List<String> notInView(String... css) {
        return (List<String>) driver.executeScript("""
                const problems = [];
                const grids = [...document.querySelectorAll('vaadin-grid')];
                for (const selector of arguments[0]) {
                  const target = document.querySelector(selector);
                  if (!target) { problems.push(selector + ': not on the page'); continue; }
                  grids.forEach(g => g.$.table.scrollLeft = 0);
                  target.scrollIntoView({block: 'center', inline: 'nearest'});
                  const sideways = grids.filter(g => g.$.table.scrollLeft > 0).map(g => g.id);
                  if (sideways.length) problems.push(selector + ': only after scrolling ' + sideways + ' sideways');
                  for (const el of [target, ...target.querySelectorAll('vaadin-button, a')]) {
                    if (el.offsetParent === null) { // hidden: a problem for the element asked about
                      if (el === target) problems.push(selector + ': hidden');
                      continue;
                    }
                    const r = el.getBoundingClientRect();
                    const name = el === target ? selector : selector + ' ' + (el.id || el.textContent.trim());
                    const where = `[${Math.round(r.left)}..${Math.round(r.right)}] x [${Math.round(r.top)}..`
                        + `${Math.round(r.bottom)}] in ${innerWidth} x ${innerHeight}`;
                    if (r.width === 0 || r.left < 0 || r.right > innerWidth + 0.5 || r.top < 0
                        || r.bottom > innerHeight + 0.5) { problems.push(name + ': outside the viewport ' + where); continue; }
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    if (!hit || !(el === hit || el.contains(hit))) {
                      problems.push(name + ': covered by ' + (hit ? hit.tagName + '#' + hit.id : 'nothing') + ' ' + where);
                    }
                  }
                }
                grids.forEach(g => g.$.table.scrollLeft = 0);
                return problems;
                """, List.of(css));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

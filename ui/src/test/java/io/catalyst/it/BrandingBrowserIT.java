package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A company's logo and colour wherever its people and clients look: uploaded once (REST or Settings), served from
 * Catalyst's own origin, on the company's sign-in page, in the shell, on share links (see DashboardsBrowserIT) and in
 * mails (MailFlowsBrowserIT).
 */
class BrandingBrowserIT {

    private static final String PASSWORD = "branding-password-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aLogoIsUploadedRedrawnServedAndRemovedAndBadFilesAreRefusedWithWords() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        String admin = Fixture.token(acme, List.of("*")).bearer();
        String reader = Fixture.token(acme, List.of("tenant:read")).bearer();

        HttpResponse<String> stored = upload(admin, "image/jpeg", image(1_200, 600, "jpeg"));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        String logo = Server.json(stored).getString("logo");
        assertThat(logo).startsWith("/branding/logo/" + acme.id() + "?v=");
        assertThat(Server.json(Fixture.call("GET", "/api/tenant", reader, null)).getString("logo")).isEqualTo(logo);

        HttpResponse<byte[]> served = fetch(logo, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c)
                .contains("immutable"));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(png.getHeight()).as("fitted into 512x128").isEqualTo(128);
        assertThat(png.getWidth()).isEqualTo(256);
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch(logo, etag).statusCode()).as("unchanged").isEqualTo(304);
        assertThat(fetch("/branding/logo/" + acme.id(), null).headers().firstValue("Cache-Control"))
                .as("without the version, kept briefly").hasValue("public, max-age=300");
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + acme.id() + "'"))
                .contains("tenancy.logo.changed");

        assertProblem(upload(admin, "image/png", "<svg onload=alert(1)>".getBytes()), 400, "not a PNG, JPEG or GIF");
        assertProblem(upload(admin, "image/gif", image(8, 8, "gif")), 400, "between 16 and 4000 pixels");
        assertProblem(upload(admin, "image/png", new byte[2 * 1024 * 1024]), 413, "1 MiB");
        assertProblem(upload(admin, "text/plain", "hello".getBytes()), 415, null);
        assertProblem(upload(reader, "image/png", image(64, 64, "png")), 403, "tenant:manage");
        assertThat(fetch(logo, null).statusCode()).as("the refusals left the logo alone").isEqualTo(200);

        HttpResponse<String> removed = Fixture.call("DELETE", "/api/tenant/logo", admin, null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Server.json(removed).hasKey("logo") && !Server.json(removed).get("logo")
                .jsEquals(elemental.json.Json.createNull())).as("no logo any more").isFalse();
        assertThat(fetch(logo, null).statusCode()).isEqualTo(404);
        assertThat(fetch("/branding/logo/not-a-company", null).statusCode()).isEqualTo(404);
        assertThat(fetch("/branding/logo/" + java.util.UUID.randomUUID(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void theCompanysSignInPageShellAndSettingsShowItsLogo() throws Exception {
        Fixture.Tenant acme = Fixture.tenant("tenant-admin");
        Fixture.password(acme, PASSWORD);
        try (java.sql.Connection db = Server.superuser(); java.sql.Statement sql = db.createStatement()) {
            sql.execute("update tenant set primary_color = '#2e7d32' where id = '" + acme.id() + "'");
        }
        Path file = Files.createTempFile("logo", ".png");
        Files.write(file, image(300, 300, "png"));

        try (Browser browser = new Browser(1280, 900).open("/settings")) {
            browser.signIn(acme.email(), PASSWORD);
            browser.waitFor("#logo-upload");
            assertThat(browser.texts("#logo-preview")).as("none yet").containsExactly("No logo yet");
            WebElement input = browser.waitFor("#logo-upload").getShadowRoot()
                    .findElement(By.cssSelector("input[type=file]"));
            input.sendKeys(file.toString());
            browser.waitFor("#logo-image");
            browser.wait.until(d -> loaded(browser, "#tenant-logo img"));
            assertThat(browser.texts("#logo-message").get(0)).startsWith("The logo is saved");
            assertThat(loaded(browser, "#logo-image")).as("the preview loads under the page's CSP").isTrue();
            browser.screenshot("branding-settings.png");

            browser.click("vaadin-menu-bar#user-menu vaadin-menu-bar-button");
            browser.click("#sign-out");
            browser.wait.until(d -> d.getCurrentUrl().contains("/sign-in?company=" + acme.slug()));
            browser.waitFor("#sign-in-company-name");
            assertThat(browser.texts("#sign-in-company-name")).containsExactly("Tenant " + acme.slug());
            browser.wait.until(d -> loaded(browser, "#sign-in-company img"));
            assertThat(browser.driver.getTitle()).startsWith("Sign in to ");
            browser.screenshot("branding-sign-in.png");
        }
        try (Browser phone = new Browser(390, 844).open("/sign-in?company=" + acme.slug())) {
            phone.waitFor("#sign-in-company-name");
            phone.wait.until(d -> loaded(phone, "#sign-in-company img"));
            phone.screenshot("branding-sign-in-phone.png");
            phone.signIn(acme.email(), PASSWORD);
            phone.waitFor("vaadin-side-nav");
            phone.wait.until(d -> loaded(phone, "#tenant-logo img"));
            // the navbar is fixed, so its children have no offsetParent: their boxes are checked instead
            assertThat(phone.driver.executeScript("return ['#tenant-logo', '#tenant-name', '#user-menu']"
                    + ".filter(s => { const r = document.querySelector(s).getBoundingClientRect();"
                    + " return r.width === 0 || r.left < 0 || r.right > innerWidth; })")).as("outside the screen")
                    .isEqualTo(List.of());
            phone.screenshot("branding-shell-phone.png");
        }
        try (Browser stranger = new Browser(1280, 900).open("/sign-in?company=no-such-company")) {
            stranger.waitFor("vaadin-login-form");
            assertThat(stranger.driver.findElements(By.cssSelector("#sign-in-company-name")))
                    .as("an unknown company gets the plain page").isEmpty();
        }
    }

    private static boolean loaded(Browser browser, String css) {
        return Boolean.TRUE.equals(browser.driver.executeScript("const img = document.querySelector(arguments[0]);"
                + " return !!img && img.complete && img.naturalWidth > 0;", css));
    }

    private static HttpResponse<String> upload(String bearer, String type, byte[] body) {
        return Server.send(HttpRequest.newBuilder(URI.create(Server.BASE + "/api/tenant/logo"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static HttpResponse<byte[]> fetch(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Server.BASE + path))
                .timeout(Duration.ofSeconds(30));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String words) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        if (words != null) {
            JsonObject problem = Server.json(answer);
            assertThat(problem.getString("detail")).contains(words);
        }
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}

package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A newcomer's whole flow in Chromium against the real server: the sandbox connected like a real source (no provider
 * account), synced, and the dashboards plugin's screens as the company's analyst would use them: KPIs that match
 * the metrics API, the campaign drill-down to ads, another period, CSV and Excel exports checked cell by cell, and
 * the phone layout. Screenshots land in target/screenshots.
 */
class DashboardsBrowserIT {

    private static Fixture.Tenant tenant;
    private static String bearer;
    private static final String PASSWORD = "Dashboards-e2e-" + System.nanoTime();

    @BeforeAll
    static void aCompanyWithTheSandboxSynced() throws Exception {
        Fixture.installStarted("../plugins/connectors/sandbox/target/sandbox-plugin.jar",
                "../plugins/features/dashboards/target/dashboards-plugin.jar");
        tenant = Fixture.tenant("tenant-admin");
        Fixture.password(tenant, PASSWORD);
        bearer = Fixture.token(tenant, List.of("dashboards:read")).bearer();
        String admin = Fixture.token(tenant, List.of("*")).bearer();
        Fixture.enable(admin, "sandbox", "dashboards");
        Fixture.sandboxSynced(tenant, admin, "e2e");
    }

    private static JsonObject query(String body) {
        HttpResponse<String> answer = Fixture.call("POST", "/api/tenant/metrics/query", bearer, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.parse(answer.body());
    }

    @Test
    void aReadOnlyLinkShowsTheDashboardWithoutAnAccountUntilRevokedOrExpired() throws Exception {
        String sharer = Fixture.token(tenant, List.of("dashboards:read", "dashboards:share")).bearer();
        HttpResponse<String> refused = Fixture.call("POST", "/api/tenant/shares", bearer,
                "{\"pluginId\":\"dashboards\",\"route\":\"overview\"}");
        assertThat(refused.statusCode()).as("without dashboards:share").isEqualTo(403);
        HttpResponse<String> nothing = Fixture.call("POST", "/api/tenant/shares", sharer,
                "{\"pluginId\":\"dashboards\",\"route\":\"no-such-screen\"}");
        assertThat(nothing.statusCode()).as("only an existing dashboard can be shared").isEqualTo(404);
        JsonObject created = Json.parse(share(sharer, 7));
        String url = created.getString("url");
        String token = url.substring(url.indexOf("token=") + "token=".length());
        assertThat(Fixture.call("GET", "/api/tenant/shares", sharer, null).body()).doesNotContain(token);

        try (Browser anyone = new Browser(1400, 900)) { // a fresh browser, never signed in
            anyone.open("/share?token=" + token);
            anyone.waitFor(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value");
            anyone.wait.until(d -> !d.findElements(By.cssSelector("catalyst-chart[rendered]")).isEmpty());
            anyone.settle();
            assertThat(amount(anyone.texts(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value").get(0)))
                    .isEqualByComparingTo(spend("last_30_days"));
            assertThat(anyone.texts("#share-header").get(0)).contains("Tenant " + tenant.slug())
                    .contains("Read-only view");
            assertThat(anyone.driver.findElements(By.cssSelector("vaadin-side-nav"))).as("no navigation").isEmpty();
            anyone.screenshot("share-link.png");
            // another period on the shared page: the figures change, the link's address stays the link's
            String address = anyone.driver.getCurrentUrl();
            String spendBefore = anyone.texts(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value").get(0);
            anyone.driver.executeScript("const s = document.querySelector('.catalyst-period-picker vaadin-select');"
                    + " s.value = s.value === '2' ? '3' : '2';");
            // the KPI cards are built anew for the period: for a moment there is none
            anyone.wait.until(d -> anyone.texts(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value").stream()
                    .anyMatch(now -> !now.equals(spendBefore)));
            anyone.settle();
            assertThat(anyone.driver.getCurrentUrl()).isEqualTo(address);

            Fixture.Tenant other = Fixture.tenant("tenant-admin");
            String id = created.getObject("share").getString("id");
            assertThat(Fixture.call("DELETE", "/api/tenant/shares/" + id, Fixture.token(other, List.of("*")).bearer(),
                    null).statusCode()).as("another company's link").isEqualTo(404);
            assertThat(Fixture.call("DELETE", "/api/tenant/shares/" + id, sharer, null).statusCode()).isEqualTo(200);
            anyone.open("/share?token=" + token);
            anyone.waitFor("#share-ended");
            assertThat(anyone.driver.findElements(By.cssSelector(".catalyst-kpi"))).isEmpty();

            String expiring = Json.parse(share(sharer, 1)).getString("url");
            try (var db = Server.superuser(); var sql = db.createStatement()) {
                sql.execute("update dashboard_share set expires_at = now() - interval '1 minute' where tenant_id = '"
                        + tenant.id() + "' and revoked_at is null");
            }
            anyone.open("/share?token=" + expiring.substring(expiring.indexOf("token=") + 6));
            anyone.waitFor("#share-ended");
            anyone.open("/share?token=forged" + token.substring(6));
            anyone.waitFor("#share-ended");
        }
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + tenant.id()
                + "' and action like 'sharing.%'")).contains("sharing.link.created", "sharing.link.opened",
                "sharing.link.revoked");
    }

    private static String share(String bearer, int days) {
        HttpResponse<String> created = Fixture.call("POST", "/api/tenant/shares", bearer,
                "{\"pluginId\":\"dashboards\",\"route\":\"overview\",\"title\":\"Overview\","
                        + "\"expiresInDays\":" + days + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body();
    }

    private static BigDecimal spend(String period) {
        return BigDecimal.valueOf(query("{\"metrics\":[\"spend\"],\"period\":\"" + period + "\"}")
                .getArray("totals").getObject(0).getObject("values").getNumber("spend"))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The names of one level's entities that spent in the last 30 days, as the grid lists them. */
    private static Set<String> labels(String dimension) {
        JsonArray rows = query("{\"metrics\":[\"spend\"],\"dimensions\":[\"" + dimension + "\"],"
                + "\"period\":\"last_30_days\"}").getArray("rows");
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < rows.length(); i++) {
            labels.add(rows.getObject(i).getArray("labels").getString(0));
        }
        return labels;
    }

    // "€12,345.67" -> 12345.67
    private static BigDecimal amount(String text) {
        return new BigDecimal(text.replaceAll("[^0-9.\\-]", ""));
    }

    @Test
    void anAnalystReadsEveryDashboardDrillsDownChangesThePeriodAndExports() throws Exception {
        try (Browser browser = new Browser(1400, 900)) {
            browser.open("/plugins/dashboards/overview");
            browser.signIn(tenant.email(), PASSWORD);
            browser.waitFor(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value");
            browser.settle();
            BigDecimal spend = amount(browser.texts(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value").get(0));
            assertThat(spend).as("the tile shows the metrics API's figure").isEqualByComparingTo(spend("last_30_days"));
            assertThat(spend.signum()).isPositive();
            browser.wait.until(d -> !d.findElements(By.cssSelector("catalyst-chart[rendered]")).isEmpty());
            browser.screenshot("dashboards-overview.png");

            for (String screen : List.of("growth", "channels")) {
                browser.open("/plugins/dashboards/" + screen);
                browser.waitFor(".catalyst-kpi");
                browser.wait.until(d -> !d.findElements(By.cssSelector("catalyst-chart[rendered]")).isEmpty());
                browser.settle();
                browser.screenshot("dashboards-" + screen + ".png");
            }
            assertThat(String.join(" ", browser.texts(".catalyst-metrics-grid vaadin-grid-cell-content")))
                    .as("channels by name").contains("Meta Ads").contains("Google Ads");

            // campaign -> ad set -> ad
            browser.open("/plugins/dashboards/campaigns");
            browser.waitFor(".catalyst-metrics-grid vaadin-grid");
            browser.settle();
            List<Set<String>> levels = List.of(labels("campaign"), labels("ad_set"));
            for (int level = 1; level <= 2; level++) {
                Set<String> names = levels.get(level - 1);
                String first = browser.texts(".catalyst-metrics-grid vaadin-grid-cell-content").stream()
                        .filter(names::contains).findFirst().orElseThrow();
                var cell = browser.driver.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space(text())='"
                        + first + "']"));
                browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
                browser.settle();
                cell.click();
                browser.settle();
                int depth = level;
                browser.wait.until(d -> String.join(" ", browser.texts(".catalyst-breadcrumbs")).contains(first));
                assertThat(browser.texts(".catalyst-breadcrumbs").get(0).split("›")).hasSize(depth + 1);
            }
            browser.screenshot("dashboards-campaigns-ads.png");

            // another period: the tiles follow
            browser.open("/plugins/dashboards/overview");
            browser.waitFor(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value");
            browser.click(".catalyst-period-picker vaadin-select");
            browser.driver.findElement(By.xpath("//vaadin-select-item[normalize-space(.)='Last 7 days']")).click();
            browser.settle();
            BigDecimal week = spend("last_7_days");
            browser.wait.until(d -> amount(browser.texts(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value")
                    .get(0)).compareTo(week) == 0);

            // exports: what the grid shows, totals included
            String csv = (String) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(document.querySelector('a.catalyst-export[data-file$=\".csv\"]').href)"
                    + ".then(r => r.text()).then(done)");
            List<String> lines = csv.lines().toList();
            assertThat(lines.get(0)).contains("Campaign").contains("Spend");
            assertThat(lines.get(lines.size() - 1)).startsWith("Total");
            String xlsx = (String) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(document.querySelector('a.catalyst-export[data-file$=\".xlsx\"]').href)"
                    + ".then(r => r.arrayBuffer()).then(b => { let s = ''; new Uint8Array(b).forEach(x =>"
                    + " s += String.fromCharCode(x)); done(btoa(s)); })");
            String pdf = (String) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(document.querySelector('a.catalyst-pdf').href)"
                    + ".then(r => r.arrayBuffer()).then(b => { let s = ''; new Uint8Array(b).forEach(x =>"
                    + " s += String.fromCharCode(x)); done(btoa(s)); })");
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(Base64.getDecoder().decode(pdf));
            StringBuilder pdfText = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pdfText.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page));
            }
            assertThat(pdfText.toString()).as("the PDF, drawn on the server").contains("Overview").contains("Tenant " + tenant.slug())
                    .contains(browser.texts(".catalyst-kpi[data-metric=spend] .catalyst-kpi-value").get(0))
                    .contains("Total");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(xlsx)))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getLastRowNum() + 1).as("header, rows and totals as in the CSV")
                        .isEqualTo(lines.size());
                Row totals = sheet.getRow(sheet.getLastRowNum());
                assertThat(totals.getCell(0).getStringCellValue()).startsWith("Total");
            }

        }
        try (Browser phone = new Browser(390, 844)) {
            phone.open("/");
            phone.signIn(tenant.email(), PASSWORD);
            phone.waitFor("#home-kpis .catalyst-kpi");
            phone.settle();
            phone.screenshot("home-kpis-phone.png");
            for (String screen : List.of("overview", "growth", "channels", "campaigns")) {
                phone.open("/plugins/dashboards/" + screen);
                phone.waitFor(".catalyst-kpi");
                phone.wait.until(d -> !d.findElements(By.cssSelector("catalyst-chart[rendered]")).isEmpty());
                phone.settle();
                phone.screenshot("dashboards-" + screen + "-phone.png");
                Number overflow = (Number) phone.driver.executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue()).as(screen + ": nothing wider than the phone").isLessThanOrEqualTo(0);
            }
        }
    }
}

package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The shell in a real Chromium: sign-in, side navigation, a screen registered at runtime, a chart, a phone. */
class ShellBrowserIT {

    @Test
    void aWrongPasswordIsRefusedWithAReason() throws IOException {
        try (Browser browser = new Browser(1280, 900).open("/system")) {
            browser.signIn(Server.env("CATALYST_BOOTSTRAP_ADMIN_EMAIL"), "not-the-password");

            browser.wait.until(driver -> browser.signInRefused());
            assertThat(browser.driver.getCurrentUrl()).endsWith("/sign-in");
            assertThat(browser.driver.executeScript(
                    "return document.querySelector('vaadin-login-form').i18n.errorMessage.message")).asString()
                    .isEqualTo("The email or password is not right.");
        }
    }

    @Test
    void sideNavLeadsToTheRuntimeRegisteredScreenWhichDrawsAChart() throws IOException {
        try (Browser browser = new Browser(1280, 900).open("/")) {
            browser.signInAsPlatformAdmin();

            browser.waitFor("vaadin-side-nav-item#nav-system");
            assertThat(browser.driver.findElement(By.id("product-name")).getText()).isEqualTo("Catalyst");
            assertThat(browser.driver.findElement(By.id("tenant-name")).getText()).isNotBlank();
            assertThat(browser.driver.findElement(By.id("user-menu")).isDisplayed()).isTrue();
            assertThat(browser.texts("#side-nav > vaadin-side-nav-item")).containsExactly("Home", "Tenants", "AI usage", "Plugin catalogue", "System");

            browser.click("#nav-system");

            browser.wait.until(ExpectedConditions.urlToBe(Server.BASE + "/system"));
            WebElement chart = browser.waitFor("catalyst-chart#memory-chart[rendered]");
            Long bars = (Long) browser.driver.executeScript(
                    "return arguments[0].querySelectorAll('svg path').length", chart);
            assertThat(bars).as("SVG paths drawn by ECharts").isGreaterThanOrEqualTo(4);
            assertThat(chart.getSize().getHeight()).isGreaterThan(100);
            browser.screenshot("shell.png");
        }
    }

    @Test
    void homeFitsAPhone() throws IOException {
        try (Browser browser = new Browser(390, 844).open("/")) {
            browser.signInAsPlatformAdmin();

            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-cards")));
            assertThat(browser.driver.executeScript("return window.innerWidth")).as("phone viewport width")
                    .isEqualTo(390L);
            assertThat((Boolean) browser.driver.executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth")).as("wider than the phone")
                    .isFalse();
            assertThat(browser.driver.findElement(By.cssSelector("vaadin-drawer-toggle")).isDisplayed()).isTrue();
            browser.screenshot("shell-phone.png");
        }
    }
}

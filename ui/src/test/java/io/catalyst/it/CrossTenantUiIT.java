package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.router.Route;
import io.catalyst.ui.shell.PublicScreen;
import io.catalyst.ui.shell.ScreenContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Opens every screen of the UI, found by scanning for routes (and the runtime ones screens contribute), as tenant
 * B's admin, and finds nothing of tenant A on any of them. The tenant comes from the session, so no URL names A.
 */
class CrossTenantUiIT {

    private static final String PASSWORD = "a long enough passphrase 42";

    @Test
    void noScreenShowsAnotherTenantsData() throws Exception {
        Fixture.Tenant a = Fixture.tenant("tenant-admin");
        Fixture.Tenant b = Fixture.tenant("tenant-admin");
        Fixture.password(b, PASSWORD);
        List<String> secrets = List.of(a.slug(), a.email(), a.id().toString(), a.userId().toString());
        List<String> problems = new ArrayList<>();

        try (Browser browser = new Browser(1280, 900).open("/")) {
            browser.signIn(b.email(), PASSWORD);
            browser.waitFor("vaadin-side-nav");
            for (String path : screens()) {
                browser.open("/" + path);
                browser.waitFor("vaadin-app-layout");
                browser.settle();
                String shown = String.valueOf(browser.driver.executeScript("return document.body.innerText"));
                secrets.stream().filter(shown::contains).forEach(s -> problems.add("/" + path + " showed " + s));
            }
        }

        assertThat(problems).isEmpty();
        System.out.println("CrossTenantUiIT opened " + screens().size() + " screens: " + screens());
        assertThat(screens()).contains("", "settings", "members", "api-tokens", "audit", "onboarding", "system", "admin/tenants",
                "plugins/notes/board", "settings/plugins", "admin/plugins");
    }

    // Every route of the UI: annotated screens, and the screens registered at runtime, except public ones.
    private static TreeSet<String> screens() {
        TreeSet<String> paths = new TreeSet<>();
        for (Class<?> screen : new Routes().autoDiscoverViews("io.catalyst.ui").getRoutes()) {
            if (!screen.isAnnotationPresent(PublicScreen.class)) {
                // a plugin screen's route is a template: fill it with the notes plugin's board
                paths.add(screen.getAnnotation(Route.class).value().replace(":pluginId", "notes")
                        .replace(":screen", "board"));
            }
        }
        for (ScreenContribution screen : ServiceLoader.load(ScreenContribution.class)) {
            paths.add(screen.entry().path());
        }
        return paths;
    }
}

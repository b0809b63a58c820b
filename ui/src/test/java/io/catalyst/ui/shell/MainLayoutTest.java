package io.catalyst.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.ui.KaribuTest;
import io.catalyst.ui.home.HomeView;
import io.catalyst.ui.signin.SignInView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MainLayoutTest extends KaribuTest {

    @Test
    void headerShowsProductTenantAndUserMenu() {
        UserSession.start(new SignedIn(UUID.randomUUID(), "ada@acme.example", "Ada Lovelace", false, List.of(ACME)));

        MainLayout layout = new MainLayout(); // a layout reads the user when it is built, as on a page load

        assertThat(_get(layout, RouterLink.class, s -> s.withId("product-name")).getText()).isEqualTo("Catalyst");
        assertThat(_get(layout, Span.class, s -> s.withId("tenant-name")).getText()).isEqualTo("Acme Corp");
        assertThat(_get(layout, MenuBar.class, s -> s.withId("user-menu")).getItems().get(0).getElement()
                .getAttribute("aria-label")).isEqualTo("User menu for Ada Lovelace");
    }

    @Test
    void someoneInSeveralTenantsSwitchesBetweenThem() {
        MainLayout layout = new MainLayout();
        @SuppressWarnings("unchecked")
        Select<SignedIn.TenantAccess> switcher = _get(layout, Select.class, s -> s.withId("tenant-switcher"));

        assertThat(switcher.getListDataView().getItems()).extracting(SignedIn.TenantAccess::name)
                .containsExactly("Acme Corp", "Globex");
        assertThat(switcher.getValue()).isEqualTo(ACME);

        UserSession.switchTo(GLOBEX.tenantId());
        assertThat(UserSession.tenant()).contains(GLOBEX);
        assertThat(ShellUser.current().tenantName()).isEqualTo("Globex");
    }

    @Test
    void noOneSwitchesIntoATenantTheyDoNotBelongTo() {
        assertThatThrownBy(() -> UserSession.switchTo(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(UserSession.tenant()).contains(ACME);
    }

    @Test
    void withoutSigningInEveryScreenLeadsToSignIn() {
        UserSession.end();

        UI.getCurrent().navigate("system");

        assertThat(_find(SignInView.class)).hasSize(1);
        assertThat(_find(HomeView.class)).isEmpty();
    }

    @Test
    void aUserWithoutTenantsSeesThatNoneIsChosen() {
        UserSession.start(new SignedIn(UUID.randomUUID(), "ops@agency.example", "Ops", true, List.of()));

        MainLayout layout = new MainLayout();

        assertThat(_get(layout, Span.class, s -> s.withId("tenant-name")).getText()).isEqualTo("No tenant selected");
    }

    @Test
    void sideNavListsTheRegistryInOrder() {
        UI.getCurrent().navigate("");

        SideNav nav = _get(SideNav.class, s -> s.withId("side-nav"));
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel)
                .containsExactly("Home", "Inbox", "Integrations", "Company settings", "AI credits", "Plugins", "Members",
                        "API tokens", "Audit log", "Tenants", "AI usage", "Plugin catalogue", "System");
        assertThat(nav.getItems()).extracting(SideNavItem::getPath)
                .containsExactly("", "inbox", "integrations", "settings", "ai-usage", "settings/plugins", "members",
                        "api-tokens", "audit", "admin/tenants", "admin/ai", "admin/plugins", "system");
    }

    @Test
    void aScreenRegisteredAtRuntimeAppearsInTheNextLayout() {
        NavigationRegistry registry = NavigationRegistry.of(VaadinSession.getCurrent().getService().getContext());
        registry.register(new NavEntry("reports", "Reports", "vaadin:chart", 500, "a-plugin"));

        MainLayout nextPageLoad = new MainLayout();

        assertThat(nextPageLoad.navigation().getItems()).extracting(SideNavItem::getLabel)
                .containsExactly("Home", "Inbox", "Integrations", "Reports", "Company settings", "AI credits", "Plugins",
                        "Members", "API tokens", "Audit log", "Tenants", "AI usage", "Plugin catalogue", "System");
    }

    @Test
    void aScreenAddedWhileAPageIsOpenAppearsWhenTheNavigationIsRefreshed() {
        UI.getCurrent().navigate("");
        NavigationRegistry registry = NavigationRegistry.of(VaadinSession.getCurrent().getService().getContext());
        registry.register(new NavEntry("reports-now", "Reports now", "vaadin:chart", 500, "a-plugin"));
        try {
            MainLayout.refreshNavigation(); // what enabling a plugin does, instead of asking for a reload

            assertThat(_get(SideNav.class, s -> s.withId("side-nav")).getItems()).extracting(SideNavItem::getLabel)
                    .contains("Reports now");
        } finally {
            registry.unregister("reports-now");
        }
    }
}

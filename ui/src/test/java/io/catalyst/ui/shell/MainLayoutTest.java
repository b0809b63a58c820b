package io.catalyst.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import io.catalyst.ui.KaribuTest;
import org.junit.jupiter.api.Test;

class MainLayoutTest extends KaribuTest {

    @Test
    void headerShowsProductTenantAndUserMenu() {
        VaadinSession.getCurrent().setAttribute(ShellUser.class, new ShellUser("Ada Lovelace", "Acme Corp", true));

        MainLayout layout = new MainLayout(); // a layout reads the user when it is built, as on a page load

        assertThat(_get(layout, RouterLink.class, s -> s.withId("product-name")).getText()).isEqualTo("Catalyst");
        assertThat(_get(layout, Span.class, s -> s.withId("tenant-name")).getText()).isEqualTo("Acme Corp");
        assertThat(_get(layout, MenuBar.class, s -> s.withId("user-menu")).getItems().get(0).getElement()
                .getAttribute("aria-label")).isEqualTo("User menu for Ada Lovelace");
    }

    @Test
    void guestSeesThatNoTenantIsChosen() {
        UI.getCurrent().navigate("");

        assertThat(_get(Span.class, s -> s.withId("tenant-name")).getText()).isEqualTo("No tenant selected");
    }

    @Test
    void sideNavListsTheRegistryInOrder() {
        UI.getCurrent().navigate("");

        SideNav nav = _get(SideNav.class, s -> s.withId("side-nav"));
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel).containsExactly("Home", "System");
        assertThat(nav.getItems()).extracting(SideNavItem::getPath).containsExactly("", "system");
    }

    @Test
    void aScreenRegisteredAtRuntimeAppearsInTheNextLayout() {
        NavigationRegistry registry = NavigationRegistry.of(VaadinSession.getCurrent().getService().getContext());
        registry.register(new NavEntry("reports", "Reports", "vaadin:chart", 500, "a-plugin"));

        MainLayout nextPageLoad = new MainLayout();

        assertThat(nextPageLoad.navigation().getItems()).extracting(SideNavItem::getLabel)
                .containsExactly("Home", "Reports", "System");
    }
}

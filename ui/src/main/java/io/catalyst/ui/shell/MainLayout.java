package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.catalyst.api.ui.kit.ScreenState;
import io.catalyst.core.identity.Impersonation;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Onboarding;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.web.Branding;
import java.util.List;
import java.util.UUID;

/**
 * The frame around every screen: a header with the product, the tenant and the user menu, and a side navigation
 * built from the {@link NavigationRegistry}, showing the screens the user may open. On a phone the navigation folds
 * into a drawer behind the toggle.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final long serialVersionUID = 1L;

    private final SideNav navigation;
    private final Div logo = new Div();

    public MainLayout() {
        ShellUser user = ShellUser.current();

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");

        RouterLink product = new RouterLink("Catalyst", home());
        product.setId("product-name");
        product.addClassName("shell-product");

        Component tenant = tenantSwitcher(user);
        logo.setId("tenant-logo");
        logo.addClassName("shell-logo");

        Div spacer = new Div();
        spacer.addClassName("shell-spacer");

        addToNavbar(toggle, product, logo, tenant, spacer);
        UserSession.impersonator().ifPresent(admin -> addToNavbar(impersonationBanner(user)));
        if (user.signedIn() && user.tenantName() != null) {
            NavigationRegistry.of(VaadinService.getCurrent().getContext()).panels()
                    .forEach(panel -> addToNavbar(panelButton(panel)));
            addToNavbar(new Bell());
        }
        addToNavbar(userMenu(user));

        navigation = new SideNav();
        navigation.setId("side-nav");
        navigation.setLabel("Screens");
        fillNavigation();
        addToDrawer(new Scroller(navigation));
        brand();
    }

    // the company's colour on the whole page (on the body, so dialogs and menus, which are overlays, take it too)
    // and its logo beside its name
    private void brand() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        Tenant tenant = UserSession.tenant().map(t -> tenantOf(t.tenantId())).orElse(null);
        Branding.of("#000000").keySet().forEach(property -> ui.getElement().getStyle().remove(property));
        Branding.of(tenant == null ? null : tenant.primaryColor())
                .forEach((property, value) -> ui.getElement().getStyle().set(property, value));
        logo.removeAll();
        String path = tenant == null ? null : Logos.path(tenant.id(), tenant.logoSha());
        if (path != null) {
            Image image = new Image(path, "");
            image.setHeight("28px");
            logo.add(image);
        }
        logo.setVisible(path != null);
    }

    private static Tenant tenantOf(UUID tenantId) {
        try {
            return Services.get(Onboarding.class).tenant(tenantId);
        } catch (RuntimeException noServices) { // UI unit tests run without CDI
            return null;
        }
    }

    /** Shows the company's colour and logo again on the current page, after a screen changed them. */
    public static void refreshBranding() {
        current().ifPresent(MainLayout::brand);
    }

    // the shell around the current page, if the page has one
    private static java.util.Optional<MainLayout> current() {
        UI ui = UI.getCurrent();
        return ui == null ? java.util.Optional.empty() : ui.getInternals().getActiveRouterTargetsChain().stream()
                .filter(MainLayout.class::isInstance).map(MainLayout.class::cast).findFirst();
    }

    // what the screens declare, and what the sources add for this user (their tenant's plugin screens)
    private void fillNavigation() {
        navigation.removeAll();
        for (NavEntry entry : NavigationRegistry.of(VaadinService.getCurrent().getContext()).sideNavigation()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.href(), new Icon(entry.icon()));
            item.setId("nav-" + (entry.path().isEmpty() ? "home" : entry.path().replace('/', '-')));
            navigation.addItem(item);
        }
    }

    /**
     * Rebuilds the side navigation of the current page, for a screen that changed what it lists (a plugin enabled or
     * disabled): no reload needed. Does nothing outside the shell.
     */
    public static void refreshNavigation() {
        current().ifPresent(MainLayout::fillNavigation);
    }

    // Home is whichever screen has the root route.
    private static Class<? extends Component> home() {
        return RouteConfiguration.forApplicationScope().getRoute("")
                .orElseThrow(() -> new IllegalStateException("No screen has the root route \"\""));
    }

    private static Component userMenu(ShellUser user) {
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);

        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        Span name = new Span(user.displayName());
        name.addClassName("shell-user-name");
        Div label = new Div(avatar, name);
        label.addClassName("shell-user");
        MenuItem root = menu.addItem(label);
        root.getElement().setAttribute("aria-label", "User menu for " + user.displayName());

        SubMenu items = root.getSubMenu();
        items.addItem("About Catalyst", click -> new AboutDialog().open());
        if (user.signedIn()) {
            items.addItem("Sign out", click -> signOut()).setId("sign-out");
        }
        return menu;
    }

    // The tenant's name; a chooser among them for people who work in several.
    private static Component tenantSwitcher(ShellUser user) {
        List<SignedIn.TenantAccess> tenants = UserSession.user().map(SignedIn::tenants).orElse(List.of());
        if (tenants.size() < 2) {
            Span name = new Span(user.tenantName() != null ? user.tenantName() : "No tenant selected");
            name.setId("tenant-name");
            name.addClassName("shell-tenant");
            return name;
        }
        Select<SignedIn.TenantAccess> chooser = new Select<>();
        chooser.setId("tenant-switcher");
        chooser.setAriaLabel("Tenant");
        chooser.addClassName("shell-tenant");
        chooser.setItems(tenants);
        chooser.setItemLabelGenerator(SignedIn.TenantAccess::name);
        UserSession.tenant().ifPresent(chooser::setValue);
        chooser.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                UserSession.switchTo(change.getValue().tenantId());
                UI.getCurrent().getPage().reload(); // every screen re-reads the tenant
            }
        });
        return chooser;
    }

    // Impossible to miss while an admin acts as someone else, and one click to stop.
    private static Component impersonationBanner(ShellUser user) {
        Span text = new Span("Acting as " + user.displayName());
        Button end = new Button("End", click -> {
            SignedIn admin = UserSession.impersonator().orElseThrow();
            SignedIn member = UserSession.user().orElseThrow();
            UUID tenant = UserSession.tenant().map(SignedIn.TenantAccess::tenantId).orElse(null);
            Services.get(Impersonation.class).end(admin.userId(), admin.email(), tenant, member.userId());
            UserSession.endImpersonation();
            UI.getCurrent().getPage().setLocation("/admin/tenants");
        });
        end.setId("end-impersonation");
        end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        Div banner = new Div(text, end);
        banner.setId("impersonation-banner");
        banner.addClassName("shell-impersonation");
        return banner;
    }

    // back to the company's own sign-in page, with its logo and colour
    private static void signOut() {
        String company = UserSession.tenant().map(t -> tenantOf(t.tenantId())).map(Tenant::slug).orElse(null);
        UserSession.end();
        UI.getCurrent().getPage().setLocation(company == null ? "/sign-in" : "/sign-in?company=" + company);
        VaadinSession.getCurrent().getSession().invalidate();
    }


    // opens the panel docked beside every screen, or closes it when it is open
    private static Component panelButton(PanelSource.Panel panel) {
        Button button = new Button(PanelDock.icon(panel.icon()));
        button.setId(panel.elementId());
        button.setAriaLabel(panel.label());
        button.setTooltipText(panel.label());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.addClassName("shell-panel-button");
        button.addClickListener(click -> {
            UI ui = UI.getCurrent();
            java.util.Optional<PanelDock> open = ui.getChildren().filter(PanelDock.class::isInstance)
                    .map(PanelDock.class::cast).filter(d -> d.getId().orElse("").equals(panel.elementId() + "-dock"))
                    .findFirst();
            if (open.isPresent()) {
                open.get().close();
            } else {
                ui.add(new PanelDock(panel));
            }
        });
        return button;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // what panels beside the screen (the assistant) know of it, until the screen publishes its own state
        ScreenState.arrived(UI.getCurrent(), event.getLocation().getPath(),
                event.getLocation().getQueryParameters().getParameters());
        // close the drawer after choosing a screen on a phone, where it covers the content
        if (isOverlay()) {
            setDrawerOpened(false);
        }
    }

    SideNav navigation() {
        return navigation;
    }
}

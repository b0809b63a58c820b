package io.catalyst.ui.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinService;
import io.catalyst.core.metrics.MetricsService;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.NavEntry;
import io.catalyst.ui.shell.NavigationRegistry;
import io.catalyst.ui.onboarding.OnboardingView;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.ShellUser;
import io.catalyst.ui.shell.UserSession;

/**
 * The landing screen: a greeting, the company's headline figures for those who may read them, and a card for each
 * screen the navigation offers, so what plugins add shows up here too. It wraps into one column on a phone.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · Catalyst")
@Navigation(title = "Home", icon = "vaadin:home", order = 0)
public class HomeView extends Div {

    private static final long serialVersionUID = 1L;

    public HomeView() {
        addClassName("screen");
        setId("home");
        ShellUser user = ShellUser.current();

        H2 title = new H2(user.signedIn() ? "Welcome, " + user.displayName() : "Welcome to Catalyst");
        Paragraph intro = new Paragraph("Your marketing data in one place: from growth level down to single ads, "
                + "with lead scores, alerts and an assistant that answers from your own numbers.");
        intro.addClassName("text-secondary");

        FlexLayout cards = new FlexLayout();
        cards.setId("home-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        for (NavEntry entry : NavigationRegistry.of(VaadinService.getCurrent().getContext()).visibleEntries()) {
            if (!entry.path().isEmpty()) {
                cards.add(card(entry));
            }
        }
        add(title, intro);
        UserSession.tenant().filter(t -> !t.onboarded() && UserSession.permits("tenant:manage")).ifPresent(t -> {
            Div setUp = new Div(new H3("Finish setting up " + t.name()),
                    new Paragraph("A few steps: profile, timezone and currency, goals, team, sources."),
                    new RouterLink("Continue setup", OnboardingView.class));
            setUp.setId("setup-reminder");
            setUp.addClassName("card");
            setUp.getStyle().set("margin-bottom", "var(--lumo-space-m)");
            add(setUp);
        });
        // a client user's first sign-in shows their figures, not a promise
        UserSession.tenant().filter(t -> UserSession.permits("dashboards:read"))
                .ifPresent(t -> Services.find(MetricsService.class)
                        .ifPresent(metrics -> add(new HomeKpis(metrics, t.tenantId(), getLocale()))));
        add(cards);
    }

    private static Div card(NavEntry entry) {
        Icon icon = new Icon(entry.icon());
        icon.addClassName("text-primary");
        H3 heading = new H3(entry.title());
        heading.addClassName("text-l");
        Div card = new Div(icon, heading);
        RouteConfiguration.forApplicationScope().getRoute(entry.path())
                .ifPresent(target -> card.add(new RouterLink("Open " + entry.title(), target)));
        card.addClassName("card");
        return card;
    }
}

package io.catalyst.ui.sharing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.core.plugins.PluginDispatch;
import io.catalyst.core.sharing.DashboardShares;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import io.catalyst.ui.plugins.PluginScreens;
import io.catalyst.ui.shell.PublicScreen;
import io.catalyst.ui.shell.Services;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A dashboard opened from a read-only link, without an account: the company's name and colours on top, the one
 * screen below. The screen reads the company's figures and nothing else ({@code dashboards:read} only, no user), and
 * a link that is wrong, expired or revoked says only that it no longer works.
 */
@PublicScreen
@Route("share")
public class SharedScreenView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private String title = "Shared dashboard · Catalyst";

    public SharedScreenView() {
        setId("shared-screen");
        getStyle().set("padding", "var(--lumo-space-m)").set("box-sizing", "border-box").set("max-width", "100%");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        DashboardShares shares = Services.get(DashboardShares.class);
        Optional<DashboardShares.Opened> opened = shares.open(token);
        Optional<Tenant> tenant = opened.flatMap(o -> Services.get(Tenants.class).byId(o.tenantId()));
        Optional<Contribution<UiScreen>> screen = opened.flatMap(o -> shares.screen(o.tenantId(), o.pluginId(),
                o.route()));
        if (opened.isEmpty() || tenant.isEmpty() || screen.isEmpty()) {
            title = "Link ended · Catalyst";
            Paragraph ended = new Paragraph("This link no longer works: it has expired or was revoked. Ask whoever"
                    + " shared it for a new one.");
            ended.setId("share-ended");
            add(new H2("This link no longer works"), ended);
            return;
        }
        DashboardShares.Opened link = opened.get();
        title = link.title() + " · " + tenant.get().name();
        add(header(tenant.get(), link));
        // the company's data, read-only: no user, and only the permission to read figures
        var on = new PluginDispatch.On(link.tenantId(), null, DashboardShares.READ::equals);
        try {
            // the link's own token is not the screen's business: it gets no parameters
            Component content = PluginScreens.build(screen.get(), on, "shared screen " + link.route(),
                    java.util.Map.of());
            add(content);
        } catch (PluginFailure | IllegalStateException failure) {
            Paragraph failed = new Paragraph("This dashboard could not be shown just now. Try again later.");
            failed.setId("share-failed");
            add(failed);
        }
    }

    private static Div header(Tenant tenant, DashboardShares.Opened link) {
        Div header = new Div();
        header.setId("share-header");
        String colour = tenant.primaryColor() == null ? "var(--lumo-primary-color)" : tenant.primaryColor();
        header.getStyle().set("border-top", "4px solid " + colour).set("padding", "var(--lumo-space-s) 0")
                .set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("gap", "var(--lumo-space-m)");
        String logoPath = Logos.path(tenant.id(), tenant.logoSha());
        if (logoPath != null) {
            Image logo = new Image(logoPath, "");
            logo.setHeight("32px");
            header.add(logo);
        }
        Span name = new Span(tenant.name());
        name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Span note = new Span("Read-only view, shared until " + DateTimeFormatter.ISO_LOCAL_DATE.format(
                link.expiresAt().atZone(ZoneId.of(tenant.timezone()))));
        note.setId("share-note");
        note.addClassName("text-secondary");
        header.add(name, note);
        return header;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

package io.catalyst.ui.sharing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.core.sharing.DashboardShares;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Shares one dashboard screen read-only: a new link with its lifetime, its URL shown once with a Copy button, and the
 * screen's live links, each with Revoke.
 */
public class ShareDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.of("UTC"));

    private final UUID tenantId;
    private final String pluginId;
    private final String route;
    private final String title;
    private final Div links = new Div();
    private final Div created = new Div();

    public ShareDialog(UUID tenantId, String pluginId, String route, String title) {
        this.tenantId = tenantId;
        this.pluginId = pluginId;
        this.route = route;
        this.title = title;
        setId("share-dialog");
        setHeaderTitle("Share " + title);
        Paragraph about = new Paragraph("Anyone with the link sees this dashboard with your company's figures,"
                + " read-only and without an account, until it expires or you revoke it.");
        about.addClassName("text-secondary");
        Select<Integer> days = new Select<>();
        days.setId("share-days");
        days.setLabel("Works for");
        days.setItems(7, 30, 90);
        days.setItemLabelGenerator(d -> d + " days");
        days.setValue(30);
        Button create = new Button("Create link", e -> create(days.getValue()));
        create.setId("share-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(days, create);
        form.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "end")
                .set("flex-wrap", "wrap");
        links.setId("share-links");
        add(about, form, created, links);
        getFooter().add(new Button("Close", e -> close()));
        setMaxWidth("36rem");
        refresh();
    }

    private void create(int days) {
        try {
            DashboardShares.Created link = Services.get(DashboardShares.class).create(tenantId,
                    UserSession.user().map(u -> u.userId()).orElse(null), UserSession.actor(), pluginId, route, title,
                    days);
            TextField url = new TextField("Link (shown once)");
            url.setId("share-url");
            url.setValue(link.url());
            url.setReadOnly(true);
            url.setWidthFull();
            Button copy = new Button("Copy", e -> url.getElement().executeJs(
                    "navigator.clipboard && navigator.clipboard.writeText($0)", link.url()));
            copy.setId("share-copy");
            created.removeAll();
            created.add(url, copy);
            refresh();
        } catch (ProblemException e) {
            created.removeAll();
            created.add(new Paragraph(e.getMessage()));
        }
    }

    private void refresh() {
        links.removeAll();
        DashboardShares shares = Services.get(DashboardShares.class);
        Instant now = Instant.now();
        var live = shares.list(tenantId).stream().filter(s -> s.pluginId().equals(pluginId)
                && s.route().equals(route) && s.active(now)).toList();
        if (live.isEmpty()) {
            return;
        }
        links.add(new Paragraph("Live links to this dashboard"));
        for (DashboardShares.Share share : live) {
            Span what = new Span("Created " + DAY.format(share.createdAt()) + ", until " + DAY.format(share.expiresAt())
                    + ", opened " + share.opens() + (share.opens() == 1 ? " time" : " times"));
            Button revoke = new Button("Revoke", e -> {
                shares.revoke(tenantId, UserSession.user().map(u -> u.userId()).orElse(null), UserSession.actor(),
                        share.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setId("share-revoke-" + share.id());
            Div row = new Div(what, revoke);
            row.addClassName("share-link");
            row.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-s)")
                    .set("align-items", "center").set("flex-wrap", "wrap");
            links.add(row);
        }
    }
}

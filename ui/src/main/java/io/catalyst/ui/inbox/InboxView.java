package io.catalyst.ui.inbox;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.core.notify.Inbox;
import io.catalyst.core.notify.NotificationHub;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in user's notifications, newest first, with what each kind of notification does (in the app, email now,
 * a daily digest, or nothing) and, for those who manage them, the company's webhooks. New notifications appear
 * without a reload.
 */
@Route(value = "inbox", layout = MainLayout.class)
@PageTitle("Inbox · Catalyst")
@Navigation(title = "Inbox", icon = "vaadin:bell", order = 5)
@RequiresPermission(Permissions.TENANT_READ)
public class InboxView extends Div implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 100;

    private final UUID tenantId = UserSession.tenant().orElseThrow().tenantId();
    private final UUID userId = UserSession.user().map(SignedIn::userId).orElseThrow();
    private final Div list = new Div();
    private final Checkbox unreadOnly = new Checkbox("Unread only");
    private final TabSheet tabs = new TabSheet();
    private final Button newer = new Button();
    private int shownUnread;
    private final Tab preferencesTab;
    private transient AutoCloseable live;

    public InboxView() {
        addClassName("screen");
        setId("inbox");
        list.setId("inbox-list");
        list.addClassName("inbox-list");

        Button readAll = new Button("Mark all read", click -> {
            Services.get(Inbox.class).markAllRead(tenantId, userId);
            refresh();
        });
        readAll.setId("inbox-read-all");
        readAll.addThemeVariants(ButtonVariant.LUMO_SMALL);
        unreadOnly.setId("inbox-unread-only");
        unreadOnly.addValueChangeListener(change -> refresh());
        newer.setId("inbox-newer");
        newer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        newer.setVisible(false);
        newer.addClickListener(click -> refresh());
        Div bar = new Div(newer, unreadOnly, readAll);
        bar.addClassName("inbox-bar");

        tabs.setId("inbox-tabs");
        tabs.setWidthFull();
        tabs.add(new Tab("Notifications"), new Div(bar, list));
        preferencesTab = tabs.add(new Tab("Delivery"), new PreferencesPanel(tenantId, userId));
        if (UserSession.permits(Permissions.WEBHOOKS_MANAGE)) {
            tabs.add(new Tab("Webhooks"), new WebhooksPanel(tenantId));
        }
        add(new H2("Inbox"), tabs);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().getOrDefault("tab", List.of())
                .contains("preferences")) {
            tabs.setSelectedTab(preferencesTab);
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        // new arrivals are offered, not pushed into the list: a list that changes under the pointer loses clicks
        live = Services.get(NotificationHub.class).subscribe(tenantId, userId, count -> ui.access(() -> {
            if (count > shownUnread) {
                newer.setText("New notifications: show them");
                newer.setVisible(true);
            }
        }));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        try {
            if (live != null) {
                live.close();
            }
        } catch (Exception ignored) {
            // the hub only forgets a callback
        }
        super.onDetach(event);
    }

    private void refresh() {
        Inbox.Page page = Services.get(Inbox.class).page(tenantId, userId, unreadOnly.getValue(), SHOWN);
        shownUnread = page.unread();
        newer.setVisible(false);
        list.removeAll();
        if (page.items().isEmpty()) {
            Paragraph none = new Paragraph(unreadOnly.getValue() ? "Nothing unread." : "No notifications yet. Alerts,"
                    + " tasks and other features tell you here what needs you.");
            none.setId("inbox-empty");
            none.addClassName("inbox-empty");
            list.add(none);
            return;
        }
        page.items().forEach(item -> list.add(entry(item)));
    }

    private Component entry(Inbox.Item item) {
        Span title = new Span(item.title());
        title.addClassName("inbox-title");
        Span meta = new Span(sender(item.source()) + " · " + ago(item.createdAt()));
        meta.addClassName("inbox-meta");
        Paragraph message = new Paragraph(item.message());
        message.addClassName("inbox-message");
        Div entry = new Div(title, meta, message);
        entry.addClassName("inbox-entry");
        entry.getElement().setAttribute("data-id", item.id().toString());
        if (item.readAt() == null) {
            entry.addClassName("unread");
        }
        Div actions = new Div();
        actions.addClassName("inbox-actions");
        if (item.link() != null) {
            Button open = new Button("Open", click -> {
                Services.get(Inbox.class).markRead(tenantId, userId, item.id());
                // a link may carry a query (plugins/alerts/alert?id=...): navigate(String) would take it as path
                Location target = new Location(item.link());
                UI.getCurrent().navigate(target.getPath(), target.getQueryParameters());
            });
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            open.addClassName("inbox-open");
            actions.add(open);
        }
        if (item.readAt() == null) {
            Button read = new Button("Mark read", click -> {
                Services.get(Inbox.class).markRead(tenantId, userId, item.id());
                refresh();
            });
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            read.addClassName("inbox-mark-read");
            actions.add(read);
        }
        entry.add(actions);
        return entry;
    }

    static String sender(String source) {
        return "core".equals(source) ? "Catalyst" : Character.toUpperCase(source.charAt(0))
                + source.substring(1).replace('-', ' ');
    }

    /** How long ago, as people say it: just now, 5 min ago, 3 h ago, 2 days ago. */
    static String ago(Instant at) {
        Duration d = Duration.between(at, Instant.now());
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return d.toDays() == 1 ? "yesterday" : d.toDays() + " days ago";
    }
}

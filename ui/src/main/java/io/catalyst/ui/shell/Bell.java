package io.catalyst.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.core.notify.Inbox;
import io.catalyst.core.notify.NotificationHub;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bell in the header: the signed-in user's unread notifications, kept current by server push in every open
 * browser of that user, and one click to the inbox.
 */
public class Bell extends Button {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Bell.class.getName());

    private final Span badge = new Span();
    private transient AutoCloseable subscription;

    public Bell() {
        super(VaadinIcon.BELL.create());
        setId("bell");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        addClassName("shell-bell");
        badge.setId("bell-count");
        badge.getElement().getThemeList().add("badge error primary small pill");
        badge.addClassName("shell-bell-count");
        getElement().appendChild(badge.getElement());
        addClickListener(click -> UI.getCurrent().navigate("inbox"));
        show(0);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UUID tenant = UserSession.tenant().map(SignedIn.TenantAccess::tenantId).orElse(null);
        UUID user = UserSession.user().map(SignedIn::userId).orElse(null);
        if (tenant == null || user == null) {
            setVisible(false);
            return;
        }
        java.util.Optional<Inbox> inbox = Services.find(Inbox.class);
        java.util.Optional<NotificationHub> hub = Services.find(NotificationHub.class);
        if (inbox.isEmpty() || hub.isEmpty()) {
            setVisible(false); // no server behind the page (UI unit tests): no inbox to count
            return;
        }
        UI ui = event.getUI();
        show(inbox.get().unread(tenant, user));
        subscription = hub.get().subscribe(tenant, user, count -> ui.access(() -> show(count)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Unsubscribing the bell failed", e);
            }
            subscription = null;
        }
        super.onDetach(event);
    }

    private void show(int unread) {
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        setAriaLabel(unread == 0 ? "Notifications: none unread" : "Notifications: " + unread + " unread");
        setTooltipText(unread == 0 ? "No unread notifications" : unread + " unread");
    }
}

package io.catalyst.ui.inbox;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.catalyst.core.notify.Inbox;
import io.catalyst.ui.shell.Services;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** For each kind of notification the user has had: whether it shows in the app, and how it comes by email. */
class PreferencesPanel extends Div {

    private static final long serialVersionUID = 1L;
    private static final Map<Inbox.Email, String> EMAIL = Map.of(Inbox.Email.IMMEDIATE, "Email at once",
            Inbox.Email.DIGEST, "In the daily digest (8:00)", Inbox.Email.OFF, "No email");

    PreferencesPanel(UUID tenantId, UUID userId) {
        setId("inbox-preferences");
        List<Inbox.Preference> prefs = Services.get(Inbox.class).preferences(tenantId, userId);
        add(new Paragraph("Every notification lands in your inbox, and by email at once unless you choose otherwise"
                + " here. Kinds appear once you have had one."));
        if (prefs.isEmpty()) {
            Paragraph none = new Paragraph("You have had no notifications yet.");
            none.addClassName("inbox-empty");
            add(none);
        }
        for (Inbox.Preference pref : prefs) {
            Span kind = new Span(InboxView.sender(pref.source()) + ": " + pref.kind().replace('.', ' ')
                    .replace('-', ' '));
            kind.addClassName("pref-kind");
            Checkbox inApp = new Checkbox("In the app", pref.inApp());
            Select<Inbox.Email> email = new Select<>();
            email.setItems(Inbox.Email.values());
            email.setItemLabelGenerator(EMAIL::get);
            email.setValue(pref.email());
            email.setAriaLabel("Email for " + pref.kind());
            Runnable save = () -> Services.get(Inbox.class).choose(tenantId, userId, new Inbox.Preference(
                    pref.source(), pref.kind(), inApp.getValue(), email.getValue()));
            inApp.addValueChangeListener(change -> save.run());
            email.addValueChangeListener(change -> save.run());
            Div row = new Div(kind, inApp, email);
            row.addClassName("pref-row");
            row.getElement().setAttribute("data-kind", pref.source() + "/" + pref.kind());
            add(row);
        }
    }
}

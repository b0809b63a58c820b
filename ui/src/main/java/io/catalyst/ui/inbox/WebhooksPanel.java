package io.catalyst.ui.inbox;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.core.notify.Webhooks;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The company's webhooks: add one (its secret shown once), see where they post, remove one. */
class WebhooksPanel extends Div {

    private static final long serialVersionUID = 1L;

    private final UUID tenantId;
    private final Div list = new Div();

    WebhooksPanel(UUID tenantId) {
        this.tenantId = tenantId;
        setId("inbox-webhooks");
        TextField name = new TextField("Name");
        name.setId("webhook-name");
        TextField url = new TextField("Address (https)");
        url.setId("webhook-url");
        url.setPlaceholder("https://hooks.slack.com/services/...");
        TextField kinds = new TextField("Kinds (optional)");
        kinds.setId("webhook-kinds");
        kinds.setPlaceholder("alerts, tasks/task.assigned");
        kinds.setHelperText("Empty: every notification of the company");
        Button add = new Button("Add webhook", click -> {
            try {
                List<String> patterns = Arrays.stream(kinds.getValue().split(",")).map(String::strip)
                        .filter(k -> !k.isEmpty()).toList();
                Webhooks.Created created = Services.get(Webhooks.class).create(tenantId,
                        UserSession.user().orElseThrow().userId(), UserSession.actor(), name.getValue(),
                        url.getValue().strip(), patterns);
                name.clear();
                url.clear();
                kinds.clear();
                url.setInvalid(false);
                showSecret(created);
                refresh();
            } catch (ProblemException refused) {
                url.setInvalid(true);
                url.setErrorMessage(refused.getMessage());
            }
        });
        add.setId("webhook-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(name, url, kinds, add);
        form.addClassName("webhook-form");
        add(new Paragraph("Webhooks post the company's notifications to Slack or any receiver, signed with"
                + " HMAC-SHA256 (header X-Catalyst-Signature). Failed calls are retried for about a day."), form, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        for (Webhooks.Webhook hook : Services.get(Webhooks.class).list(tenantId)) {
            Span what = new Span(hook.name() + " → " + java.net.URI.create(hook.url()).getHost()
                    + (hook.kinds().isEmpty() ? " (everything)" : " (" + String.join(", ", hook.kinds()) + ")"));
            Button remove = new Button("Remove", click -> {
                ConfirmDialog confirm = new ConfirmDialog("Remove " + hook.name() + "?",
                        "It stops receiving notifications at once.", "Remove", yes -> {
                            Services.get(Webhooks.class).delete(tenantId, UserSession.user().orElseThrow().userId(),
                                    UserSession.actor(), hook.id());
                            refresh();
                        });
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            Div row = new Div(what, remove);
            row.addClassName("webhook-row");
            list.add(row);
        }
    }

    private static void showSecret(Webhooks.Created created) {
        ConfirmDialog dialog = new ConfirmDialog("Webhook added", "Its signing secret, shown only now: "
                + created.secret() + " — keep it in the receiver to check each call's X-Catalyst-Signature.", "Done",
                close -> { });
        dialog.setId("webhook-secret");
        dialog.open();
    }
}

package io.catalyst.ui.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableRunnable;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.sync.SyncScheduler;
import io.catalyst.ui.shell.UserSession;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks which of the accounts a connection's sign-in reaches are synced, and starts a sync of them. */
class AccountsDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient Connections connections;
    private final transient SyncScheduler scheduler;

    /**
     * @param accounts the accounts the provider lists for the connection
     * @param saved    runs once the choice is saved (and a sync queued when any account is chosen)
     */
    AccountsDialog(Connections connections, SyncScheduler scheduler, Connections.View v, List<ProviderAccount> accounts,
                   SerializableRunnable saved) {
        this.connections = connections;
        this.scheduler = scheduler;
        setHeaderTitle("Accounts to sync from " + v.connectorName());
        CheckboxGroup<ProviderAccount> picks = new CheckboxGroup<>();
        picks.setId("account-picker");
        picks.setItems(accounts);
        picks.setItemLabelGenerator(a -> a.name() + " (" + a.id() + (a.currency() == null ? "" : ", "
                + a.currency()) + ")");
        picks.setValue(accounts.stream().filter(a -> v.accounts().contains(a.id())).collect(Collectors.toSet()));
        Button save = new Button("Save and sync", click -> {
            Set<ProviderAccount> chosen = picks.getValue();
            this.connections.update(IntegrationsView.tenantId(), IntegrationsView.actorId(), UserSession.actor(),
                    v.id(), new Connections.Change(null, chosen.stream().map(ProviderAccount::id).sorted().toList(),
                            null, null, null, null, null));
            if (!chosen.isEmpty()) {
                this.scheduler.runNow(IntegrationsView.tenantId(), v.id());
            }
            close();
            saved.run();
        });
        save.setId("save-accounts");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(accounts.isEmpty() ? new Paragraph("This sign-in reaches no accounts.") : picks);
        getFooter().add(new Button("Cancel", c -> close()), save);
    }
}

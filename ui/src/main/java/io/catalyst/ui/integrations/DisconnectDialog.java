package io.catalyst.ui.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.UserSession;

/** Disconnects a connection: syncing stops, and the data synced so far is kept or deleted. */
class DisconnectDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient Connections connections;

    /**
     * @param disconnected runs once the connection is gone
     * @param refused      gets the reason when it could not be disconnected (the dialog then closes)
     */
    DisconnectDialog(Connections connections, Connections.View v, SerializableRunnable disconnected,
                     SerializableConsumer<String> refused) {
        this.connections = connections;
        setHeaderTitle("Disconnect " + v.name());
        RadioButtonGroup<String> data = new RadioButtonGroup<>();
        data.setId("keep-data");
        data.setItems("Keep the data synced so far", "Delete its data from Catalyst");
        data.setValue("Keep the data synced so far");
        Button confirm = new Button("Disconnect", click -> {
            try {
                this.connections.delete(IntegrationsView.tenantId(), IntegrationsView.actorId(), UserSession.actor(),
                        v.id(), data.getValue().startsWith("Keep"));
                close();
                disconnected.run();
            } catch (ProblemException e) {
                refused.accept(e.getMessage());
                close();
            }
        });
        confirm.setId("confirm-disconnect");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("Syncing stops. Choose what happens to what was already synced."), data);
        getFooter().add(new Button("Cancel", c -> close()), confirm);
    }
}

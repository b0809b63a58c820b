package io.catalyst.ui.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.connect.ConnectorRegistry;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.UserSession;

/** Connects a source that signs in with an API key: a name and the key, which is stored encrypted. */
class ApiKeyDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient Connections connections;

    /** {@code connected} gets the new connection once it is created; a refusal is shown on the key. */
    ApiKeyDialog(Connections connections, ConnectorRegistry.Available available,
                 SerializableConsumer<Connections.View> connected) {
        this.connections = connections;
        setHeaderTitle("Connect " + available.connector().displayName());
        TextField name = new TextField("Name");
        name.setValue(available.connector().displayName());
        PasswordField key = new PasswordField("API key");
        key.setId("api-key");
        key.setHelperText("Stored encrypted. Nobody can read it back, not even an admin.");
        Button save = new Button("Connect", click -> {
            try {
                Connections.View created = this.connections.create(IntegrationsView.tenantId(),
                        IntegrationsView.actorId(), UserSession.actor(),
                        new Connections.Draft(available.connector().id(), name.getValue(), key.getValue(), null,
                                null, null, null, null));
                close();
                connected.accept(created);
            } catch (ProblemException e) {
                key.setInvalid(true);
                key.setErrorMessage(e.getMessage());
            }
        });
        save.setId("save-api-key");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, key);
        getFooter().add(new Button("Cancel", c -> close()), save);
    }
}

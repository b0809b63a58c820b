package io.catalyst.ui.integrations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.function.SerializableRunnable;
import io.catalyst.api.settings.SettingField;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.plugins.SettingInputs;
import io.catalyst.ui.shell.UserSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a connection's connector declares (what counts as a conversion, say), one field each as the plugin
 * settings form builds them, saved through {@link Connections#update} like {@code PATCH /api/tenant/connections/{id}}.
 */
class ConnectionSettingsDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    /** When a changed setting shows in the figures. */
    static final String TAKES_EFFECT = "Settings saved. They apply from the next sync; days already loaded change"
            + " when they are read again (lookback or a backfill).";

    private final transient Connections connections;
    private final transient List<SettingField> fields;
    private final Map<String, HasValue<?, String>> inputs = new LinkedHashMap<>();

    /**
     * {@code fields} are the connector's {@code connectionSettings()}; {@code saved} runs once they are saved. A
     * refusal shows on the fields it names.
     */
    ConnectionSettingsDialog(Connections connections, Connections.View v, List<SettingField> fields,
                             SerializableRunnable saved) {
        this.connections = connections;
        this.fields = List.copyOf(fields);
        setId("connection-settings");
        setHeaderTitle("Settings of " + v.name());
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        for (SettingField field : this.fields) {
            HasValue<?, String> input = SettingInputs.input(field, v.settings().get(field.key()), false);
            inputs.put(field.key(), input);
            form.add((Component) input);
        }
        Button save = new Button("Save", click -> save(v, saved));
        save.setId("save-connection-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form);
        getFooter().add(new Button("Cancel", c -> close()), save);
    }

    private void save(Connections.View v, SerializableRunnable saved) {
        try {
            connections.update(IntegrationsView.tenantId(), IntegrationsView.actorId(), UserSession.actor(), v.id(),
                    new Connections.Change(null, null, null, null, values(v), null, null));
            close();
            Notification.show(TAKES_EFFECT, 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            saved.run();
        } catch (ProblemException e) {
            boolean shown = false;
            for (Problem.FieldError error : e.errors()) {
                String key = error.field().startsWith("settings.") ? error.field().substring("settings.".length())
                        : error.field();
                if (inputs.containsKey(key)) {
                    SettingInputs.refuse(inputs.get(key), error.message());
                    shown = true;
                }
            }
            if (!shown) {
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    /**
     * What the connection sets: a blank field, or the default the connection never set, is left out, so the
     * connector's default (which may change with its version) applies.
     */
    private Map<String, String> values(Connections.View v) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingField field : fields) {
            String value = inputs.get(field.key()).getValue();
            value = value == null ? "" : value.trim();
            boolean unchangedDefault = value.equals(field.defaultValue()) && !v.settings().containsKey(field.key());
            if (!value.isEmpty() && !unchangedDefault) {
                values.put(field.key(), value);
            }
        }
        return values;
    }
}

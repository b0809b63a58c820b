package io.catalyst.ui.plugins;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.api.settings.SettingField;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.plugins.TenantPlugins;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The company's plugins: tenant admins enable or disable each installed plugin and fill in its settings, in a form
 * the plugin's settings schema describes. Secrets are write-only.
 */
@Route(value = "settings/plugins", layout = MainLayout.class)
@PageTitle("Plugins · Catalyst")
@Navigation(title = "Plugins", icon = "vaadin:plug", order = 695)
@RequiresPermission(Permissions.PLUGINS_MANAGE)
public class CompanyPluginsView extends Div {

    private static final long serialVersionUID = 1L;

    private final transient TenantPlugins plugins = Services.get(TenantPlugins.class);
    private final Grid<TenantPlugins.View> grid = new Grid<>();

    public CompanyPluginsView() {
        addClassName("screen");
        setId("company-plugins");
        grid.setId("company-plugin-grid");
        grid.addColumn(TenantPlugins.View::pluginId).setHeader("Plugin").setAutoWidth(true);
        grid.addColumn(TenantPlugins.View::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(v -> v.description() == null ? "" : v.description()).setHeader("What it does").setFlexGrow(2);
        grid.addComponentColumn(this::enabledToggle).setHeader("Enabled").setAutoWidth(true);
        grid.addComponentColumn(this::settingsButton).setHeader("").setAutoWidth(true);
        add(new H2("Plugins"), grid);
        refresh();
    }

    private Component enabledToggle(TenantPlugins.View view) {
        Checkbox enabled = new Checkbox(view.enabled());
        enabled.setId("enable-" + view.pluginId());
        enabled.setEnabled(view.state().equals("STARTED"));
        enabled.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                plugins.setEnabled(actorId(), UserSession.actor(), tenantId(), view.pluginId(), change.getValue());
                Notification.show((change.getValue() ? "Enabled " : "Disabled ") + view.pluginId()
                        + "; reload to see its screens").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ProblemException e) {
                Notification.show(e.getMessage() + " " + e.errors().stream().map(Problem.FieldError::field).toList())
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        return enabled;
    }

    private Component settingsButton(TenantPlugins.View view) {
        Button open = new Button("Settings", click -> openSettings(view));
        open.setId("settings-" + view.pluginId());
        open.setEnabled(!view.fields().isEmpty());
        return open;
    }

    private void openSettings(TenantPlugins.View view) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(view.pluginId() + " settings");
        FormLayout form = new FormLayout();
        Map<String, HasValue<?, String>> inputs = new LinkedHashMap<>();
        for (SettingField field : view.fields()) {
            HasValue<?, String> input = input(field, view);
            inputs.put(field.key(), input);
            form.add((Component) input);
        }
        Button save = new Button("Save", click -> {
            Map<String, String> values = new LinkedHashMap<>();
            inputs.forEach((key, input) -> values.put(key, input.getValue()));
            try {
                plugins.saveSettings(actorId(), UserSession.actor(), tenantId(), view.pluginId(), values);
                dialog.close();
                Notification.show("Saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ProblemException e) {
                for (Problem.FieldError error : e.errors()) {
                    if (inputs.containsKey(error.field())) {
                        SettingInputs.refuse(inputs.get(error.field()), error.message());
                    }
                }
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("save-plugin-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), save);
        dialog.open();
    }

    private static HasValue<?, String> input(SettingField field, TenantPlugins.View view) {
        return SettingInputs.input(field, view.settings().get(field.key()), view.secretsSet().contains(field.key()));
    }

    private void refresh() {
        grid.setItems(plugins.list(tenantId()));
    }

    private static UUID tenantId() {
        return UserSession.tenant().orElseThrow().tenantId();
    }

    private static UUID actorId() {
        return UserSession.user().orElseThrow().userId();
    }
}

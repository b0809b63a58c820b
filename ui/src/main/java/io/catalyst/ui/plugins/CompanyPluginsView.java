package io.catalyst.ui.plugins;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.api.settings.SettingField;
import io.catalyst.core.connect.ConnectorRegistry;
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
    private final Component empty;
    // plugins that contribute connectors: Integrations offers them to every company, enabled or not
    private final java.util.Set<String> connectorPlugins = Services.get(ConnectorRegistry.class).all().stream()
            .map(a -> a.contribution().pluginId()).collect(java.util.stream.Collectors.toSet());

    public CompanyPluginsView() {
        addClassName("screen");
        setId("company-plugins");
        grid.setId("company-plugin-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(v -> PluginNames.of(v.pluginId())).setHeader("Plugin").setWidth("10rem").setFlexGrow(0);
        grid.addColumn(v -> v.description() == null ? "" : v.description()).setHeader("What it does")
                .setWidth("12rem").setFlexGrow(2);
        grid.addComponentColumn(this::enabledToggle).setHeader("For your company").setWidth("11rem")
                .setFlexGrow(1);
        grid.addComponentColumn(this::settingsButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        Paragraph none = new Paragraph("No plugins are installed on this platform yet. Your platform admin installs"
                + " them; you then turn them on here.");
        none.setId("no-company-plugins");
        empty = none;
        add(new H2("Plugins"), none, grid);
        refresh();
    }

    private Component enabledToggle(TenantPlugins.View view) {
        if (connectorPlugins.contains(view.pluginId())) {
            // connectors are not switched per company: every company may connect them under Integrations
            Span always = new Span("Available under Integrations");
            always.setId("always-" + view.pluginId());
            always.getElement().getThemeList().add("badge success");
            return always;
        }
        Checkbox enabled = new Checkbox(view.enabled());
        enabled.setLabel(view.enabled() ? "On" : "Off");
        enabled.setAriaLabel("Turn " + PluginNames.of(view.pluginId()) + " on for your company");
        enabled.setId("enable-" + view.pluginId());
        enabled.setEnabled(view.state().equals("STARTED"));
        enabled.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                plugins.setEnabled(actorId(), UserSession.actor(), tenantId(), view.pluginId(), change.getValue());
                Notification.show(PluginNames.of(view.pluginId()) + (change.getValue() ? " is on" : " is off")
                        + " for your company").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                MainLayout.refreshNavigation(); // its screens come and go in the navigation at once
            } catch (ProblemException e) {
                Notification.show(e.getMessage() + (e.errors().isEmpty() ? "" : " " + e.errors().stream()
                        .map(error -> error.field() + ": " + error.message()).toList()))
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
        dialog.setHeaderTitle("Settings of " + PluginNames.of(view.pluginId()));
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
        java.util.List<TenantPlugins.View> all = plugins.list(tenantId());
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }

    private static UUID tenantId() {
        return UserSession.tenant().orElseThrow().tenantId();
    }

    private static UUID actorId() {
        return UserSession.user().orElseThrow().userId();
    }
}

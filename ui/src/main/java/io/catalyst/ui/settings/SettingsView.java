package io.catalyst.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Onboarding;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;

/** The company's profile, locale and goals, each saved on its own, after the setup wizard too. */
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Company settings · Catalyst")
@Navigation(title = "Company settings", icon = "vaadin:cog", order = 690)
@RequiresPermission(Permissions.TENANT_MANAGE)
public class SettingsView extends Div {

    private static final long serialVersionUID = 1L;

    public SettingsView() {
        addClassName("screen");
        setId("settings");
        Onboarding onboarding = Services.get(Onboarding.class);
        Tenant tenant = onboarding.tenant(UserSession.tenant().orElseThrow().tenantId());
        add(new H2("Company settings"));
        section("Profile and branding", "save-profile", SettingsForms.profile(onboarding,
                Services.get(Logos.class), tenant));
        section("Timezone and currency", "save-locale", SettingsForms.locale(onboarding, tenant));
        section("Business goals", "save-goals", SettingsForms.goals(onboarding, tenant));
    }

    private void section(String title, String id, SettingsForms.Form form) {
        Button save = new Button("Save", click -> {
            if (form.trySave() != null) {
                MainLayout.refreshBranding(); // a new name or colour shows at once
                Notification.show(title + " saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        });
        save.setId(id);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(title), form.fields(), save);
    }
}

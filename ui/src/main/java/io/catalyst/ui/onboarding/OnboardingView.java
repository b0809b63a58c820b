package io.catalyst.ui.onboarding;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.connect.ConnectorRegistry;
import io.catalyst.core.identity.Invitations;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Users;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Onboarding;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.settings.SettingsForms;
import io.catalyst.ui.shell.FormRow;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The guided setup of a new company: profile and branding, timezone and currency, business goals, teammates, and
 * sources. Each step is saved when left with Next, so the wizard resumes where it was left, on any device.
 */
@Route(value = "onboarding", layout = MainLayout.class)
@PageTitle("Set up · Catalyst")
@RequiresPermission(Permissions.TENANT_MANAGE)
public class OnboardingView extends Div {

    private static final long serialVersionUID = 1L;
    private static final String[] TITLES = {"Company profile and branding", "Timezone and currency",
        "Business goals", "Invite your team", "Connect sources and choose plugins"};

    private final transient Onboarding onboarding = Services.get(Onboarding.class);
    private final UUID tenantId = UserSession.tenant().orElseThrow().tenantId();
    private final Div body = new Div();
    private final H3 title = new H3();
    private final ProgressBar progress = new ProgressBar(0, Onboarding.STEPS);
    private Tenant tenant;
    private int step;

    public OnboardingView() {
        addClassName("screen");
        setId("onboarding");
        tenant = onboarding.tenant(tenantId);
        step = Math.min(tenant.onboardingStep() + 1, Onboarding.STEPS);
        title.setId("onboarding-step");
        add(new H2("Set up " + tenant.name()), progress, title, body);
        show();
    }

    private void show() {
        body.removeAll();
        title.setText("Step " + step + " of " + Onboarding.STEPS + ": " + TITLES[step - 1]);
        progress.setValue(step - 1);
        Supplier<Tenant> save = switch (step) {
            case 1 -> profileStep();
            case 2 -> localeStep();
            case 3 -> goalsStep();
            case 4 -> teamStep();
            default -> sourcesStep();
        };
        Button back = new Button("Back", click -> {
            step--;
            show();
        });
        back.setEnabled(step > 1);
        Button next = new Button(step == Onboarding.STEPS ? "Finish" : "Next", click -> {
            Tenant saved = save.get();
            if (saved == null) {
                return; // refused: the form shows why
            }
            tenant = saved;
            if (step == Onboarding.STEPS) {
                getUI().ifPresent(ui -> ui.navigate(""));
            } else {
                step++;
                show();
            }
        });
        next.setId("onboarding-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout buttons = new FlexLayout(back, next);
        buttons.getStyle().set("gap", "var(--lumo-space-m)").set("margin-top", "var(--lumo-space-l)");
        body.add(buttons);
    }

    private Supplier<Tenant> profileStep() {
        return show(SettingsForms.profile(onboarding, Services.get(Logos.class), tenant));
    }

    private Supplier<Tenant> localeStep() {
        return show(SettingsForms.locale(onboarding, tenant));
    }

    private Supplier<Tenant> goalsStep() {
        body.add(new Paragraph("Alerts and dashboards measure against these. Leave any empty to set it later."));
        return show(SettingsForms.goals(onboarding, tenant));
    }

    private Supplier<Tenant> show(SettingsForms.Form form) {
        body.add(form.fields());
        return form::trySave;
    }

    private Supplier<Tenant> teamStep() {
        EmailField email = new EmailField("Email");
        email.setId("teammate-email");
        MultiSelectComboBox<String> roles = new MultiSelectComboBox<>("Roles");
        roles.setItems(Services.get(Users.class).assignableRoles(tenantId));
        roles.setValue(Set.of("analyst"));
        UnorderedList invited = new UnorderedList();
        invited.setId("invited");
        Button invite = new Button("Invite", click -> {
            try {
                Services.get(Invitations.class).invite(actorId(), actor(), UserSession::permits, tenantId,
                        email.getValue(),
                        new ArrayList<>(roles.getValue()));
                invited.add(new ListItem(email.getValue() + " (" + String.join(", ", roles.getValue()) + ")"));
                email.clear();
                email.setInvalid(false);
            } catch (ProblemException e) {
                email.setErrorMessage(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
                email.setInvalid(true);
            }
        });
        invite.setId("invite-teammate");
        body.add(new Paragraph("Each person gets an email with a link to join. You can invite more later, under"
                + " Members."), new FormRow(email, roles, invite), invited);
        return () -> onboarding.completeStep(actorId(), actor(), tenantId, 4);
    }

    private Supplier<Tenant> sourcesStep() {
        List<String> names = Services.get(ConnectorRegistry.class).all().stream()
                .map(a -> a.connector().displayName()).toList();
        if (names.isEmpty()) {
            Span none = new Span("No data sources are installed on this platform yet. Your agency adds them; they"
                    + " will appear here and under Integrations.");
            none.setId("no-sources");
            body.add(none);
        } else {
            Button open = new Button("Connect sources", click -> getUI().ifPresent(ui -> ui.navigate("integrations")));
            open.setId("connect-sources");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            body.add(new Paragraph("Connect where your marketing data lives: " + String.join(", ", names)
                    + ". You can also send a link to a colleague who holds the sign-in. Come back here afterwards;"
                    + " the wizard resumes at this step."), open);
        }
        return () -> onboarding.completeStep(actorId(), actor(), tenantId, 5);
    }

    private static UUID actorId() {
        return UserSession.user().orElseThrow().userId();
    }

    private static String actor() {
        return UserSession.actor();
    }
}

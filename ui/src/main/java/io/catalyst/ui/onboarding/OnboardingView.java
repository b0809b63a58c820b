package io.catalyst.ui.onboarding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.Invitations;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Users;
import io.catalyst.core.tenancy.Onboarding;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.FormRow;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Map;
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
            try {
                tenant = save.get();
                if (step == Onboarding.STEPS) {
                    getUI().ifPresent(ui -> ui.navigate(""));
                } else {
                    step++;
                    show();
                }
            } catch (ProblemException e) {
                showErrors(e);
            }
        });
        next.setId("onboarding-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout buttons = new FlexLayout(back, next);
        buttons.getStyle().set("gap", "var(--lumo-space-m)").set("margin-top", "var(--lumo-space-l)");
        body.add(buttons);
    }

    private Supplier<Tenant> profileStep() {
        TextField name = field("name", "Company name", tenant.name());
        TextField logo = field("logoUrl", "Logo address (https://…)", tenant.logoUrl());
        TextField color = field("primaryColor", "Primary colour (#rrggbb)", tenant.primaryColor());
        body.add(new FormRow(name, logo, color));
        return () -> onboarding.saveProfile(actorId(), actor(), tenantId,
                new Onboarding.Profile(name.getValue(), logo.getValue(), color.getValue()));
    }

    private Supplier<Tenant> localeStep() {
        ComboBox<String> timezone = new ComboBox<>("Timezone", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        timezone.setId("timezone");
        timezone.setValue(tenant.timezone());
        ComboBox<String> currency = new ComboBox<>("Currency", Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode).sorted().toList());
        currency.setId("currency");
        currency.setValue(tenant.currency());
        body.add(new FormRow(timezone, currency));
        return () -> onboarding.saveLocale(actorId(), actor(), tenantId,
                new Onboarding.Locale(timezone.getValue(), currency.getValue()));
    }

    private Supplier<Tenant> goalsStep() {
        BigDecimalField cpa = number("targetCpa", "Target CPA (" + tenant.currency() + ")", tenant.targetCpa());
        BigDecimalField roas = number("targetRoas", "Target ROAS (×)", tenant.targetRoas());
        BigDecimalField budget = number("monthlyBudget", "Monthly budget (" + tenant.currency() + ")",
                tenant.monthlyBudget());
        body.add(new Paragraph("Alerts and dashboards measure against these. Leave any empty to set it later."),
                new FormRow(cpa, roas, budget));
        return () -> onboarding.saveGoals(actorId(), actor(), tenantId,
                new Onboarding.Goals(cpa.getValue(), roas.getValue(), budget.getValue()));
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
                Services.get(Invitations.class).invite(actorId(), actor(), tenantId, email.getValue(),
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
        Span none = new Span("No data sources or plugins are installed on this platform yet. Your agency adds them;"
                + " they will appear here and under Integrations.");
        none.setId("no-sources");
        body.add(none);
        return () -> onboarding.completeStep(actorId(), actor(), tenantId, 5);
    }

    private void showErrors(ProblemException e) {
        Map<String, String> byField = new java.util.HashMap<>();
        for (Problem.FieldError error : e.errors()) {
            byField.putIfAbsent(error.field(), error.message());
        }
        body.getChildren().flatMap(Component::getChildren).forEach(c -> c.getId().ifPresent(id -> {
            if (c instanceof HasValidation field) {
                field.setErrorMessage(byField.get(id));
                field.setInvalid(byField.containsKey(id));
            }
        }));
    }

    private static TextField field(String id, String label, String value) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value == null ? "" : value);
        return field;
    }

    private static BigDecimalField number(String id, String label, java.math.BigDecimal value) {
        BigDecimalField field = new BigDecimalField(label);
        field.setId(id);
        field.setValue(value);
        return field;
    }

    private static UUID actorId() {
        return UserSession.user().orElseThrow().userId();
    }

    private static String actor() {
        return UserSession.user().orElseThrow().email();
    }
}

package io.catalyst.ui.settings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Onboarding;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.FormRow;
import io.catalyst.ui.shell.UserSession;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The company's own settings as forms, shared by the setup wizard and the settings screen: each builds its fields
 * from the tenant and saves through {@link Onboarding}, showing a refusal on the fields at fault.
 */
public final class SettingsForms {

    private SettingsForms() {
    }

    /** A form and the way to save it. */
    public record Form(Component fields, Supplier<Tenant> save) {

        /** Saves; on a refusal marks the fields at fault and returns null. */
        public Tenant trySave() {
            try {
                return save.get();
            } catch (ProblemException e) {
                inputs(fields).forEach(field -> field.getId().ifPresent(id -> {
                    if (field instanceof HasValidation input) {
                        String message = e.errors().stream().filter(error -> error.field().equals(id))
                                .map(Problem.FieldError::message).findFirst().orElse(null);
                        input.setErrorMessage(message);
                        input.setInvalid(message != null);
                    }
                }));
                return null;
            }
        }

        // the form's inputs, however deep its rows put them
        private static java.util.stream.Stream<Component> inputs(Component parent) {
            return parent.getChildren().flatMap(child -> java.util.stream.Stream.concat(java.util.stream.Stream.of(child),
                    inputs(child)));
        }
    }

    /** Name and colour, saved with the form; the logo beside them is stored as soon as it is uploaded. */
    public static Form profile(Onboarding onboarding, Logos logos, Tenant tenant) {
        TextField name = text("name", "Company name", tenant.name());
        TextField color = text("primaryColor", "Primary colour (#rrggbb)", tenant.primaryColor());
        Div fields = new Div(new FormRow(name, color), new LogoField(logos, tenant));
        return new Form(fields, () -> onboarding.saveProfile(actorId(), actor(), tenant.id(),
                new Onboarding.Profile(name.getValue(), color.getValue())));
    }

    public static Form locale(Onboarding onboarding, Tenant tenant) {
        ComboBox<String> timezone = new ComboBox<>("Timezone", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        timezone.setId("timezone");
        timezone.setValue(tenant.timezone());
        List<String> currencies = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .sorted().toList();
        ComboBox<String> currency = new ComboBox<>("Currency", currencies);
        currency.setId("currency");
        currency.setValue(tenant.currency());
        return new Form(new FormRow(timezone, currency), () -> onboarding.saveLocale(actorId(), actor(),
                tenant.id(), new Onboarding.Locale(timezone.getValue(), currency.getValue())));
    }

    public static Form goals(Onboarding onboarding, Tenant tenant) {
        BigDecimalField cpa = number("targetCpa", "Target CPA (" + tenant.currency() + ")", tenant.targetCpa());
        BigDecimalField roas = number("targetRoas", "Target ROAS (×)", tenant.targetRoas());
        BigDecimalField budget = number("monthlyBudget", "Monthly budget (" + tenant.currency() + ")",
                tenant.monthlyBudget());
        return new Form(new FormRow(cpa, roas, budget), () -> onboarding.saveGoals(actorId(), actor(), tenant.id(),
                new Onboarding.Goals(cpa.getValue(), roas.getValue(), budget.getValue())));
    }

    private static TextField text(String id, String label, String value) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value == null ? "" : value);
        return field;
    }

    private static BigDecimalField number(String id, String label, BigDecimal value) {
        BigDecimalField field = new BigDecimalField(label);
        field.setId(id);
        field.setValue(value);
        return field;
    }

    static UUID actorId() {
        return UserSession.user().orElseThrow().userId();
    }

    static String actor() {
        return UserSession.actor();
    }
}

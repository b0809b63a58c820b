package io.catalyst.ui.plugins;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.api.settings.SettingField;

/**
 * The form field for one {@link SettingField}, for every form built from declared settings: a plugin's settings
 * (Plugins screen) and a connection's (Integrations). Each has the id {@code setting-<key>}.
 */
public final class SettingInputs {

    private SettingInputs() {
    }

    /**
     * A choice as a select, a secret as a password field (never showing its value: {@code secretSet} says whether one
     * is stored), anything else as a text field; showing {@code current}, else the field's default, and its help.
     */
    public static HasValue<?, String> input(SettingField field, String current, boolean secretSet) {
        String shown = current != null && !current.isBlank() ? current
                : field.defaultValue() == null ? "" : field.defaultValue();
        switch (field.type()) {
            case CHOICE -> {
                Select<String> select = new Select<>();
                select.setLabel(field.label());
                select.setItems(field.choices());
                select.setValue(shown.isEmpty() || !field.choices().contains(shown) ? null : shown);
                select.setHelperText(field.help());
                select.setId("setting-" + field.key());
                return select;
            }
            case SECRET -> {
                PasswordField secret = new PasswordField(field.label());
                secret.setHelperText(secretSet ? "Set. Leave empty to keep it." : field.help());
                secret.setId("setting-" + field.key());
                return secret;
            }
            default -> {
                TextField text = new TextField(field.label());
                text.setValue(shown);
                text.setHelperText(field.help());
                text.setRequired(field.required());
                text.setId("setting-" + field.key());
                return text;
            }
        }
    }

    /** Shows a refusal on the field, if it can show one. */
    public static void refuse(HasValue<?, String> input, String message) {
        if (input instanceof HasValidation invalid) {
            invalid.setInvalid(true);
            invalid.setErrorMessage(message);
        }
    }
}

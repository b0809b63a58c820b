package io.catalyst.api.settings;

import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * The plugin's per-tenant settings. The host renders the fields as a form, checks types, required fields and choices
 * itself, then calls {@link #validate} for rules that span fields. At most one per plugin.
 */
public interface SettingsSchema extends ExtensionPoint {

    /** The fields, in form order. */
    List<SettingField> fields();

    /**
     * Cross-field checks on values that already passed the host's per-field checks. Secrets are passed too.
     *
     * @return errors, empty when the values are acceptable
     */
    default List<FieldError> validate(Map<String, String> values) {
        return List.of();
    }
}

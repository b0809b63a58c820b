package io.catalyst.api.settings;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One per-tenant setting of a plugin.
 *
 * @param key          stable key, e.g. {@code api-base-url}
 * @param label        form label
 * @param type         the kind of value
 * @param required     whether the tenant must give a value
 * @param defaultValue value used when the tenant gives none, or null
 * @param choices      allowed values for {@link SettingType#CHOICE}, empty otherwise
 * @param help         help text under the field, or null
 */
public record SettingField(String key, String label, SettingType type, boolean required, String defaultValue,
                           List<String> choices, String help) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

    /** Checks the key and that choices are given exactly for CHOICE fields. */
    public SettingField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be lower case letters, digits and dashes: " + key);
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        if ((type == SettingType.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("choices are needed for CHOICE fields and only for them: " + key);
        }
        if (type == SettingType.SECRET && defaultValue != null) {
            throw new IllegalArgumentException("a secret has no default: " + key);
        }
    }
}

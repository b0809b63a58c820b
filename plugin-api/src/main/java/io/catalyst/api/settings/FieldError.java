package io.catalyst.api.settings;

/**
 * A validation message for one setting.
 *
 * @param key     the {@link SettingField#key()}
 * @param message what is wrong, shown next to the field
 */
public record FieldError(String key, String message) {
}

package io.catalyst.api.settings;

/** The kind of value a {@link SettingField} holds; values are always stored as text. */
public enum SettingType {
    /** Free text. */
    STRING,
    /** A whole number. */
    INTEGER,
    /** A decimal number with a dot separator. */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of {@link SettingField#choices()}. */
    CHOICE,
    /** Stored encrypted, never shown again; read it with {@code PluginContext.secrets()}. */
    SECRET,
    /** An absolute http or https URL. */
    URL
}

package io.catalyst.runtime.connect;

import io.catalyst.api.connect.Connector;
import io.catalyst.api.settings.SettingField;
import java.util.HashMap;
import java.util.Map;

/** A connection's settings as a connector reads them: what the connection sets, else each declared default. */
public final class ConnectionSettings {

    private ConnectionSettings() {
    }

    /**
     * {@code values} with the default of every {@link Connector#connectionSettings()} the connection leaves unset or
     * blank, so every run of every connection reads the same definition (of a conversion, say) unless a company chose
     * another.
     */
    public static Map<String, String> withDefaults(Connector connector, Map<String, String> values) {
        Map<String, String> settings = new HashMap<>(values);
        for (SettingField field : connector.connectionSettings()) {
            String value = settings.get(field.key());
            if ((value == null || value.isBlank()) && field.defaultValue() != null) {
                settings.put(field.key(), field.defaultValue());
            }
        }
        return Map.copyOf(settings);
    }
}

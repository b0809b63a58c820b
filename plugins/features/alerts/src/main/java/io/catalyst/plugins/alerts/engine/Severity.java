package io.catalyst.plugins.alerts.engine;

import java.util.Locale;

/** How bad a firing alert is; it sets the priority of tasks made from it. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity of(String id) {
        for (Severity s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "'; known: info, warning, critical");
    }
}

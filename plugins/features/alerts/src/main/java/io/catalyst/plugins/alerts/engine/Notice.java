package io.catalyst.plugins.alerts.engine;

/** What people are told about an alert; each at most once per firing. */
public enum Notice {
    FIRING("alert.firing"), RESOLVED("alert.resolved"), ESCALATED("alert.escalated");

    private final String kind;

    Notice(String kind) {
        this.kind = kind;
    }

    /** The notification kind, as users choose where they get it. */
    public String kind() {
        return kind;
    }
}

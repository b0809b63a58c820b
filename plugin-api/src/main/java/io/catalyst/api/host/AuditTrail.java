package io.catalyst.api.host;

/**
 * The tenant's tamper-evident audit log. The host adds the time, the tenant, the user (if any) and the plugin id.
 */
public interface AuditTrail {

    /**
     * Records one change.
     *
     * @param action what happened, {@code domain:verb}, e.g. {@code lead:rescored}
     * @param target what it happened to, e.g. {@code lead/42}
     * @param before the state before as JSON text, or null
     * @param after  the state after as JSON text, or null
     */
    void record(String action, String target, String before, String after);
}

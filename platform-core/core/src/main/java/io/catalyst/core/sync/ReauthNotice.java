package io.catalyst.core.sync;

import io.catalyst.api.host.Notification;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.identity.BuiltInRole;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Users;
import io.catalyst.core.notify.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * Tells a company that a provider refused a connection's credential, so its data stopped updating: the audit log
 * records it, and each of the company's admins gets a notification (in the app, and by email as they chose) asking
 * them to reconnect.
 */
@ApplicationScoped
public class ReauthNotice {

    /** The notification's kind, under the source {@code core}. */
    static final String KIND = "connection.needs-reauth";

    @Inject
    Users users;

    @Inject
    Inbox inbox;

    @Inject
    AuditLog audit;

    /** {@code detail}: the provider's refusal, in words. */
    void tell(UUID tenantId, Connections.View connection, String detail) {
        audit.record(auditEntry(tenantId, connection));
        notifyAdmins(tenantId, connection, detail);
    }

    static AuditEntry auditEntry(UUID tenantId, Connections.View connection) {
        return new AuditEntry(tenantId, null, "sync engine", "connections.connection.needs_reauth", "connection",
                connection.id().toString(), null, Map.of("connector", connection.connector()));
    }

    void notifyAdmins(UUID tenantId, Connections.View connection, String detail) {
        String subject = "Reconnect " + connection.connectorName() + ": its data has stopped updating";
        String text = connection.connectorName() + " no longer accepts the authorisation of the connection \""
                + connection.name() + "\" (" + detail + "). Until someone reconnects it, its figures in Catalyst"
                + " stop updating. Open Integrations in Catalyst and choose Reconnect.";
        inbox.send(tenantId, "core", new Notification(KIND, subject, text, "integrations"), users.members(tenantId)
                .stream().filter(m -> m.roles().contains(BuiltInRole.TENANT_ADMIN.id())).map(Member::userId).toList());
    }
}

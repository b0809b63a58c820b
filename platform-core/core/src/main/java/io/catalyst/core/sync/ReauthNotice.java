package io.catalyst.core.sync;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.identity.BuiltInRole;
import io.catalyst.core.identity.Users;
import io.catalyst.core.mail.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a company that a provider refused a connection's credential, so its data stopped updating: the audit log
 * records it, and each of the company's admins gets an email asking them to reconnect. A mail that cannot be sent to
 * one admin keeps none of the others from being told.
 */
@ApplicationScoped
public class ReauthNotice {

    private static final Logger LOG = Logger.getLogger(ReauthNotice.class.getName());

    @Inject
    Users users;

    @Inject
    Mailer mailer;

    @Inject
    AuditLog audit;

    /** {@code detail}: the provider's refusal, in words. */
    void tell(UUID tenantId, Connections.View connection, String detail) {
        audit.record(auditEntry(tenantId, connection));
        mailAdmins(tenantId, connection, detail);
    }

    static AuditEntry auditEntry(UUID tenantId, Connections.View connection) {
        return new AuditEntry(tenantId, null, "sync engine", "connections.connection.needs_reauth", "connection",
                connection.id().toString(), null, Map.of("connector", connection.connector()));
    }

    void mailAdmins(UUID tenantId, Connections.View connection, String detail) {
        String subject = "Reconnect " + connection.connectorName() + ": its data has stopped updating";
        String text = connection.connectorName() + " no longer accepts the authorisation of the connection \""
                + connection.name() + "\" (" + detail + "). Until someone reconnects it, its figures in Catalyst"
                + " stop updating. Open Integrations in Catalyst and choose Reconnect.";
        users.members(tenantId).stream().filter(m -> m.roles().contains(BuiltInRole.TENANT_ADMIN.id()))
                .forEach(m -> {
                    try {
                        mailer.send(m.email(), subject, text);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not tell " + m.email() + " to reconnect: " + e.getMessage());
                    }
                });
    }
}

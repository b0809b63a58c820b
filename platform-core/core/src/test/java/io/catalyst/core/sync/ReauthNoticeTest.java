package io.catalyst.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.host.Notification;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.identity.BuiltInRole;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Users;
import io.catalyst.core.notify.Inbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears that a connection must be reconnected, and what they read. */
class ReauthNoticeTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final String ADMIN = BuiltInRole.TENANT_ADMIN.id();
    private static final Connections.View CONNECTION = new Connections.View(UUID.randomUUID(), "meta-ads",
            "Meta Ads", "Meta EU", "NEEDS_REAUTH", List.of("act_1"), 360, 28, null, Map.of(), true, null, null,
            null, Instant.now());

    private static final UUID ANA = UUID.randomUUID();
    private static final UUID DEE = UUID.randomUUID();

    private final List<String> sent = new ArrayList<>();
    private final ReauthNotice notice = new ReauthNotice();

    ReauthNoticeTest() {
        notice.users = new Users() {
            @Override
            public List<Member> members(UUID tenantId) {
                assertThat(tenantId).isEqualTo(TENANT);
                return List.of(new Member(ANA, "ana@client.example", "Ana", List.of(ADMIN)),
                        new Member(UUID.randomUUID(), "bo@client.example", "Bo", List.of("analyst")),
                        new Member(DEE, "dee@client.example", "Dee", List.of("analyst", ADMIN)));
            }
        };
        notice.inbox = new Inbox() {
            @Override
            public void send(UUID tenantId, String source, Notification n, Collection<UUID> recipients) {
                sent.add(tenantId + "|" + source + "|" + n.kind() + "|" + n.title() + "|" + n.message() + "|"
                        + n.link() + "|" + recipients);
            }
        };
    }

    @Test
    void everyAdminOfTheCompanyIsAskedToReconnect() {
        notice.notifyAdmins(TENANT, CONNECTION, "Meta Ads no longer accepts this connection's authorisation");

        assertThat(sent).as("one notification, to the admins only").containsExactly(TENANT + "|core|"
                + "connection.needs-reauth|Reconnect Meta Ads: its data has stopped updating|Meta Ads no longer"
                + " accepts the authorisation of the connection \"Meta EU\" (Meta Ads no longer accepts this"
                + " connection's authorisation). Until someone reconnects it, its figures in Catalyst stop updating."
                + " Open Integrations in Catalyst and choose Reconnect.|integrations|" + List.of(ANA, DEE));
    }

    @Test
    void theAuditLogRecordsThatTheConnectionNeedsReauthorising() {
        assertThat(ReauthNotice.auditEntry(TENANT, CONNECTION)).isEqualTo(new AuditEntry(TENANT, null,
                "sync engine", "connections.connection.needs_reauth", "connection", CONNECTION.id().toString(), null,
                Map.of("connector", "meta-ads")));
    }
}

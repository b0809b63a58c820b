package io.catalyst.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.identity.BuiltInRole;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Users;
import io.catalyst.core.mail.Mailer;
import java.time.Instant;
import java.util.ArrayList;
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

    private final List<String> mailed = new ArrayList<>();
    private final ReauthNotice notice = new ReauthNotice();

    ReauthNoticeTest() {
        notice.users = new Users() {
            @Override
            public List<Member> members(UUID tenantId) {
                assertThat(tenantId).isEqualTo(TENANT);
                return List.of(new Member(UUID.randomUUID(), "ana@client.example", "Ana", List.of(ADMIN)),
                        new Member(UUID.randomUUID(), "bo@client.example", "Bo", List.of("analyst")),
                        new Member(UUID.randomUUID(), "refused@client.example", "Cy", List.of(ADMIN)),
                        new Member(UUID.randomUUID(), "dee@client.example", "Dee", List.of("analyst", ADMIN)));
            }
        };
        notice.mailer = new Mailer() {
            @Override
            public void send(String to, String subject, String text) {
                if (to.startsWith("refused")) {
                    throw new IllegalStateException("550 mailbox unavailable");
                }
                mailed.add(to + "|" + subject + "|" + text);
            }
        };
    }

    @Test
    void everyAdminOfTheCompanyIsAskedToReconnect() {
        notice.mailAdmins(TENANT, CONNECTION, "Meta Ads no longer accepts this connection's authorisation");

        assertThat(mailed).as("a refused mail keeps none of the others from being sent").containsExactly(
                "ana@client.example|Reconnect Meta Ads: its data has stopped updating|Meta Ads no longer accepts the"
                        + " authorisation of the connection \"Meta EU\" (Meta Ads no longer accepts this connection's"
                        + " authorisation). Until someone reconnects it, its figures in Catalyst stop updating. Open"
                        + " Integrations in Catalyst and choose Reconnect.",
                "dee@client.example|Reconnect Meta Ads: its data has stopped updating|Meta Ads no longer accepts the"
                        + " authorisation of the connection \"Meta EU\" (Meta Ads no longer accepts this connection's"
                        + " authorisation). Until someone reconnects it, its figures in Catalyst stop updating. Open"
                        + " Integrations in Catalyst and choose Reconnect.");
    }

    @Test
    void theAuditLogRecordsThatTheConnectionNeedsReauthorising() {
        assertThat(ReauthNotice.auditEntry(TENANT, CONNECTION)).isEqualTo(new AuditEntry(TENANT, null,
                "sync engine", "connections.connection.needs_reauth", "connection", CONNECTION.id().toString(), null,
                Map.of("connector", "meta-ads")));
    }
}

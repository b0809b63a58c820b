package io.catalyst.core.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a connector finds in its session's settings. */
class ConnectionSessionsTest {

    private static final Connector GOOGLE = new Connector() {
        public List<String> platformSettings() {
            return List.of("developer_token", "login_customer_id");
        }

        public String id() {
            return "google-ads";
        }

        public String displayName() {
            return "Google Ads";
        }

        public AuthSpec auth() {
            return AuthSpec.oauth2(URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                    URI.create("https://oauth2.googleapis.com/token"),
                    List.of("https://www.googleapis.com/auth/adwords"));
        }

        public URI baseUrl() {
            return URI.create("https://googleads.googleapis.com/v18");
        }

        public List<StreamSpec> streams() {
            return List.of();
        }

        public List<ProviderAccount> accounts(ConnectorSession session) {
            return List.of();
        }

        public void read(ConnectorSession session, StreamRead read, RecordSink sink) {
        }
    };

    @Test
    void theConnectionsSettingsComeWithTheValuesThePlatformConfiguresForTheConnector() {
        ConnectionSessions sessions = new ConnectionSessions();
        sessions.config = new MapConfig(Map.of("catalyst.connectors.google-ads.developer-token", "dev-123",
                "catalyst.connectors.hubspot.developer-token", "not-google's"));
        Connections.View view = new Connections.View(UUID.randomUUID(), "google-ads", "Google Ads", "Google",
                "ACTIVE", List.of("123"), 360, 28, null, Map.of("currency", "EUR", "developer_token", "own"), true,
                null, null, null, Instant.now());

        assertThat(sessions.settings(GOOGLE, view)).as("the platform's value wins; one it does not set is absent")
                .containsOnly(Map.entry("currency", "EUR"), Map.entry("developer_token", "dev-123"));
    }
}

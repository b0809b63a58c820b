package io.catalyst.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform's side of an OAuth flow that needs no database: its app per provider, returns, stored hashes. */
class ConnectionAuthorizationTest {

    private static final Connector LINKEDIN = new Connector() {
        public String id() {
            return "linkedin-ads";
        }

        public String displayName() {
            return "LinkedIn Ads";
        }

        public AuthSpec auth() {
            return AuthSpec.oauth2(URI.create("https://www.linkedin.com/oauth/v2/authorization"),
                    URI.create("https://www.linkedin.com/oauth/v2/accessToken"), List.of("r_ads_reporting"));
        }

        public URI baseUrl() {
            return URI.create("https://api.linkedin.com/rest");
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

    private final ConnectionAuthorization authorization = new ConnectionAuthorization();

    ConnectionAuthorizationTest() {
        authorization.publicUrl = "https://catalyst.example//";
    }

    @Test
    void thePlatformsAppForAProviderComesFromConfigurationAndReturnsToTheCallback() {
        authorization.config = new MapConfig(Map.of("catalyst.connectors.linkedin-ads.client-id", "li-client",
                "catalyst.connectors.linkedin-ads.client-secret", "li-secret"));

        OAuthClient.App app = authorization.app(LINKEDIN);

        assertThat(app.clientId()).isEqualTo("li-client");
        assertThat(app.clientSecret()).isEqualTo("li-secret");
        assertThat(app.redirectUri()).hasToString("https://catalyst.example/api/connect/oauth/callback");
    }

    @Test
    void withoutAnAppTheConnectorIsNotConfiguredAndNoRetryCanHelp() {
        authorization.config = new MapConfig(Map.of("catalyst.connectors.linkedin-ads.client-id", "li-client"));

        ProblemException missing = catchThrowableOfType(() -> authorization.app(LINKEDIN), ProblemException.class);

        assertThat(missing.type()).as("a 409, not a 503 that invites retries").isEqualTo(ProblemType.NOT_CONFIGURED);
        assertThat(missing).hasMessage("LinkedIn Ads cannot be connected yet: the platform's administrators have not"
                + " set up its OAuth app. Ask them to.");
        assertThat(missing.getMessage()).as("setting names are for operators, in the log")
                .doesNotContain("CATALYST_");
    }

    @Test
    void aConnectorIsConfiguredOnlyWithItsWholeOAuthAppAndPlatformAdminsAreToldWhatIsMissing() {
        authorization.config = new MapConfig(Map.of("catalyst.connectors.linkedin-ads.client-id", "li-client"));

        assertThat(authorization.configured(LINKEDIN)).isFalse();
        assertThat(authorization.missingSettings(LINKEDIN))
                .containsExactly("CATALYST_CONNECTORS_LINKEDIN_ADS_CLIENT_SECRET");

        authorization.config = new MapConfig(Map.of("catalyst.connectors.linkedin-ads.client-id", "li-client",
                "catalyst.connectors.linkedin-ads.client-secret", "li-secret"));
        assertThat(authorization.configured(LINKEDIN)).isTrue();
    }

    @Test
    void theBrowserReturnsOnlyToAPathInsideTheProduct() {
        assertThat(ConnectionAuthorization.safeReturn("/integrations?tab=runs")).isEqualTo("/integrations?tab=runs");
        assertThat(ConnectionAuthorization.safeReturn("/connected")).isEqualTo("/connected");
        assertThat(ConnectionAuthorization.safeReturn("//evil.example/steal")).isEqualTo("/integrations");
        assertThat(ConnectionAuthorization.safeReturn("https://evil.example/steal")).isEqualTo("/integrations");
        assertThat(ConnectionAuthorization.safeReturn(null)).isEqualTo("/integrations");
    }

    @Test
    void aStateOrALinkTokenIsStoredAsItsSha256() {
        assertThat(ConnectionAuthorization.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

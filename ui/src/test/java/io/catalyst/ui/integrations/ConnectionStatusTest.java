package io.catalyst.ui.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.core.connect.Connections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A connection's state in the words of the Integrations screen: the provider's reason, and what happens next. */
class ConnectionStatusTest {

    private static Connections.View connection(String status, String lastStatus, String lastError) {
        return new Connections.View(UUID.randomUUID(), "google-ads", "Google Ads", "Google", status, List.of("1"),
                360, 28, null, Map.of(), true, Instant.now(), lastStatus, lastError, Instant.now());
    }

    @Test
    void aRateLimitSaysWhyInTheProvidersWordsAndWhenTheSyncResumes() {
        String said = IntegrationsView.describe(connection("ACTIVE", "RATE_LIMITED", "Google Ads RESOURCE_EXHAUSTED:"
                + " quotaError RESOURCE_EXHAUSTED: Too many requests. The sync resumes by itself at 2026-11-25 07:00"
                + " UTC."));

        assertThat(said).startsWith("Google Ads asked us to wait").contains("quotaError RESOURCE_EXHAUSTED")
                .endsWith("The sync resumes by itself at 2026-11-25 07:00 UTC.");
    }

    @Test
    void aRefusedSignInKeepsTheProvidersReason() {
        String said = IntegrationsView.describe(connection("NEEDS_REAUTH", "NEEDS_REAUTH", "Google Ads no longer"
                + " accepts this connection's authorisation: Google Ads UNAUTHENTICATED: authenticationError"
                + " NOT_ADS_USER: User in the cookie is not a valid Ads user. Reconnect to resume."));

        assertThat(said).contains("Choose Reconnect")
                .contains("NOT_ADS_USER: User in the cookie is not a valid Ads user");
    }

    @Test
    void aFirstSyncThatFailsIsNotShownAsConnectedAndNeverSaysNull() {
        Connections.View failing = new Connections.View(UUID.randomUUID(), "tiktok-ads", "TikTok Ads", "TikTok",
                "ACTIVE", List.of("1"), 360, 28, null, Map.of(), true, null, "RETRY",
                "The provider could not be reached: null", Instant.now());

        String said = IntegrationsView.describe(failing);

        assertThat(said).doesNotStartWith("Connected").startsWith("The first sync did not finish")
                .doesNotContain("null").endsWith("It is retried automatically.");
        assertThat(IntegrationsView.health(failing)).isEqualTo(IntegrationsView.Health.BAD);
        assertThat(IntegrationsView.health(connection("ACTIVE", "SUCCEEDED", null)))
                .isEqualTo(IntegrationsView.Health.GOOD);
    }
}

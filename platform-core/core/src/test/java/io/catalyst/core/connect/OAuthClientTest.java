package io.catalyst.core.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 2.0 client against a fake token endpoint answering as RFC 6749 §5.1/§5.2 describe (HubSpot's
 * {@code /oauth/v1/token} here): PKCE per RFC 7636, refresh with and without rotation, and refusals.
 */
class OAuthClientTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static WireMockServer provider;
    private final OAuthClient client = new OAuthClient(HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final OAuthClient.App app = new OAuthClient.App("client-1", "s3cret-app",
            URI.create("https://catalyst.example/api/connect/oauth/callback"));

    @BeforeAll
    static void fake() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @BeforeEach
    void reset() {
        provider.resetAll();
    }

    @Test
    void theConsentUrlCarriesStateAndAnS256ChallengeOfTheVerifier() throws Exception {
        URI uri = OAuthClient.authorizeUri(URI.create("https://app.hubspot.com/oauth/authorize"), app,
                List.of("crm.objects.contacts.read", "crm.objects.deals.read"), "state-1", "verifier-1");

        Map<String, String> query = query(uri);
        assertThat(uri.getHost()).isEqualTo("app.hubspot.com");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "client-1")
                .containsEntry("state", "state-1").containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "crm.objects.contacts.read crm.objects.deals.read")
                .containsEntry("redirect_uri", "https://catalyst.example/api/connect/oauth/callback");
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest("verifier-1".getBytes(StandardCharsets.US_ASCII)));
        assertThat(query.get("code_challenge")).isEqualTo(expected);
        assertThat(uri.toString()).doesNotContain("verifier-1").doesNotContain("s3cret-app");
    }

    @Test
    void aCodeIsExchangedWithTheVerifierAndTheExpiryIsComputed() {
        provider.stubFor(post(urlPathEqualTo("/oauth/v1/token")).willReturn(json(200,
                "{\"token_type\":\"bearer\",\"refresh_token\":\"r-1\",\"access_token\":\"a-1\",\"expires_in\":1800}")));

        Credentials tokens = client.exchange(token(), app, "code-1", "verifier-1");

        assertThat(tokens.accessToken()).isEqualTo("a-1");
        assertThat(tokens.refreshToken()).isEqualTo("r-1");
        assertThat(tokens.expiresAt()).isEqualTo(NOW.getEpochSecond() + 1800);
        provider.verify(postRequestedFor(urlPathEqualTo("/oauth/v1/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=code-1"))
                .withRequestBody(containing("code_verifier=verifier-1"))
                .withRequestBody(containing("client_secret=s3cret-app")));
        assertThat(tokens.toString()).doesNotContain("a-1").doesNotContain("r-1");
    }

    @Test
    void aRotatedRefreshTokenReplacesTheOldOneAndAnUnrotatedOneIsKept() {
        Credentials current = new Credentials("a-1", "r-1", NOW.getEpochSecond() - 5, null);
        provider.stubFor(post(urlPathEqualTo("/oauth/v1/token")).willReturn(json(200,
                "{\"access_token\":\"a-2\",\"refresh_token\":\"r-2\",\"expires_in\":1800}")));

        Credentials rotated = client.refresh(token(), app, current);
        provider.stubFor(post(urlPathEqualTo("/oauth/v1/token")).willReturn(json(200,
                "{\"access_token\":\"a-3\",\"expires_in\":1800}")));
        Credentials kept = client.refresh(token(), app, rotated);

        assertThat(rotated.refreshToken()).isEqualTo("r-2");
        assertThat(kept.accessToken()).isEqualTo("a-3");
        assertThat(kept.refreshToken()).as("no new refresh token: the old one stays").isEqualTo("r-2");
        provider.verify(postRequestedFor(urlPathEqualTo("/oauth/v1/token"))
                .withRequestBody(containing("grant_type=refresh_token")).withRequestBody(containing("refresh_token=r-1")));
        assertThat(current.expiresSoon(NOW)).isTrue();
        assertThat(rotated.expiresSoon(NOW)).isFalse();
    }

    @Test
    void invalidGrantMeansConsentAgainWhileAServerErrorDoesNot() {
        provider.stubFor(post(urlPathEqualTo("/oauth/v1/token")).willReturn(json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}")));
        OAuthClient.TokenRefused revoked = catchThrowableOfType(OAuthClient.TokenRefused.class,
                () -> client.refresh(token(), app, new Credentials("a", "r", null, null)));

        provider.stubFor(post(urlPathEqualTo("/oauth/v1/token")).willReturn(aResponse().withStatus(502)
                .withBody("<html>bad gateway</html>")));
        OAuthClient.TokenRefused down = catchThrowableOfType(OAuthClient.TokenRefused.class,
                () -> client.refresh(token(), app, new Credentials("a", "r", null, null)));

        assertThat(revoked.invalidGrant()).isTrue();
        assertThat(revoked).hasMessageContaining("invalid_grant").hasMessageContaining("refresh token revoked");
        assertThat(down.invalidGrant()).isFalse();
        assertThat(down).hasMessageContaining("502");
    }

    @Test
    void withoutARefreshTokenOnlyConsentHelps() {
        OAuthClient.TokenRefused refused = catchThrowableOfType(OAuthClient.TokenRefused.class,
                () -> client.refresh(token(), app, new Credentials("a", null, NOW.getEpochSecond(), null)));

        assertThat(refused.invalidGrant()).isTrue();
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    private static URI token() {
        return URI.create(provider.baseUrl() + "/oauth/v1/token");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}

package io.catalyst.core.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 client side (RFC 6749, PKCE per RFC 7636): the consent URL, exchanging a code, and refreshing a token.
 * The token endpoint's answer is read as the RFC says; a provider that rotates refresh tokens sends a new one, which
 * replaces the old.
 */
public final class OAuthClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The platform's registration with a provider. */
    public record App(String clientId, String clientSecret, URI redirectUri) {
        @Override
        public String toString() {
            return "App[" + clientId + "]";
        }
    }

    /** The token endpoint refused or failed; {@code invalidGrant} means the user must consent again. */
    public static final class TokenRefused extends RuntimeException {
        private final boolean invalidGrant;

        TokenRefused(String message, boolean invalidGrant) {
            super(message);
            this.invalidGrant = invalidGrant;
        }

        public boolean invalidGrant() {
            return invalidGrant;
        }
    }

    private final HttpClient http;
    private final Clock clock;

    public OAuthClient(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** A random URL-safe value: states and PKCE verifiers. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The PKCE S256 challenge of a verifier. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where to send the user to consent. */
    public static URI authorizeUri(URI authorizeUrl, App app, Iterable<String> scopes, String state, String verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", app.redirectUri().toString());
        query.put("scope", String.join(" ", scopes));
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String base = authorizeUrl.toString();
        return URI.create(base + (authorizeUrl.getRawQuery() == null ? "?" : "&") + form(query));
    }

    /** Exchanges an authorization code, proving the flow with its PKCE verifier. */
    public Credentials exchange(URI tokenUrl, App app, String code, String verifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", app.redirectUri().toString());
        body.put("client_id", app.clientId());
        body.put("client_secret", app.clientSecret());
        body.put("code_verifier", verifier);
        return tokens(tokenUrl, body, null);
    }

    /** Gets a new access token; keeps the old refresh token unless the provider rotated it. */
    public Credentials refresh(URI tokenUrl, App app, Credentials current) {
        if (current.refreshToken() == null) {
            throw new TokenRefused("The provider gave no refresh token: authorise the connection again", true);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", current.refreshToken());
        body.put("client_id", app.clientId());
        body.put("client_secret", app.clientSecret());
        return tokens(tokenUrl, body, current.refreshToken());
    }

    private Credentials tokens(URI tokenUrl, Map<String, String> body, String previousRefresh) {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenRefused("The provider's sign-in service could not be reached: "
                    + io.catalyst.runtime.connect.ProviderHttp.unreachable(tokenUrl.getHost(), e) + ".", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRefused("The platform stopped before the provider answered; it is tried again.", false);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new TokenRefused("The provider's token endpoint answered " + response.statusCode()
                    + " with no readable JSON", false);
        }
        if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
            String error = json.path("error").asText("");
            String description = json.path("error_description").asText(json.path("message").asText(""));
            // invalid_grant: the code or refresh token is dead; only a new consent helps (RFC 6749 §5.2)
            throw new TokenRefused("The provider refused the token request (" + response.statusCode()
                    + (error.isEmpty() ? "" : ", " + error) + (description.isEmpty() ? "" : ": " + description) + ")",
                    "invalid_grant".equals(error) || response.statusCode() == 401);
        }
        Long expiresAt = json.hasNonNull("expires_in")
                ? clock.instant().getEpochSecond() + json.get("expires_in").asLong() : null;
        String refresh = json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : previousRefresh;
        return new Credentials(json.get("access_token").asText(), refresh, expiresAt, null);
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

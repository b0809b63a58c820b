package io.catalyst.core.connect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * A connection's credential, stored only sealed ({@link io.catalyst.core.secrets.SecretBox}) and never returned by
 * the API. {@code toString} names no value, so a stray log line cannot leak one.
 *
 * @param accessToken  OAuth access token, or null
 * @param refreshToken OAuth refresh token, or null; providers that rotate it send a new one on each refresh
 * @param expiresAt    when the access token expires (epoch seconds), or null if the provider did not say
 * @param apiKey       a pasted API key, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Credentials(@JsonProperty("access_token") String accessToken,
                          @JsonProperty("refresh_token") String refreshToken,
                          @JsonProperty("expires_at") Long expiresAt,
                          @JsonProperty("api_key") String apiKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Credentials apiKey(String key) {
        return new Credentials(null, null, null, key);
    }

    /** What goes on a request: the access token, or the key. */
    public String secret() {
        return apiKey != null ? apiKey : accessToken;
    }

    /** Whether the access token is expired or expires within a minute. */
    public boolean expiresSoon(Instant now) {
        return expiresAt != null && expiresAt < now.plusSeconds(60).getEpochSecond();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Credentials could not be written", e);
        }
    }

    static Credentials fromJson(String json) {
        try {
            return JSON.readValue(json, Credentials.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored credentials are unreadable");
        }
    }

    @Override
    public String toString() {
        return "Credentials[" + (apiKey != null ? "api key" : "oauth, expires " + expiresAt) + "]";
    }
}

package io.catalyst.plugins.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpResult;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Turns a HubSpot error answer into a {@link ProviderException}. HubSpot's error body is
 * {@code {"status":"error","message":…,"correlationId":…,"category":…}}; the correlation id is kept in the message
 * because HubSpot support asks for it.
 *
 * <p>A 429 says which limit was hit (HubSpot's API usage guidelines): the body's {@code policyName}
 * ({@code DAILY}, reset at midnight in the account's time zone; {@code TEN_SECONDLY_ROLLING} or {@code SECONDLY}, a
 * rolling window) and the {@code X-HubSpot-RateLimit-*} headers ({@code -Interval-Milliseconds} the window,
 * {@code -Daily-Remaining} the day's requests left, sent to private apps).
 */
final class HubSpotErrors {

    private HubSpotErrors() {
    }

    static ProviderException of(HttpResult result, ObjectMapper json) {
        return of(result, json, ZoneOffset.UTC);
    }

    /** @param zone the account's time zone, in which a daily limit resets */
    static ProviderException of(HttpResult result, ObjectMapper json, ZoneId zone) {
        JsonNode body = readQuietly(result.body(), json);
        String message = body.path("message").asText("");
        String category = body.path("category").asText("");
        String policy = body.path("policyName").asText("");
        String correlationId = body.path("correlationId").asText("");
        StringBuilder text = new StringBuilder("HubSpot answered ").append(result.status());
        if (!category.isEmpty() || !policy.isEmpty()) {
            text.append(" (").append(category.isEmpty() ? "policy " + policy : category).append(')');
        }
        text.append(": ").append(message.isEmpty() ? "no message" : message);
        if (!correlationId.isEmpty()) {
            text.append(" [correlationId ").append(correlationId).append(']');
        }
        if (result.status() == 429) {
            return new ProviderException(ProviderException.Kind.RATE_LIMITED, text.toString(),
                    wait(result, policy, zone));
        }
        ProviderException.Kind kind = result.status() == 401 ? ProviderException.Kind.AUTH_EXPIRED
                : ProviderException.Kind.PROVIDER_FAILED;
        return new ProviderException(kind, text.toString(), null);
    }

    /**
     * How long a 429 asks to wait: a Retry-After if HubSpot sends one; the day's end for the daily limit; the
     * rolling window for the secondly ones; null (the host's backoff) when nothing says.
     */
    static Duration wait(HttpResult result, String policy, ZoneId zone) {
        Long retryAfter = number(result, "retry-after");
        if (retryAfter != null) {
            return Duration.ofSeconds(retryAfter);
        }
        Long dailyRemaining = number(result, "x-hubspot-ratelimit-daily-remaining");
        if ("DAILY".equals(policy) || (dailyRemaining != null && dailyRemaining == 0)) {
            ZonedDateTime now = ZonedDateTime.now(zone);
            return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(zone));
        }
        Long interval = number(result, "x-hubspot-ratelimit-interval-milliseconds");
        if (interval != null && interval > 0) {
            return Duration.ofMillis(interval);
        }
        return switch (policy) {
            case "TEN_SECONDLY_ROLLING" -> Duration.ofSeconds(10);
            case "SECONDLY" -> Duration.ofSeconds(1);
            default -> null;
        };
    }

    private static Long number(HttpResult result, String header) {
        List<String> values = result.headers().get(header);
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(values.get(0).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode readQuietly(String body, ObjectMapper json) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}

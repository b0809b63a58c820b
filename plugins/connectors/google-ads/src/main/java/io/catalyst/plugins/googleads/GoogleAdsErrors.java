package io.catalyst.plugins.googleads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.connect.ProviderException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns Google's error body into a {@link ProviderException}. The body is
 * {@code {"error":{"code","message","status","details":[{"@type":"…GoogleAdsFailure","errors":[{"errorCode":{…},
 * "message", "details":{"quotaErrorDetails":{"retryDelay":"30s"}}}],"requestId"}]}}}, and from {@code searchStream}
 * it may come wrapped in the stream's JSON array. {@code UNAUTHENTICATED} means the tenant must authorise again,
 * {@code RESOURCE_EXHAUSTED} means wait; anything else is a provider failure with Google's own words.
 */
final class GoogleAdsErrors {

    private GoogleAdsErrors() {
    }

    /** Whether a parsed body (or an element of a stream) is an error. */
    static boolean isError(JsonNode node) {
        return node != null && node.has("error");
    }

    /** Google's {@code {"error": …}} node in a body (or the first element of a stream's array), if it is one. */
    static Optional<JsonNode> error(String body, ObjectMapper json) {
        try {
            JsonNode parsed = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
            JsonNode first = parsed.isArray() ? parsed.path(0) : parsed;
            return isError(first) ? Optional.of(first) : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    /** From an HTTP answer that failed. */
    static ProviderException of(int httpStatus, String body, ObjectMapper json) {
        JsonNode parsed;
        try {
            parsed = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            parsed = json.createObjectNode();
        }
        if (parsed.isArray()) {
            parsed = parsed.path(0);
        }
        if (!isError(parsed)) {
            return new ProviderException(ProviderException.Kind.PROVIDER_FAILED,
                    "Google Ads answered " + httpStatus + " without an error description", null);
        }
        return of(parsed);
    }

    /** From an {@code {"error": …}} node. */
    static ProviderException of(JsonNode node) {
        JsonNode error = node.path("error");
        String status = error.path("status").asText("");
        String message = describe(error);
        if ("UNAUTHENTICATED".equals(status)) {
            return new ProviderException(ProviderException.Kind.AUTH_EXPIRED, message, null);
        }
        if ("RESOURCE_EXHAUSTED".equals(status)) {
            return new ProviderException(ProviderException.Kind.RATE_LIMITED, message, retryDelay(error));
        }
        return new ProviderException(ProviderException.Kind.PROVIDER_FAILED, message, null);
    }

    /** Google Ads' own errors (code and message), else the generic message; with the request id support asks for. */
    private static String describe(JsonNode error) {
        List<String> parts = new ArrayList<>();
        String requestId = "";
        for (JsonNode failure : error.path("details")) {
            if (requestId.isEmpty()) {
                requestId = failure.path("requestId").asText("");
            }
            for (JsonNode adsError : failure.path("errors")) {
                StringBuilder part = new StringBuilder();
                adsError.path("errorCode").fields().forEachRemaining(code ->
                        part.append(code.getKey()).append(' ').append(code.getValue().asText()).append(": "));
                part.append(adsError.path("message").asText(""));
                String rateName = adsError.path("details").path("quotaErrorDetails").path("rateName").asText("");
                if (!rateName.isEmpty()) {
                    part.append(" (").append(rateName).append(')'); // which quota: per day, per account, ...
                }
                parts.add(part.toString());
            }
        }
        String text = parts.isEmpty() ? error.path("message").asText("no message") : String.join("; ", parts);
        String status = error.path("status").asText("");
        return "Google Ads " + (status.isEmpty() ? "error" : status) + ": " + text
                + (requestId.isEmpty() ? "" : " [requestId " + requestId + "]");
    }

    /**
     * The longest delay Google names, each a protobuf Duration in its JSON form ({@code "30s"}, {@code "46800s"}):
     * {@code retryDelay} of a {@code google.rpc.RetryInfo} detail, and {@code quotaErrorDetails.retryDelay} of each
     * Google Ads error; null when there is none (the host then backs off).
     */
    static Duration retryDelay(JsonNode error) {
        Duration longest = null;
        for (JsonNode detail : error.path("details")) {
            if (detail.path("@type").asText("").endsWith("/google.rpc.RetryInfo")) {
                longest = longer(longest, duration(detail.path("retryDelay").asText("")));
            }
            for (JsonNode adsError : detail.path("errors")) {
                longest = longer(longest, duration(adsError.path("details").path("quotaErrorDetails")
                        .path("retryDelay").asText("")));
            }
        }
        return longest;
    }

    private static Duration duration(String json) {
        if (!json.endsWith("s")) {
            return null;
        }
        try {
            return Duration.ofMillis(new BigDecimal(json.substring(0, json.length() - 1)).movePointRight(3)
                    .longValue());
        } catch (NumberFormatException notADuration) {
            return null;
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a == null || (b != null && b.compareTo(a) > 0) ? b : a;
    }
}

package io.catalyst.plugins.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpResult;

/**
 * Turns a HubSpot error answer into a {@link ProviderException}. HubSpot's error body is
 * {@code {"status":"error","message":…,"correlationId":…,"category":…}}; the correlation id is kept in the message
 * because HubSpot support asks for it.
 */
final class HubSpotErrors {

    private HubSpotErrors() {
    }

    static ProviderException of(HttpResult result, ObjectMapper json) {
        JsonNode body = readQuietly(result.body(), json);
        String message = body.path("message").asText("");
        String category = body.path("category").asText("");
        String correlationId = body.path("correlationId").asText("");
        StringBuilder text = new StringBuilder("HubSpot answered ").append(result.status());
        if (!category.isEmpty()) {
            text.append(" (").append(category).append(')');
        }
        text.append(": ").append(message.isEmpty() ? "no message" : message);
        if (!correlationId.isEmpty()) {
            text.append(" [correlationId ").append(correlationId).append(']');
        }
        // The host classifies 401 and 429 itself; these cover a host that hands them back
        ProviderException.Kind kind = result.status() == 401 ? ProviderException.Kind.AUTH_EXPIRED
                : result.status() == 429 ? ProviderException.Kind.RATE_LIMITED
                : ProviderException.Kind.PROVIDER_FAILED;
        return new ProviderException(kind, text.toString(), null);
    }

    private static JsonNode readQuietly(String body, ObjectMapper json) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}

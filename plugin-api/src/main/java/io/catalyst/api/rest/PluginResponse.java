package io.catalyst.api.rest;

import java.util.Objects;

/**
 * What a {@link RestEndpoint} answers.
 *
 * @param status      HTTP status code
 * @param contentType media type of the body, e.g. {@code application/json}
 * @param body        the body as text, or null for none
 */
public record PluginResponse(int status, String contentType, String body) {

    /** Rejects an impossible status. */
    public PluginResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, was " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
    }

    /** 200 with a JSON body. */
    public static PluginResponse json(String json) {
        return new PluginResponse(200, "application/json", json);
    }

    /** A JSON body with a chosen status, e.g. 201. */
    public static PluginResponse json(int status, String json) {
        return new PluginResponse(status, "application/json", json);
    }

    /** 204 without a body. */
    public static PluginResponse noContent() {
        return new PluginResponse(204, "text/plain", null);
    }
}

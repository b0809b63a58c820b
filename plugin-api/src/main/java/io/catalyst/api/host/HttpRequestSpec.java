package io.catalyst.api.host;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An outbound HTTP request.
 *
 * @param method  {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param uri     absolute {@code https} or {@code http} URI
 * @param headers request headers
 * @param body    request body, or null for none
 * @param timeout how long to wait for the whole exchange
 */
public record HttpRequestSpec(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {

    /** Copies the headers and rejects a relative URI. */
    public HttpRequestSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("uri must be absolute: " + uri);
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A GET with a 30 second timeout. */
    public static HttpRequestSpec get(URI uri, Map<String, String> headers) {
        return new HttpRequestSpec("GET", uri, headers, null, Duration.ofSeconds(30));
    }

    /** A POST of a body with its content type and a 30 second timeout. */
    public static HttpRequestSpec post(URI uri, String contentType, String body) {
        return new HttpRequestSpec("POST", uri, Map.of("Content-Type", contentType), body, Duration.ofSeconds(30));
    }
}

package io.catalyst.api.rest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request routed to a {@link RestEndpoint}.
 *
 * @param method      the HTTP method
 * @param path        the path below the plugin's prefix, e.g. {@code leads/42/score}
 * @param pathParams  values of the template's {@code {name}} segments
 * @param queryParams query parameters; a name may repeat
 * @param headers     a safe subset of request headers (Accept, Content-Type, Accept-Language and, since 0.6.0,
 *                    Idempotency-Key), names in lower case; never credentials or cookies
 * @param body        the request body as text (usually JSON), or null for none
 */
public record PluginRequest(HttpMethod method, String path, Map<String, String> pathParams,
                            Map<String, List<String>> queryParams, Map<String, String> headers, String body) {

    /** Copies the maps so a handler cannot change what the host holds. */
    public PluginRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParams = pathParams == null ? Map.of() : Map.copyOf(pathParams);
        queryParams = queryParams == null ? Map.of() : Map.copyOf(queryParams);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}

package io.catalyst.api.host;

import java.util.List;
import java.util.Map;

/**
 * The response to an {@link HttpRequestSpec}.
 *
 * @param status  HTTP status code
 * @param headers response headers, names in lower case
 * @param body    response body decoded as text
 */
public record HttpResult(int status, Map<String, List<String>> headers, String body) {

    /** Copies the headers. */
    public HttpResult {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}

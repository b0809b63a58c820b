package io.catalyst.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.catalyst.api.host.HttpRequestSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Makes the HTTP request for one page of a manifest request: variables filled in, the paging parameters added. */
final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /** The request for the page in state {@code page} (null: the first page) of {@code request}. */
    static HttpRequestSpec build(URI baseUrl, Spec.Request request, Paging paging, Function<String, String> vars,
                                 String page) {
        StringBuilder uri = new StringBuilder(trimSlash(baseUrl.toString()))
                .append(Templates.render(request.path(), vars, Requests::encodePath));
        List<String> params = new ArrayList<>();
        request.query().forEach((name, value) -> params.add(encode(name) + "=" + encode(Templates.render(value, vars))));
        // raw values keep their literal text (Rest.li's List(...) and (start:(...))); only variables are encoded
        request.queryRaw().forEach((name, value) ->
                params.add(encode(name) + "=" + Templates.render(value, vars, Requests::encode)));
        params.addAll(paging.params(page));
        if (!params.isEmpty()) {
            uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(String.join("&", params));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, Templates.render(value, vars)));
        String body = null;
        if (request.body() != null) {
            body = renderBody(request.body(), vars).toString();
            headers.putIfAbsent("Content-Type", "application/json");
        }
        return new HttpRequestSpec(request.method(), URI.create(uri.toString()), headers, body,
                Duration.ofSeconds(60));
    }

    /** A query parameter's name or value, encoded (spaces as {@code %20}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode renderBody(JsonNode node, Function<String, String> vars) {
        if (node.isTextual()) {
            return TextNode.valueOf(Templates.render(node.asText(), vars));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), renderBody(e.getValue(), vars)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(renderBody(item, vars)));
            return copy;
        }
        return node;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encodePath(String value) {
        return encode(value);
    }
}

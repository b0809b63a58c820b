package io.catalyst.plugins.metaads;

import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Graph API as this connector uses it: requests built from the session's base URL, Meta's error bodies turned
 * into {@link io.catalyst.api.connect.ProviderException}s, and cursor paging followed through {@code paging.next}.
 */
final class MetaAdsApi {

    private final ConnectorSession session;

    MetaAdsApi(ConnectorSession session) {
        this.session = session;
    }

    /** {@code GET <base>/<path>?<params>}, as a JSON object; Meta's errors thrown. */
    JsonObject get(String path, Map<String, String> params, String limitKey) {
        return send(HttpRequestSpec.get(uri(path, params), Map.of()), limitKey);
    }

    /** {@code POST <base>/<path>} with the parameters form-encoded, as Graph API takes them. */
    JsonObject post(String path, Map<String, String> params, String limitKey) {
        return send(HttpRequestSpec.post(uri(path, Map.of()), "application/x-www-form-urlencoded", query(params)),
                limitKey);
    }

    /**
     * Reads an edge page by page, handing each element of {@code data} to {@code each}, until a page has no
     * {@code paging.next} (the docs: "If not included, this is the last page of data").
     */
    void forEach(String path, Map<String, String> params, String limitKey, Consumer<JsonObject> each) {
        URI next = uri(path, params);
        while (next != null) {
            JsonObject page = send(HttpRequestSpec.get(next, Map.of()), limitKey);
            for (JsonValue row : page.getJsonArray("data") == null ? List.<JsonValue>of() : page.getJsonArray("data")) {
                if (row.getValueType() == JsonValue.ValueType.OBJECT) {
                    each.accept(row.asJsonObject());
                }
            }
            next = nextPage(page);
        }
    }

    /** Every element of an edge, all pages. */
    List<JsonObject> all(String path, Map<String, String> params, String limitKey) {
        List<JsonObject> rows = new ArrayList<>();
        forEach(path, params, limitKey, rows::add);
        return rows;
    }

    private URI nextPage(JsonObject page) {
        JsonObject paging = page.getJsonObject("paging");
        if (paging == null || paging.get("next") == null
                || paging.get("next").getValueType() != JsonValue.ValueType.STRING) {
            return null;
        }
        // Meta's next link is absolute and may repeat the access token in its query: the host applies the
        // credential itself, so drop it, and move the link to the connection's origin (a local fake, say)
        URI absolute = URI.create(withoutAccessToken(paging.getString("next")));
        return Connector.withOrigin(absolute, session.baseUrl());
    }

    static String withoutAccessToken(String link) {
        int q = link.indexOf('?');
        if (q < 0) {
            return link;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : link.substring(q + 1).split("&")) {
            if (!pair.startsWith("access_token=") && !pair.isEmpty()) {
                kept.add(pair);
            }
        }
        return link.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private JsonObject send(HttpRequestSpec request, String limitKey) {
        HttpResult result = session.send(request, limitKey);
        JsonObject body = parse(result.body());
        if (!result.isSuccess() || (body != null && body.containsKey("error"))) {
            throw MetaAdsErrors.classify(result, body);
        }
        if (body == null) {
            throw MetaAdsErrors.unreadable(result.status());
        }
        return body;
    }

    static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonValue value = Json.createReader(new StringReader(text)).readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException e) {
            return null;
        }
    }

    private URI uri(String path, Map<String, String> params) {
        String base = session.baseUrl().toString();
        String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + path;
        return URI.create(params.isEmpty() ? joined : joined + "?" + query(params));
    }

    static String query(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return String.join("&", pairs);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An ordered parameter map, so requests (and tests' expectations) read the same every time. */
    static Map<String, String> params(String... nameValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return map;
    }
}

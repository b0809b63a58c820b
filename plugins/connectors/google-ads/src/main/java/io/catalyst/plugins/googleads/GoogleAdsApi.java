package io.catalyst.plugins.googleads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The two Google Ads REST calls the connector makes, with the headers Google Ads wants on every request: the
 * {@code developer-token} and, when the connection goes through a manager account, {@code login-customer-id}.
 */
final class GoogleAdsApi {

    /** A searchStream answers in one response however many rows there are: give it time. */
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(5);

    private final ConnectorSession session;
    private final ObjectMapper json;
    private final Map<String, String> headers;

    private GoogleAdsApi(ConnectorSession session, ObjectMapper json, Map<String, String> headers) {
        this.session = session;
        this.json = json;
        this.headers = Map.copyOf(headers);
    }

    /**
     * @throws ProviderException when the connection has no developer token: every call would be refused
     */
    static GoogleAdsApi of(ConnectorSession session, ObjectMapper json) {
        String developerToken = session.settings().get("developer_token");
        if (developerToken == null || developerToken.isBlank()) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED,
                    "The platform has no Google Ads developer token (CATALYST_CONNECTORS_GOOGLE_ADS_DEVELOPER_TOKEN)",
                    null);
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("developer-token", developerToken.trim());
        // connections made before the setting was declared stored it as login_customer_id
        String loginCustomerId = session.settings().getOrDefault(GoogleAdsConnector.LOGIN_CUSTOMER_ID,
                session.settings().get("login_customer_id"));
        if (loginCustomerId != null && !loginCustomerId.isBlank()) {
            headers.put("login-customer-id", customerId(loginCustomerId));
        }
        return new GoogleAdsApi(session, json, headers);
    }

    /** {@code GET /customers:listAccessibleCustomers}: the ids of the customers the login reaches directly. */
    List<String> accessibleCustomers() {
        HttpResult result = session.send(HttpRequestSpec.get(uri("/customers:listAccessibleCustomers"), headers),
                null);
        if (!result.isSuccess()) {
            throw GoogleAdsErrors.of(result.status(), result.body(), json);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode name : parse(result.body()).path("resourceNames")) {
            ids.add(customerId(name.asText()));
        }
        return ids;
    }

    /**
     * {@code POST /customers/{id}/googleAds:searchStream}: hands each row to {@code rows}, batch by batch. The answer
     * is a JSON array of batches {@code {"results":[…],"fieldMask","requestId"}}; an element that is an error (a
     * stream failing part-way) is thrown as such.
     */
    void searchStream(String customerId, String query, Consumer<JsonNode> rows) {
        Map<String, String> request = new HashMap<>(headers);
        request.put("Content-Type", "application/json");
        String body = write(Map.of("query", query));
        HttpResult result = session.send(new HttpRequestSpec("POST",
                uri("/customers/" + customerId + "/googleAds:searchStream"), request, body, STREAM_TIMEOUT),
                customerId);
        if (!result.isSuccess()) {
            throw GoogleAdsErrors.of(result.status(), result.body(), json);
        }
        JsonNode batches = parse(result.body());
        if (GoogleAdsErrors.isError(batches)) {
            throw GoogleAdsErrors.of(batches);
        }
        if (!batches.isArray()) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED,
                    "Google Ads searchStream answered something other than an array of batches", null);
        }
        for (JsonNode batch : batches) {
            if (GoogleAdsErrors.isError(batch)) {
                throw GoogleAdsErrors.of(batch);
            }
            batch.path("results").forEach(rows);
        }
    }

    /** The connection's settings, with the connector's defaults. */
    Map<String, String> settings() {
        return session.settings();
    }

    /** A customer id as the API takes it in paths and headers: digits only, from {@code customers/123} or 123-456. */
    static String customerId(String value) {
        String id = value.startsWith("customers/") ? value.substring("customers/".length()) : value;
        return id.replace("-", "").trim();
    }

    private URI uri(String path) {
        return URI.create(session.baseUrl().toString().replaceAll("/+$", "") + path);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED,
                    "Google Ads answered something that is not JSON", null);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

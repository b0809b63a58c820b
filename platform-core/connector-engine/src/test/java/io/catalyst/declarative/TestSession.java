package io.catalyst.declarative;

import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A bare {@link ConnectorSession} for engine tests (plugin-testkit depends on platform-core, so its harness is out
 * of reach here): sends requests as they are, returns every answer, 4xx and 5xx included, as the host does for
 * statuses it does not handle itself.
 */
final class TestSession implements ConnectorSession {

    final List<HttpRequestSpec> requests = new ArrayList<>();
    final Map<String, String> settings = new HashMap<>();
    private final URI baseUrl;
    private final HttpClient client = HttpClient.newHttpClient();

    TestSession(String baseUrl) {
        this.baseUrl = URI.create(baseUrl);
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public HttpResult send(HttpRequestSpec request, String limitKey) {
        requests.add(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new HashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new HttpResult(response.statusCode(), headers, response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public LocalDate today() {
        return LocalDate.of(2026, 11, 24);
    }

    @Override
    public Logger log() {
        return Logger.getLogger("test");
    }

    /** Keeps what a connector hands over. */
    static final class Sink implements RecordSink {
        final List<Insight> insights = new ArrayList<>();
        final List<Entity> entities = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        final List<Deal> deals = new ArrayList<>();
        final List<io.catalyst.api.connect.Call> calls = new ArrayList<>();
        final List<String> quarantined = new ArrayList<>();
        final List<String> checkpoints = new ArrayList<>();

        @Override public void insight(Insight insight) { insights.add(insight); }
        @Override public void entity(Entity entity) { entities.add(entity); }
        @Override public void contact(Contact contact) { contacts.add(contact); }
        @Override public void deal(Deal deal) { deals.add(deal); }
        @Override public void call(io.catalyst.api.connect.Call call) { calls.add(call); }
        @Override public void quarantine(String raw, String reason) { quarantined.add(reason + " | " + raw); }
        @Override public void checkpoint(String cursor) { checkpoints.add(cursor); }
    }
}

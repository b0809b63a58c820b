package io.catalyst.sdk.testkit;

import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Runs a {@link Connector} against a local fake of its provider (WireMock, say), the way the host does: requests go
 * to the fake's origin with the provider's paths, the credential is applied as the connector's {@link AuthSpec}
 * says, and 401, 429 and 5xx become {@link ProviderException}s. Unlike the host it neither retries nor waits, so a
 * test sees each classification at once.
 *
 * <pre>
 * ConnectorHarness harness = new ConnectorHarness(new MetaAdsConnector(), URI.create(wireMock.baseUrl()), "test-token");
 * CollectingSink sink = harness.read(new StreamRead("campaign_insights", List.of("act_1"), from, to, Optional.empty()));
 * </pre>
 */
public final class ConnectorHarness implements ConnectorSession {

    private final Connector connector;
    private final URI origin;
    private final String credential;
    private final Map<String, String> settings = new HashMap<>();
    private final List<HttpRequestSpec> requests = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private LocalDate today = LocalDate.now();

    /**
     * @param origin     the fake's origin, e.g. {@code http://127.0.0.1:8089}
     * @param credential the access token or key the host would apply
     */
    public ConnectorHarness(Connector connector, URI origin, String credential) {
        this.connector = connector;
        this.origin = origin;
        this.credential = credential;
    }

    /** Sets a connection setting. */
    public ConnectorHarness setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** Fixes "today" for the connector. */
    public ConnectorHarness today(LocalDate day) {
        this.today = day;
        return this;
    }

    /** Reads a stream into a new sink. */
    public CollectingSink read(StreamRead read) {
        CollectingSink sink = new CollectingSink();
        connector.read(this, read, sink);
        return sink;
    }

    /** Every request sent, oldest first. */
    public List<HttpRequestSpec> requests() {
        return List.copyOf(requests);
    }

    @Override
    public URI baseUrl() {
        return Connector.withOrigin(connector.baseUrl(), origin);
    }

    @Override
    public HttpResult send(HttpRequestSpec request, String limitKey) {
        if (!request.uri().getHost().equalsIgnoreCase(origin.getHost())) {
            throw new SecurityException("Not the provider's fake: " + request.uri().getHost());
        }
        requests.add(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(authorised(request.uri())).timeout(request.timeout());
        request.headers().forEach(builder::header);
        AuthSpec auth = connector.auth();
        if (credential != null && auth.placement() == AuthSpec.Placement.HEADER) {
            builder.header(auth.name(), auth.prefix() + credential);
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body()));
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new ProviderException(ProviderException.Kind.AUTH_EXPIRED, "answered 401", null);
        }
        if (status == 429) {
            Duration wait = response.headers().firstValue("retry-after").filter(v -> v.trim().matches("\\d+"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(null);
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, "answered 429", wait);
        }
        if (status >= 500) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED, "answered " + status, null);
        }
        Map<String, List<String>> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return new HttpResult(status, headers, response.body());
    }

    private URI authorised(URI uri) {
        AuthSpec auth = connector.auth();
        if (credential == null || auth.placement() != AuthSpec.Placement.QUERY) {
            return uri;
        }
        String param = auth.name() + "=" + URLEncoder.encode(credential, StandardCharsets.UTF_8);
        return URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + param);
    }

    @Override
    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public Logger log() {
        return Logger.getLogger("connector." + connector.id());
    }
}

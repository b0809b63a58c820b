package io.catalyst.sdk.testkit;

import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import io.catalyst.runtime.connect.ConnectionSettings;
import io.catalyst.runtime.connect.ProviderCalls;
import io.catalyst.runtime.connect.ProviderHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Runs a {@link Connector} against a local fake of its provider (WireMock, say) on the host's own path
 * ({@code io.catalyst.runtime.connect}): requests go to the fake's origin with the provider's paths, the credential is
 * applied as the connector's {@code AuthSpec} says, every answer goes through the connector's
 * {@link Connector#classify} and the host's rate-limit and retry rules, and outcomes become the same
 * {@link ProviderException}s, with the same messages, as in production. The one difference: waits are recorded
 * ({@link #waits()}), never slept, so a test sees a rate limit waited out in place or handed back for a reschedule
 * without taking that long. A connection's settings start at the connector's declared defaults.
 *
 * <pre>
 * ConnectorHarness harness = new ConnectorHarness(new MetaAdsConnector(), URI.create(wireMock.baseUrl()), "test-token");
 * CollectingSink sink = harness.read(new StreamRead("campaign_insights", List.of("act_1"), from, to, Optional.empty()));
 * </pre>
 */
public final class ConnectorHarness implements ConnectorSession {

    /** As the host's defaults: four attempts, the first retry after a second, at most a minute waited in place. */
    public static final int ATTEMPTS = 4;
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final Connector connector;
    private final URI origin;
    private final String credential;
    private final Map<String, String> settings = new HashMap<>();
    private final List<HttpRequestSpec> requests = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private Duration maxWait = MAX_WAIT;
    private ProviderCalls calls;
    private LocalDate today = LocalDate.now();
    private ZoneId zone = ZoneOffset.UTC;

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

    /** The connection's time zone (UTC unless set). */
    public ConnectorHarness zone(ZoneId zone) {
        this.zone = zone;
        return this;
    }

    /**
     * The longest wait taken in place ({@code CATALYST_SYNC_MAX_WAIT_SECONDS} on a server, 60 s by default); a longer
     * one ends the read with a {@link ProviderException.Kind#RATE_LIMITED} without another request.
     */
    public ConnectorHarness maxWait(Duration maxWait) {
        this.maxWait = maxWait;
        this.calls = null;
        return this;
    }

    /** Reads a stream into a new sink. */
    public CollectingSink read(StreamRead read) {
        CollectingSink sink = new CollectingSink();
        connector.read(this, read, sink);
        return sink;
    }

    /** Every request the connector sent, oldest first (a request sent again after a wait counts once). */
    public List<HttpRequestSpec> requests() {
        return List.copyOf(requests);
    }

    /** The waits the host would have slept before sending again (rate limits, backoff), oldest first. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    @Override
    public URI baseUrl() {
        return Connector.withOrigin(connector.baseUrl(), origin);
    }

    @Override
    public HttpResult send(HttpRequestSpec request, String limitKey) {
        requests.add(request);
        return calls().send(request, limitKey, this);
    }

    private synchronized ProviderCalls calls() {
        if (calls == null) {
            ProviderHttp http = new ProviderHttp(client, new ProviderHttp.Policy(Set.of(origin.getHost()), ATTEMPTS,
                    maxWait, FIRST_BACKOFF), waits::add, Clock.systemUTC());
            calls = new ProviderCalls(connector, http, new ProviderCalls.Credential() {
                @Override
                public String current() {
                    return credential;
                }

                @Override
                public boolean renew() {
                    return false; // a fixed credential: nothing to refresh
                }
            }, "connection", this::secrets);
        }
        return calls;
    }

    private List<String> secrets() {
        List<String> hidden = new ArrayList<>();
        hidden.add(credential);
        connector.platformSettings().forEach(name -> hidden.add(settings.get(name)));
        return hidden;
    }

    /** The connection's settings, with the connector's declared defaults where none is set. */
    @Override
    public Map<String, String> settings() {
        return ConnectionSettings.withDefaults(connector, settings);
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Logger log() {
        return Logger.getLogger("connector." + connector.id());
    }
}

package io.catalyst.sdk.testkit;

import io.catalyst.api.PluginManifest;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import io.catalyst.api.host.PluginHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link PluginHttp} that never touches the network. Like the host, it refuses with a {@link SecurityException} any
 * host the plugin did not declare in {@link PluginManifest#EGRESS_HOSTS} ({@code plugin.egressHosts} in the pom);
 * declared hosts answer what the test stubbed, and a request nothing matches fails as a connection error would.
 *
 * <pre>
 * kit.context().fakeHttp().stub("GET", "https://api.example.com/v1/", 200, "{\"ok\":true}");
 * </pre>
 */
public final class FakePluginHttp implements PluginHttp {

    private record Stub(Predicate<HttpRequestSpec> matches, Function<HttpRequestSpec, HttpResult> answer) {
    }

    private final Set<String> egressHosts;
    private final List<Stub> stubs = new CopyOnWriteArrayList<>();
    private final List<HttpRequestSpec> requests = new CopyOnWriteArrayList<>();

    FakePluginHttp(Collection<String> egressHosts) {
        this.egressHosts = Set.copyOf(egressHosts);
    }

    /** Requests with this method whose URI starts with {@code uriPrefix} answer this status and body (JSON). */
    public FakePluginHttp stub(String method, String uriPrefix, int status, String body) {
        return stub(r -> r.method().equalsIgnoreCase(method) && r.uri().toString().startsWith(uriPrefix),
                r -> new HttpResult(status, Map.of("content-type", List.of("application/json")), body));
    }

    /** The general form: the latest matching stub answers. */
    public FakePluginHttp stub(Predicate<HttpRequestSpec> matches, Function<HttpRequestSpec, HttpResult> answer) {
        stubs.add(0, new Stub(matches, answer));
        return this;
    }

    /** Every request the plugin sent to a declared host, oldest first. */
    public List<HttpRequestSpec> requests() {
        return List.copyOf(requests);
    }

    @Override
    public HttpResult send(HttpRequestSpec request) {
        String host = request.uri().getHost();
        if (host == null || !isDeclared(host.toLowerCase(Locale.ROOT))) {
            throw new SecurityException("host " + host + " is not in " + PluginManifest.EGRESS_HOSTS + " " + egressHosts);
        }
        requests.add(request);
        return stubs.stream().filter(s -> s.matches().test(request)).findFirst()
                .map(s -> s.answer().apply(request))
                .orElseThrow(() -> new UncheckedIOException(new IOException(
                        "no stubbed response for " + request.method() + " " + request.uri()
                                + " (the testkit never uses the network; stub it with fakeHttp().stub)")));
    }

    private boolean isDeclared(String host) {
        for (String declared : egressHosts) {
            String d = declared.toLowerCase(Locale.ROOT);
            if (d.equals(host) || d.startsWith("*.") && host.endsWith(d.substring(1))) {
                return true;
            }
        }
        return false;
    }
}

package io.catalyst.sdk.testkit;

import io.catalyst.api.connect.Connector;
import io.catalyst.declarative.ConnectorManifests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A manifest-only plugin's {@code connector.yaml}, loaded by the same engine, with the same checks, as the host loads
 * it. Hand the result to a {@link ConnectorHarness}:
 *
 * <pre>
 * Connector connector = ManifestConnector.ofPlugin();
 * ConnectorHarness harness = new ConnectorHarness(connector, URI.create(wireMock.baseUrl()), "test-token");
 * </pre>
 */
public final class ManifestConnector {

    /** Where a plugin keeps its manifest: the root of its jar, so {@code src/main/resources/connector.yaml}. */
    public static final String RESOURCE = "/connector.yaml";

    private ManifestConnector() {
    }

    /** The plugin's own {@code connector.yaml} from the test classpath. */
    public static Connector ofPlugin() {
        try (InputStream in = ManifestConnector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath: a manifest-only plugin keeps it in"
                        + " src/main/resources");
            }
            return load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A manifest from its text.
     *
     * @throws IllegalArgumentException naming every problem, as the host reports them when it marks the plugin FAILED
     */
    public static Connector load(String yaml) {
        try {
            return ConnectorManifests.load(yaml);
        } catch (ConnectorManifests.Invalid e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}

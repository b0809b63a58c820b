package io.catalyst.core.plugins;

import io.catalyst.api.PluginApi;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.runtime.CatalogIndex;
import io.catalyst.runtime.PluginStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pf4j.DefaultVersionManager;

/**
 * The plugin marketplace: a catalog ({@link CatalogIndex}'s {@code catalog.json} and the jars beside it) in a folder
 * or at an HTTP(S) address, from {@code catalyst.plugins.catalog}. Platform admins browse it and install a release;
 * the jar must match the catalog's checksum and then passes the same checks as an upload, signature first, before
 * anything reaches the plugins folder.
 */
@ApplicationScoped
public class PluginCatalog {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final long MAX_JAR_BYTES = 64L * 1024 * 1024;

    @Inject
    PluginHost host;

    @Inject
    @ConfigProperty(name = "catalyst.plugins.catalog")
    Optional<String> location;

    /** A release as the marketplace lists it. */
    public record Release(String pluginId, String version, String description, String provider, String requires,
                          boolean compatible, String installedVersion, long size, String sha256) {
    }

    public boolean configured() {
        return location.filter(l -> !l.isBlank()).isPresent();
    }

    /** Every release in the catalog, newest last per plugin, with whether this platform can run it. */
    public List<Release> releases() {
        JsonObject index = parse(fetch(CatalogIndex.FILE, 4L * 1024 * 1024));
        if (!CatalogIndex.FORMAT.equals(index.getString("format", ""))) {
            throw unavailable("the catalog is not in format " + CatalogIndex.FORMAT);
        }
        DefaultVersionManager versions = new DefaultVersionManager();
        List<Release> releases = new ArrayList<>();
        for (JsonValue value : index.getJsonArray("plugins")) {
            JsonObject plugin = value.asJsonObject();
            String id = plugin.getString("id");
            String installed = host.ready() ? host.runtime().status(id)
                    .filter(s -> s.state() != PluginStatus.State.REFUSED).map(PluginStatus::version).orElse(null)
                    : null;
            JsonArray all = plugin.getJsonArray("releases");
            java.util.Set<String> listed = new java.util.HashSet<>();
            for (JsonValue r : all) {
                JsonObject release = r.asJsonObject();
                if (!listed.add(release.getString("version")) || release.getString("file", "").startsWith("original-")) {
                    continue; // a catalog indexed before CatalogIndex skipped shading's original-*.jar
                }
                String requires = text(release, "requires");
                boolean compatible = requires == null || requires.isBlank()
                        || versions.checkVersionConstraint(PluginApi.VERSION, requires);
                releases.add(new Release(id, release.getString("version"), text(plugin, "description"),
                        text(plugin, "provider"), requires, compatible, installed,
                        release.getJsonNumber("size").longValue(), release.getString("sha256")));
            }
        }
        return releases;
    }

    /** Downloads, checks and installs (or upgrades to) one release. */
    public PluginStatus install(UUID actorId, String actor, String pluginId, String version) {
        JsonObject index = parse(fetch(CatalogIndex.FILE, 4L * 1024 * 1024));
        JsonObject release = null;
        for (JsonValue value : index.getJsonArray("plugins")) {
            if (value.asJsonObject().getString("id").equals(pluginId)) {
                for (JsonValue r : value.asJsonObject().getJsonArray("releases")) {
                    if (r.asJsonObject().getString("version").equals(version)) {
                        release = r.asJsonObject();
                    }
                }
            }
        }
        if (release == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The catalog has no " + pluginId + " " + version + ".");
        }
        String file = release.getString("file");
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw PluginHost.refused("the catalog names a file outside itself: " + file);
        }
        byte[] jar = fetch(file, MAX_JAR_BYTES);
        if (!CatalogIndex.sha256(jar).equals(release.getString("sha256"))) {
            throw PluginHost.refused("the downloaded file does not match the catalog's checksum: changed or damaged on the way");
        }
        return host.install(actorId, actor, jar, release.getString("signature", null));
    }

    private byte[] fetch(String name, long limit) {
        String base = location.filter(l -> !l.isBlank()).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_CONFIGURED, "No plugin catalog is configured (CATALYST_PLUGINS_CATALOG)."));
        try {
            if (base.startsWith("http://") || base.startsWith("https://")) {
                URI uri = URI.create(base.endsWith("/") ? base : base + "/").resolve(name);
                HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw unavailable("the catalog answered " + response.statusCode() + " for " + name);
                }
                return limited(response.body(), limit, name);
            }
            Path file = Path.of(base).resolve(name);
            if (!Files.isRegularFile(file)) { // nothing published there yet: retrying cannot help, publishing can
                throw new ProblemException(ProblemType.NOT_CONFIGURED, "The plugin catalog has no " + name
                        + " yet: publish plugins to it first (docs/plugin-sdk.md).");
            }
            return limited(Files.readAllBytes(file), limit, name);
        } catch (IOException e) {
            throw unavailable("the catalog cannot be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static byte[] limited(byte[] content, long limit, String name) {
        if (content.length > limit) {
            throw unavailable(name + " is larger than " + limit / 1024 / 1024 + " MiB");
        }
        return content;
    }

    private static JsonObject parse(byte[] json) {
        try {
            return Json.createReader(new ByteArrayInputStream(json)).readObject();
        } catch (RuntimeException e) {
            throw unavailable("its index is not valid JSON");
        }
    }

    private static String text(JsonObject object, String key) {
        return object.containsKey(key) && !object.isNull(key) ? object.getString(key) : null;
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The plugin catalog is not available: " + why
                + ".");
    }
}

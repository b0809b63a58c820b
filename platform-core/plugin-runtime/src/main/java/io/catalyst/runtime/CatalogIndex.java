package io.catalyst.runtime;

import io.catalyst.api.PluginManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;

/**
 * Writes a plugin catalog's index: {@code catalog.json} listing every signed plugin jar in a folder, with its
 * version, the API range it needs, its checksum and its detached signature. The folder can be used as is
 * ({@code CATALYST_PLUGINS_CATALOG=/path}) or served over HTTP. The format is in {@code docs/plugin-sdk.md}. Needs only
 * the JDK, so {@code ./catalyst plugins publish} runs it without the server.
 */
public final class CatalogIndex {

    /** The index file in a catalog folder. */
    public static final String FILE = "catalog.json";
    /** The format name and version written into every index. */
    public static final String FORMAT = "catalyst-plugin-catalog/1";

    private CatalogIndex() {
    }

    /** One release of a plugin in the catalog. */
    record Release(String id, String version, String requires, String description, String provider, String file,
                   String sha256, long size, String signature) {
    }

    /** {@code index <dir>}: (re)writes the folder's index; exit 1 when a jar cannot be listed. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("index")) {
            System.err.println("usage: CatalogIndex index <dir>");
            System.exit(2);
        }
        List<String> skipped = write(Path.of(args[1]));
        skipped.forEach(reason -> System.err.println("skipped " + reason));
        System.exit(skipped.isEmpty() ? 0 : 1);
    }

    /** Writes {@code catalog.json} for the folder; returns the jars left out, each with why. */
    public static List<String> write(Path dir) throws IOException {
        Map<String, List<Release>> byPlugin = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            List<Path> sorted = new ArrayList<>();
            jars.forEach(sorted::add);
            sorted.sort(java.util.Comparator.comparing(Path::toString));
            for (Path jar : sorted) {
                if (jar.getFileName().toString().startsWith("original-")) {
                    // maven-shade-plugin's unshaded input, left beside the plugin jar: never a release of its own
                    skipped.add(jar.getFileName() + ": the unshaded original of a shaded plugin jar");
                    continue;
                }
                Path sig = PluginSignatures.signatureFileOf(jar);
                if (!Files.exists(sig)) {
                    skipped.add(jar.getFileName() + ": no " + sig.getFileName() + " (sign it first)");
                    continue;
                }
                byte[] content = Files.readAllBytes(jar);
                Attributes manifest;
                try (InputStream in = Files.newInputStream(jar); JarInputStream read = new JarInputStream(in)) {
                    manifest = read.getManifest() == null ? null : read.getManifest().getMainAttributes();
                }
                String id = manifest == null ? null : manifest.getValue(PluginManifest.PLUGIN_ID);
                if (id == null) {
                    skipped.add(jar.getFileName() + ": not a plugin (no " + PluginManifest.PLUGIN_ID + ")");
                    continue;
                }
                String version = manifest.getValue(PluginManifest.PLUGIN_VERSION);
                List<Release> known = byPlugin.computeIfAbsent(id, k -> new ArrayList<>());
                java.util.Optional<Release> same = known.stream().filter(r -> java.util.Objects.equals(r.version(),
                        version)).findFirst();
                if (same.isPresent()) {
                    skipped.add(jar.getFileName() + ": " + id + " " + version + " is already listed from "
                            + same.get().file());
                    continue;
                }
                known.add(new Release(id,
                        manifest.getValue(PluginManifest.PLUGIN_VERSION), manifest.getValue(PluginManifest.PLUGIN_REQUIRES),
                        manifest.getValue(PluginManifest.PLUGIN_DESCRIPTION), manifest.getValue(PluginManifest.PLUGIN_PROVIDER),
                        jar.getFileName().toString(), sha256(content), content.length,
                        Files.readString(sig, StandardCharsets.US_ASCII).trim()));
            }
        }
        StringBuilder json = new StringBuilder("{\n  \"format\": \"" + FORMAT + "\",\n  \"generated\": \""
                + Instant.now() + "\",\n  \"plugins\": [");
        String pluginSep = "\n";
        for (List<Release> releases : byPlugin.values()) {
            Release newest = releases.get(releases.size() - 1);
            json.append(pluginSep).append("    {\"id\": ").append(quote(newest.id()))
                    .append(", \"description\": ").append(quote(newest.description()))
                    .append(", \"provider\": ").append(quote(newest.provider())).append(", \"releases\": [");
            String releaseSep = "\n";
            for (Release r : releases) {
                json.append(releaseSep).append("      {\"version\": ").append(quote(r.version()))
                        .append(", \"requires\": ").append(quote(r.requires()))
                        .append(", \"file\": ").append(quote(r.file()))
                        .append(", \"sha256\": ").append(quote(r.sha256()))
                        .append(", \"size\": ").append(r.size())
                        .append(", \"signature\": ").append(quote(r.signature())).append('}');
                releaseSep = ",\n";
            }
            json.append("\n    ]}");
            pluginSep = ",\n";
        }
        json.append("\n  ]\n}\n");
        Path temporary = dir.resolve(FILE + ".tmp");
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        Files.move(temporary, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return skipped;
    }

    public static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

package io.catalyst.runtime;

import io.catalyst.api.PluginManifest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;

/**
 * A plugin jar read once into memory: the bytes that are verified are exactly the bytes that get installed, so the
 * file cannot change between check and copy.
 */
final class PluginFile {

    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    final Path source;
    final byte[] content;
    final PluginDescriptor descriptor;
    final Set<String> egressHosts;

    private PluginFile(Path source, byte[] content, PluginDescriptor descriptor, Set<String> egressHosts) {
        this.source = source;
        this.content = content;
        this.descriptor = descriptor;
        this.egressHosts = egressHosts;
    }

    /** Thrown when a file is not a readable plugin jar; the message is the reason shown to operators. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason);
        }
    }

    /** Reads and checks the jar structure and manifest (not the signature). */
    static PluginFile read(Path source) throws IOException, Unreadable {
        byte[] content = Files.readAllBytes(source);
        Manifest manifest = manifestOf(content);
        String id = manifest.getMainAttributes().getValue(PluginManifest.PLUGIN_ID);
        if (id == null || id.isBlank()) {
            throw new Unreadable("the manifest has no " + PluginManifest.PLUGIN_ID + ": not a plugin");
        }
        if (!PLUGIN_ID.matcher(id).matches()) {
            throw new Unreadable(PluginManifest.PLUGIN_ID + " '" + id
                    + "' must be lower case letters, digits and dashes");
        }
        String version = manifest.getMainAttributes().getValue(PluginManifest.PLUGIN_VERSION);
        if (version == null || version.isBlank()) {
            throw new Unreadable("the manifest has no " + PluginManifest.PLUGIN_VERSION);
        }
        return new PluginFile(source, content, new DescriptorReader().from(manifest), egressHosts(manifest));
    }

    String id() {
        return descriptor.getPluginId();
    }

    /** Reads every entry to the end, so a damaged archive fails here (CRC, truncation) and not half-way through loading. */
    private static Manifest manifestOf(byte[] content) throws IOException, Unreadable {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw new Unreadable("not a jar: the file is not a zip archive");
        }
        Manifest manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(new ByteArrayInputStream(zip.readAllBytes()));
                } else {
                    zip.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (ZipException | EOFException e) {
            throw new Unreadable("not a jar: the archive is damaged (" + e.getMessage() + ")");
        }
        if (manifest == null) {
            throw new Unreadable("not a plugin: the jar has no META-INF/MANIFEST.MF");
        }
        return manifest;
    }

    private static Set<String> egressHosts(Manifest manifest) {
        String value = manifest.getMainAttributes().getValue(PluginManifest.EGRESS_HOSTS);
        Set<String> hosts = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                    .map(h -> h.toLowerCase(Locale.ROOT)).forEach(hosts::add);
        }
        return hosts;
    }

    /** PF4J's own manifest parsing, reached for a manifest in memory rather than a path. */
    private static final class DescriptorReader extends ManifestPluginDescriptorFinder {
        PluginDescriptor from(Manifest manifest) {
            return createPluginDescriptor(manifest);
        }
    }
}

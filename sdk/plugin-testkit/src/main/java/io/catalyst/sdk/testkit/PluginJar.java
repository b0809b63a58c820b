package io.catalyst.sdk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Packs the plugin under test the way plugin-parent's jar and shade steps do: the compiled classes, the contents of
 * its own libraries (without their manifests, signatures and module descriptors) and the Plugin-* manifest.
 */
final class PluginJar {

    /** What shading leaves out of libraries, for the same reasons. */
    private static final Pattern SKIPPED = Pattern.compile(
            "META-INF/MANIFEST\\.MF|META-INF/[^/]+\\.(SF|DSA|RSA|EC)|(META-INF/versions/\\d+/)?module-info\\.class",
            Pattern.CASE_INSENSITIVE);

    private PluginJar() {
    }

    static Path write(Path jar, Path classes, List<Path> libraries, Map<String, String> manifestEntries)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestEntries.forEach(main::putValue);
        Set<String> written = new HashSet<>();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            written.add(JarFile.MANIFEST_NAME);
            try (Stream<Path> tree = Files.walk(classes)) {
                for (Path file : tree.filter(Files::isRegularFile).sorted().toList()) {
                    String name = classes.relativize(file).toString().replace('\\', '/');
                    if (written.add(name)) {
                        zip.putNextEntry(new JarEntry(name));
                        Files.copy(file, zip);
                        zip.closeEntry();
                    }
                }
            }
            for (Path library : libraries) {
                try (JarFile lib = new JarFile(library.toFile())) {
                    for (JarEntry entry : lib.stream().filter(e -> !e.isDirectory()).toList()) {
                        // the plugin's own files win, as with shading
                        if (!SKIPPED.matcher(entry.getName()).matches() && written.add(entry.getName())) {
                            zip.putNextEntry(new JarEntry(entry.getName()));
                            try (InputStream in = lib.getInputStream(entry)) {
                                in.transferTo(zip);
                            }
                            zip.closeEntry();
                        }
                    }
                }
            }
        }
        return jar;
    }
}

package io.catalyst.runtime;

import io.catalyst.api.PluginManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.pf4j.processor.ExtensionAnnotationProcessor;

/**
 * Builds real plugin jars inside tests: compiles Java source text against the test classpath (plugin-api + PF4J),
 * runs PF4J's annotation processor so {@code META-INF/extensions.idx} exists, writes the Plugin-* manifest and can
 * sign the result. Also generates many plugins at once for benchmarks.
 */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** What to build. Sources map a fully qualified class name to its source text. */
    public record Spec(String id, String version, Map<String, String> manifest, Map<String, String> sources) {

        /** A plugin with no extra manifest entries and no classes yet. */
        public static Spec of(String id, String version) {
            return new Spec(id, version, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        /** Adds a manifest main attribute, e.g. {@link PluginManifest#PLUGIN_REQUIRES}. */
        public Spec with(String attribute, String value) {
            manifest.put(attribute, value);
            return this;
        }

        /** Adds a class. */
        public Spec source(String className, String code) {
            sources.put(className, code);
            return this;
        }

        /**
         * Adds a {@code RestEndpoint} extension answering {@code GET path} with the result of a Java expression
         * (of type String) evaluated in {@code handle}.
         */
        public Spec endpoint(String className, String path, String bodyExpression) {
            String pkg = className.substring(0, className.lastIndexOf('.'));
            String simple = className.substring(className.lastIndexOf('.') + 1);
            return source(className, """
                    package %s;
                    import io.catalyst.api.PluginContext;
                    import io.catalyst.api.rest.*;
                    @org.pf4j.Extension
                    public class %s implements RestEndpoint {
                        public HttpMethod method() { return HttpMethod.GET; }
                        public String path() { return "%s"; }
                        public String requiredPermission() { return "test:read"; }
                        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
                            try {
                                return PluginResponse.json(%s);
                            } catch (RuntimeException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                    """.formatted(pkg, simple, path, bodyExpression));
        }
    }

    /** Compiles and packs a plugin; returns {@code dir/<id>-<version>.jar}. */
    public static Path build(Path dir, Spec spec) {
        try {
            Path work = Files.createTempDirectory("plugin-build-" + spec.id());
            Path classes = Files.createDirectories(work.resolve("classes"));
            compile(spec.sources(), classes);
            Path jar = dir.resolve(spec.id() + "-" + spec.version() + ".jar");
            Files.createDirectories(dir);
            writeJar(jar, classes, manifest(spec));
            deleteTree(work);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds and signs; the signature lands in {@code <jar>.sig}. */
    public static Path buildSigned(Path dir, Spec spec, KeyPair keys) {
        Path jar = build(dir, spec);
        sign(jar, keys.getPrivate());
        return jar;
    }

    /** Signs an existing file. */
    public static void sign(Path jar, PrivateKey key) {
        try {
            PluginSignatures.signFile(jar, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Generates {@code count} small signed plugins {@code bulk-000 ...}, each with one endpoint answering its id,
     * for load benchmarks.
     */
    public static List<Path> generateMany(Path dir, int count, KeyPair keys) {
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "bulk-%03d", i);
            String pkg = "test.bulk" + i;
            jars.add(buildSigned(dir, Spec.of(id, "1.0.0").endpoint(pkg + ".Hello", "hello", "\"" + id + "\""), keys));
        }
        return jars;
    }

    private static void compile(Map<String, String> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-classpath", testClasspath(),
                    "-d", classes.toString(), "-implicit:none");
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(List.of(new ExtensionAnnotationProcessor()));
            if (!task.call()) {
                throw new IllegalStateException("test plugin does not compile: " + diagnostics.getDiagnostics());
            }
        }
    }

    /** Surefire may hide the real classpath behind a manifest-only jar; it then publishes it here. */
    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Manifest manifest(Spec spec) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(PluginManifest.PLUGIN_ID, spec.id());
        main.putValue(PluginManifest.PLUGIN_VERSION, spec.version());
        main.putValue(PluginManifest.PLUGIN_PROVIDER, "Catalyst tests");
        spec.manifest().forEach(main::putValue);
        return manifest;
    }

    private static void writeJar(Path jar, Path classes, Manifest manifest) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream zip = new JarOutputStream(out, manifest);
             Stream<Path> tree = Files.walk(classes)) {
            for (Path file : tree.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}

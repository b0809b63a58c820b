package io.catalyst.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compiled classes the architecture tests look at, imported once per test run.
 *
 * <p>The ui module is built last and has plugin-api, platform-core, the plugin runtime and the connector engine on
 * its classpath, so their main code comes from there. The plugins and the plugin testkit are not on it: their
 * compiled classes are read from their modules' {@code target} folders. A folder that should hold classes and holds
 * none fails the test that needs it, so a rule never passes because it looked at nothing.
 */
final class CatalystClasses {

    /** Where ui's classpath may hold another module's test classes: the runtime's test-jar. */
    private static final ImportOption DO_NOT_INCLUDE_TEST_JARS = location -> !location.contains("-tests.jar");

    private static JavaClasses platform;
    private static JavaClasses plugins;
    private static JavaClasses testkit;

    private CatalystClasses() {
    }

    /** Main code on ui's classpath: io.catalyst.api, .core, .runtime, .declarative and .ui, without any tests. */
    static synchronized JavaClasses platform() {
        if (platform == null) {
            platform = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(DO_NOT_INCLUDE_TEST_JARS)
                    .importPackages("io.catalyst");
            for (String module : List.of("io.catalyst.api", "io.catalyst.api.ui.kit", "io.catalyst.core",
                    "io.catalyst.runtime", "io.catalyst.declarative", "io.catalyst.metrics", "io.catalyst.ui.shell")) {
                if (platform.stream().noneMatch(c -> c.getPackageName().startsWith(module))) {
                    throw new IllegalStateException("No classes of " + module + " on ui's test classpath");
                }
            }
        }
        return platform;
    }

    /** Main and test code of every plugin module under plugins/. */
    static synchronized JavaClasses plugins() {
        if (plugins == null) {
            List<Path> folders = new ArrayList<>();
            for (Path module : modulesUnder(root().resolve("plugins"))) {
                folders.add(compiled(module, "src/main/java", "target/classes"));
                if (Files.isDirectory(module.resolve("src/test/java")) && hasJava(module.resolve("src/test/java"))) {
                    folders.add(compiled(module, "src/test/java", "target/test-classes"));
                }
            }
            if (folders.isEmpty()) {
                throw new IllegalStateException("No plugin modules found under " + root().resolve("plugins"));
            }
            plugins = new ClassFileImporter().importPaths(folders);
        }
        return plugins;
    }

    /** The plugin testkit's main code (sdk/plugin-testkit). */
    static synchronized JavaClasses testkit() {
        if (testkit == null) {
            testkit = new ClassFileImporter()
                    .importPath(compiled(root().resolve("sdk/plugin-testkit"), "src/main/java", "target/classes"));
        }
        return testkit;
    }

    // The repository's root: surefire runs in ui/ and says so in "basedir".
    private static Path root() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
    }

    // Every Maven module below a folder that has Java sources of its own.
    private static List<Path> modulesUnder(Path folder) {
        try (Stream<Path> poms = Files.walk(folder)) {
            return poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent)
                    .filter(m -> !m.toString().contains("/target/"))
                    .filter(m -> Files.isDirectory(m.resolve("src/main/java")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the modules under " + folder, e);
        }
    }

    // The module's output folder, which must hold at least one class.
    private static Path compiled(Path module, String sources, String output) {
        Path folder = module.resolve(output);
        if (!containsClasses(folder)) {
            throw new IllegalStateException(module + " has sources in " + sources + " but no compiled classes in "
                    + folder + ": build it first (flock /tmp/catalyst-mvn.lock mvn -o -B -q install -DskipTests"
                    + " -pl " + root().relativize(module) + ")");
        }
        return folder;
    }

    private static boolean containsClasses(Path folder) {
        return containsFile(folder, ".class");
    }

    private static boolean hasJava(Path folder) {
        return containsFile(folder, ".java");
    }

    private static boolean containsFile(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folder, e);
        }
    }
}

package io.catalyst.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog folder as a build leaves it: the shaded plugin jar, and the unshaded original-*.jar beside it. */
class CatalogIndexTest {

    @TempDir
    Path dir;

    @Test
    void listsEachVersionOnceAndNeverTheUnshadedOriginal() throws IOException {
        Path built = TestPlugins.build(dir.resolve("build"), TestPlugins.Spec.of("twice", "1.0.0")
                .endpoint("test.twice.Hello", "hello", "\"x\""));
        Path catalog = Files.createDirectories(dir.resolve("catalog"));
        for (String name : List.of("twice-plugin.jar", "original-twice-plugin.jar", "twice-copy.jar")) {
            Path jar = Files.copy(built, catalog.resolve(name));
            Files.writeString(PluginSignatures.signatureFileOf(jar), "ed25519:test:sig", StandardCharsets.US_ASCII);
        }

        List<String> skipped = CatalogIndex.write(catalog);

        String index = Files.readString(catalog.resolve(CatalogIndex.FILE));
        assertThat(index).doesNotContain("original-");
        assertThat(index.split("\"version\": \"1.0.0\"", -1)).as("releases of 1.0.0 in %s", index).hasSize(2);
        assertThat(skipped).anyMatch(reason -> reason.startsWith("twice-copy.jar") || reason.startsWith(
                "twice-plugin.jar"));
    }
}

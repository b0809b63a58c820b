package io.catalyst.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalystVersionTest {

    @Test
    void theBuildStampsTheProjectVersion() {
        assertThat(CatalystVersion.current()).doesNotContain("${").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}

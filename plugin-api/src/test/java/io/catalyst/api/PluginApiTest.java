package io.catalyst.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginApiTest {

    @Test
    void versionIsSemantic() {
        assertThat(PluginApi.VERSION).matches("\\d+\\.\\d+\\.\\d+");
    }
}

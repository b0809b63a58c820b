package io.catalyst.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginHostHelpersTest {

    @Test
    void matchesLiteralAndParameterSegments() {
        assertThat(PathTemplates.match("/notes/{id}", "/notes/42")).contains(Map.of("id", "42"));
        assertThat(PathTemplates.match("notes", "/notes/")).contains(Map.of());
        assertThat(PathTemplates.match("/notes/{id}", "/notes")).isEmpty();
        assertThat(PathTemplates.match("/notes/{id}", "/notes/")).isEmpty();
        assertThat(PathTemplates.match("/notes/{id}/tags", "/notes/1/other")).isEmpty();
    }

    @Test
    void numbersPlaceholdersOutsideQuotedText() {
        assertThat(PluginContexts.numbered("select * from note where id = ? and text <> '?' and a = ?"))
                .isEqualTo("select * from note where id = ?1 and text <> '?' and a = ?2");
    }

    @Test
    void egressHostsMatchExactlyOrAsSubDomains() {
        java.util.Set<String> declared = java.util.Set.of("graph.facebook.com", "*.googleapis.com");
        assertThat(PluginContexts.allowed(declared, "graph.facebook.com")).isTrue();
        assertThat(PluginContexts.allowed(declared, "ads.googleapis.com")).isTrue();
        assertThat(PluginContexts.allowed(declared, "googleapis.com")).isFalse();
        assertThat(PluginContexts.allowed(declared, "evilgoogleapis.com")).isFalse();
        assertThat(PluginContexts.allowed(declared, "facebook.com")).isFalse();
    }
}

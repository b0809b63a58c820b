package io.catalyst.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplatesTest {

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
}

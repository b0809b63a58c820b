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
    void pluginRolesAreNamedAfterTheDatabaseAndThePluginWithinPostgresLimit() {
        assertThat(PluginDatabases.roleName("catalyst", "plugin", "lead_scoring")).isEqualTo("catalyst_plugin_lead_scoring");
        assertThat(PluginDatabases.roleName("Catalyst-Prod", "schema", "notes")).isEqualTo("catalyst_prod_schema_notes");
        String longer = PluginDatabases.roleName("catalyst", "plugin", "a".repeat(63));
        assertThat(longer).hasSize(63).startsWith("catalyst_plugin_aaa")
                .isNotEqualTo(PluginDatabases.roleName("catalyst", "plugin", "a".repeat(62)));
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

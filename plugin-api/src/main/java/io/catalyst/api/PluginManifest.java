package io.catalyst.api;

/**
 * The {@code META-INF/MANIFEST.MF} main attributes the host reads from a plugin jar.
 *
 * <p>All but {@link #EGRESS_HOSTS} are PF4J's own. Example:
 * <pre>
 * Plugin-Id: lead-scoring
 * Plugin-Version: 1.2.0
 * Plugin-Requires: &gt;=0.1.0
 * Plugin-Provider: Acme
 * Plugin-Dependencies: hubspot-connector@&gt;=1.0.0
 * Plugin-Description: Scores leads from campaign engagement
 * Plugin-Egress-Hosts: api.hubapi.com, *.acme.example
 * </pre>
 */
public interface PluginManifest {

    /** Required. Unique id: lower case letters, digits and dashes, e.g. {@code lead-scoring}. */
    String PLUGIN_ID = "Plugin-Id";

    /** Required. The plugin's own semantic version, e.g. {@code 1.2.0}. An upgrade replaces the same id. */
    String PLUGIN_VERSION = "Plugin-Version";

    /**
     * The {@link PluginApi#VERSION} range the plugin needs, e.g. {@code >=0.1.0 & <1.0.0}. A bare version
     * {@code 0.1.0} means {@code >=0.1.0}. A plugin whose range the host's API version misses is refused.
     */
    String PLUGIN_REQUIRES = "Plugin-Requires";

    /** Who built the plugin; shown to operators. */
    String PLUGIN_PROVIDER = "Plugin-Provider";

    /**
     * Comma-separated ids of plugins this one needs, each optionally with a version range ({@code id@>=1.0.0}); a
     * trailing {@code ?} marks an optional one. A plugin with a missing required dependency is refused.
     */
    String PLUGIN_DEPENDENCIES = "Plugin-Dependencies";

    /** One line shown to operators and tenant admins. */
    String PLUGIN_DESCRIPTION = "Plugin-Description";

    /** Optional {@code org.pf4j.Plugin} subclass for start/stop hooks; without it the plugin has no lifecycle code. */
    String PLUGIN_CLASS = "Plugin-Class";

    /**
     * Catalyst-specific. Comma-separated host names the plugin may reach through {@link PluginContext#http()}; a
     * leading {@code *.} matches any sub-domain. Without it the plugin has no network egress at all.
     */
    String EGRESS_HOSTS = "Plugin-Egress-Hosts";
}

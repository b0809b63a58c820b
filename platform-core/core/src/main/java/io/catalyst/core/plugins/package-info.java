/**
 * Plugins inside the server: the CDI and REST side of the plugin runtime, which itself lives in
 * {@code io.catalyst.runtime} (module {@code platform-core/plugin-runtime}, pure Java so the testkit runs it too).
 * Here: {@link io.catalyst.core.plugins.PluginHost} keeps each node's runtime in line with the installs recorded in the
 * database; {@link io.catalyst.core.plugins.TenantPlugins} holds each tenant's enablement and settings;
 * {@link io.catalyst.core.plugins.PluginContexts} makes the host services a plugin gets;
 * {@link io.catalyst.core.plugins.PluginSchemas} runs a plugin's own migrations; jobs, events, health checks, the
 * marketplace and the REST resources for platform admins, tenant admins and plugin endpoints.
 */
package io.catalyst.core.plugins;

/**
 * Host services a plugin reaches through {@link io.catalyst.api.PluginContext}. Every one is already bound to the
 * current tenant and plugin; a plugin never names a tenant itself.
 */
package io.catalyst.api.host;

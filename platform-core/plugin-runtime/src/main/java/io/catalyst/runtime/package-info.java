/**
 * The plugin runtime: PF4J with Catalyst's fixes ({@link io.catalyst.runtime.HostPluginManager}), the API-only class
 * loader, detached Ed25519 signatures checked before a jar reaches a class loader, install, upgrade and removal, and
 * the one guarded call path into plugin code ({@link io.catalyst.runtime.PluginRuntime#call}). Also the JDK-only
 * tools behind {@code ./catalyst plugins} ({@link io.catalyst.runtime.PluginSigningTool},
 * {@link io.catalyst.runtime.CatalogIndex}).
 *
 * <p>Pure Java (plugin API, PF4J, Jackson, the JDK): no CDI, persistence or UI, so the server
 * ({@code io.catalyst.core.plugins}) and the plugin testkit run the same code, and the launcher runs the tools
 * without building the server. {@link io.catalyst.runtime.connect} is a connector's way to its provider.
 */
package io.catalyst.runtime;

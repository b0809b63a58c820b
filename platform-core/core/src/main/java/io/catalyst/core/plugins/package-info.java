/**
 * The plugin runtime: PF4J with Catalyst's fixes, signature checks, install/upgrade/uninstall, and the single guarded
 * path through which the host calls plugin code. Pure Java: CDI, persistence and UI wiring live elsewhere.
 */
package io.catalyst.core.plugins;

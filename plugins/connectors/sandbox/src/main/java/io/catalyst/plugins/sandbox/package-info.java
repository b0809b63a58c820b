/**
 * The sandbox connector: demo data from {@code io.catalyst.demodata}, generated in the plugin, for trying Catalyst
 * without an ad account. It never sends a request.
 */
package io.catalyst.plugins.sandbox;

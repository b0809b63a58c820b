/**
 * Test Catalyst plugins in-process: {@link io.catalyst.sdk.testkit.PluginTestKit} runs the plugin under test in the
 * real plugin runtime, and {@link io.catalyst.sdk.testkit.FakePluginContext} stands in for the host's services.
 */
package io.catalyst.sdk.testkit;

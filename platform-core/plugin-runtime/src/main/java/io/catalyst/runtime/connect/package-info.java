/**
 * A connector's way to its provider, shared by the server's sessions ({@code io.catalyst.core.connect.HostSession})
 * and the testkit's {@code ConnectorHarness}, so a plugin's tests go through the path production does:
 * {@link io.catalyst.runtime.connect.ProviderCalls} applies the credential and turns outcomes into
 * {@link io.catalyst.api.connect.ProviderException}s with the provider's reason; {@link
 * io.catalyst.runtime.connect.ProviderHttp} asks the connector what each answer means and waits out, reschedules or
 * retries; {@link io.catalyst.runtime.connect.ConnectionSettings} fills in the defaults a connector declares.
 */
package io.catalyst.runtime.connect;

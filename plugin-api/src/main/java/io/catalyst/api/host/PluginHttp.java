package io.catalyst.api.host;

/**
 * Outbound HTTP for plugins. The host refuses any host name not declared in the plugin's
 * {@link io.catalyst.api.PluginManifest#EGRESS_HOSTS} manifest entry.
 */
public interface PluginHttp {

    /**
     * Sends a request and reads the whole response.
     *
     * @throws SecurityException              if the target host was not declared
     * @throws java.io.UncheckedIOException   if the connection fails or times out
     */
    HttpResult send(HttpRequestSpec request);
}

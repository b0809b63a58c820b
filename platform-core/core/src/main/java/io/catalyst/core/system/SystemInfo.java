package io.catalyst.core.system;

/**
 * What an operator or client needs to know about the running platform.
 *
 * @param product          the product name
 * @param version          the platform's version
 * @param pluginApiVersion the plugin API version it offers
 * @param schemaVersion    the newest applied database migration, or null before the first one
 */
public record SystemInfo(String product, String version, String pluginApiVersion, String schemaVersion) {
}

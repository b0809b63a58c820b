package io.catalyst.api;

/**
 * The version of the contract that plugins compile against.
 *
 * <p>It follows semantic versioning: a plugin built against {@code 1.x} runs on any host offering {@code 1.y} with
 * {@code y >= x}. A plugin states what it needs in its {@code Plugin-Requires} manifest entry, and the host refuses a
 * plugin whose requirement this version does not meet.
 */
public interface PluginApi {

    /** The semantic version of this API. Raise the minor part for additions, the major part for breaking changes. */
    String VERSION = "0.9.0";
}

package io.catalyst.api.host;

import java.time.Duration;

/**
 * Deferred work. A plugin asks for one of its own {@link io.catalyst.api.jobs.PluginJob}s by name rather than handing
 * over code, so that the request survives a restart and can run on any cluster member.
 */
public interface PluginScheduler {

    /**
     * Runs this plugin's job named {@code jobName} once for the current tenant, no sooner than {@code delay} from now.
     *
     * @throws IllegalArgumentException if the plugin has no job of that name
     */
    void runLater(String jobName, Duration delay);
}

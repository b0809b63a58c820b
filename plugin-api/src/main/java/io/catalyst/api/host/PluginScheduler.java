package io.catalyst.api.host;

import java.time.Duration;

/**
 * Deferred work. A plugin asks for one of its own {@link io.catalyst.api.jobs.PluginJob}s by name rather than handing
 * over code. Today the host keeps the request in memory on the node that received it: a restart of that node loses
 * it, so a run that must happen also needs the job's own schedule. Naming a job keeps the door open for requests
 * that survive a restart and run on any node.
 */
public interface PluginScheduler {

    /**
     * Runs this plugin's job named {@code jobName} once for the current tenant, no sooner than {@code delay} from now.
     *
     * @throws IllegalArgumentException if the plugin has no job of that name
     */
    void runLater(String jobName, Duration delay);
}

package io.catalyst.api.jobs;

import io.catalyst.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Scheduled background work. At each due time of its {@link #schedule()} the host runs it once for every active
 * tenant that enabled the plugin, with a context that has no user. Each due run is claimed in the database first, so
 * it runs on one node of a cluster and not again after a restart. A run is a call like any other: it has the host's
 * call time limit (5 s by default) and a throw or a timeout marks the plugin FAILED, so split long work into short
 * runs (for example with {@link io.catalyst.api.PluginContext#scheduler()}).
 */
public interface PluginJob extends ExtensionPoint {

    /** Name unique within the plugin, e.g. {@code nightly-rescore}; also what {@code runLater} refers to. */
    String name();

    /** When to run. */
    JobSchedule schedule();

    /** Does one run for the context's tenant. */
    void run(PluginContext ctx);
}

package io.catalyst.api.jobs;

import io.catalyst.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Scheduled background work. At each due time of its {@link #schedule()} the host runs it once for every active
 * tenant that enabled the plugin, with a context that has no user. Each due run is claimed in the database first, so
 * it runs on one node of a cluster and not again after a restart. A run is a call like any other, with a time limit:
 * one minute, unless the job declares its own {@link #timeLimit()}. A throw or a timeout counts as the plugin's
 * failure, so split long work into short runs (for example with {@link io.catalyst.api.PluginContext#scheduler()}) or
 * declare what it needs.
 */
public interface PluginJob extends ExtensionPoint {

    /** Name unique within the plugin, e.g. {@code nightly-rescore}; also what {@code runLater} refers to. */
    String name();

    /** When to run. */
    JobSchedule schedule();

    /**
     * How long one run may take, for work that cannot be cut into short runs, such as training a model: null (the
     * default) for the host's job limit of one minute. The host allows at most 15 minutes. Since API 0.6.0.
     */
    default java.time.Duration timeLimit() {
        return null;
    }

    /** Does one run for the context's tenant. */
    void run(PluginContext ctx);
}

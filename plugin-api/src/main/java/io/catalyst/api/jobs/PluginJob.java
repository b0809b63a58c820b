package io.catalyst.api.jobs;

import io.catalyst.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Scheduled background work. The host runs it on its schedule once for every tenant that enabled the plugin, on one
 * cluster member at a time, with a context that has no user.
 */
public interface PluginJob extends ExtensionPoint {

    /** Name unique within the plugin, e.g. {@code nightly-rescore}; also what {@code runLater} refers to. */
    String name();

    /** When to run. */
    JobSchedule schedule();

    /** Does one run for the context's tenant. */
    void run(PluginContext ctx);
}

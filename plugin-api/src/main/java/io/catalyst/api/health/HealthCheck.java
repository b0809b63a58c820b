package io.catalyst.api.health;

import io.catalyst.api.PluginContext;
import org.pf4j.ExtensionPoint;

/** Reports whether something the plugin depends on works, e.g. a provider API. Must answer within a few seconds. */
public interface HealthCheck extends ExtensionPoint {

    /** Short name shown in the report, e.g. {@code hubspot-api}. */
    String name();

    /** Checks once. */
    HealthResult check(PluginContext ctx);
}

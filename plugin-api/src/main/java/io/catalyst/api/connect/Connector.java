package io.catalyst.api.connect;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A data source such as an ad platform or a CRM. Only its identity is defined so far; the methods that authorize and
 * read streams arrive with the integrations work.
 */
public interface Connector extends ExtensionPoint {

    /** Stable id, e.g. {@code google-ads}. */
    String id();

    /** Name shown to tenants. */
    String displayName();

    /** How the tenant connects an account. */
    AuthKind authKind();

    /** Names of the data streams it offers, e.g. {@code campaigns}, {@code daily-spend}. */
    List<String> streams();
}

package io.catalyst.api.host;

import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import java.util.List;
import java.util.Set;

/**
 * Writes values back to the providers the tenant connected, through their connectors: a lead's score to the CRM
 * contact it came from. Only what a connector declares in {@link io.catalyst.api.connect.Connector#writes()} can be
 * written; the host splits records into the connector's batches, applies the connection's credential and the
 * provider's rate limits, and writes an audit entry per call. Keep your own record of what you wrote and send only
 * what changed: a write is idempotent, not free. Since API 0.7.0.
 */
public interface WriteBack {

    /**
     * A connection of the tenant that accepts writes of an object.
     *
     * @param source     the connector's id, the warehouse's {@code source} (e.g. {@code hubspot})
     * @param name       the connection's name, for people
     * @param fields     the fields it accepts
     * @param describe   what a write does there, in the connector's words
     */
    record Target(String source, String name, Set<String> fields, String describe) {

        public Target {
            fields = Set.copyOf(fields);
        }
    }

    /** The tenant's active, authorised connections whose connector writes this object, e.g. {@code contacts}. */
    List<Target> targets(String object);

    /**
     * Writes the values now, in the connector's batches; a call takes at most 1,000 records.
     *
     * @param source the connector id of a {@link #targets target}
     * @return which records were written and which refused, with the provider's reason
     * @throws IllegalArgumentException for an object or field the connector does not declare, or too many records
     * @throws IllegalStateException    when the tenant has no active, authorised connection of that source
     * @throws io.catalyst.api.connect.ProviderException when the provider refused the call as a whole (rate
     *                                  limited, authorisation expired or lacking the write permission, failing)
     */
    WriteResult write(String source, String object, List<WriteRecord> records);
}

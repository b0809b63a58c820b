package io.catalyst.core.connect;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import io.catalyst.api.connect.WriteSpec;
import io.catalyst.api.host.WriteBack;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.plugins.WriteBacks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The host side of {@link WriteBack}: a plugin's values go to a provider only through a connector that declared the
 * object and fields ({@link Connector#writes()}), in its batches, over the connection's session (credential and rate
 * limits), and each call leaves an audit entry naming the plugin.
 */
@ApplicationScoped
public class ConnectorWrites implements WriteBacks {

    /** The most records one {@link WriteBack#write} call takes. */
    static final int MAX_RECORDS = 1_000;
    /** The longest id and value a write carries: a provider's ids are short, and a field is not a document. */
    static final int MAX_ID = 200;
    static final int MAX_VALUE = 10_000;
    private static final Duration BATCH_TIME = Duration.ofMinutes(2);

    @Inject
    Connections connections;

    @Inject
    ConnectionSessions sessions;

    @Inject
    ConnectorRegistry registry;

    @Inject
    PluginHost host;

    @Inject
    AuditLog audit;

    @Override
    public WriteBack forTenant(UUID tenantId, String pluginId, UUID userId, String actor) {
        return new WriteBack() {
            @Override
            public List<Target> targets(String object) {
                List<Target> targets = new ArrayList<>();
                for (Connections.View view : usable(tenantId)) {
                    registry.find(view.connector()).flatMap(a -> spec(a.connector(), object)).ifPresent(spec ->
                            targets.add(new Target(view.connector(), view.name(), spec.fields(),
                                    spec.description())));
                }
                return targets;
            }

            @Override
            public WriteResult write(String source, String object, List<WriteRecord> records) {
                return ConnectorWrites.this.write(tenantId, pluginId, userId, actor, source, object, records);
            }
        };
    }

    WriteResult write(UUID tenantId, String pluginId, UUID userId, String actor, String source, String object,
                      List<WriteRecord> records) {
        if (records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("A write takes at most " + MAX_RECORDS + " records, not "
                    + records.size());
        }
        Connections.View view = usable(tenantId).stream().filter(v -> v.connector().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The company has no active, authorised " + source
                        + " connection"));
        ConnectorRegistry.Available available = registry.find(source).orElseThrow(() ->
                new IllegalStateException("The " + source + " connector is not running"));
        WriteSpec spec = spec(available.connector(), object).orElseThrow(() -> new IllegalArgumentException(
                view.connectorName() + " does not accept writes of " + object));
        for (WriteRecord r : records) {
            check(spec, view.connectorName(), r);
        }
        if (records.isEmpty()) {
            return new WriteResult(List.of(), Map.of());
        }
        HostSession session = sessions.session(tenantId, view, available).orElseThrow(() ->
                new IllegalStateException("The " + view.connectorName() + " connection is not authorised"));
        WriteResult result = new WriteResult(List.of(), Map.of());
        try {
            for (int from = 0; from < records.size(); from += spec.maxBatch()) {
                List<WriteRecord> batch = records.subList(from, Math.min(records.size(), from + spec.maxBatch()));
                WriteResult done = host.runtime().call(available.contribution(), tenantId.toString(),
                        "write " + object, BATCH_TIME, c -> c.write(session, object, List.copyOf(batch)));
                // a connector that answers nothing has confirmed nothing: the records count as refused, to retry
                result = result.plus(done != null ? done : WriteResult.none(batch, view.connectorName()
                        + " did not say what it wrote"));
            }
            return result;
        } finally {
            // what reached the provider is on record even when a later batch failed
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("plugin", pluginId);
            after.put("object", object);
            after.put("requested", records.size());
            after.put("written", result.written().size());
            after.put("refused", result.failed().size());
            audit.record(new AuditEntry(tenantId, userId, actor, "connection.write", "connection",
                    view.id().toString(), null, after));
        }
    }

    private static void check(WriteSpec spec, String connector, WriteRecord r) {
        if (r.id().isBlank() || r.id().length() > MAX_ID || r.id().indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A record id must be 1 to " + MAX_ID + " characters");
        }
        for (Map.Entry<String, String> value : r.values().entrySet()) {
            if (!spec.fields().contains(value.getKey())) {
                throw new IllegalArgumentException(connector + " does not accept writes of the field "
                        + value.getKey() + " of " + spec.object() + " (it accepts " + spec.fields() + ")");
            }
            if (value.getValue() == null || value.getValue().length() > MAX_VALUE
                    || value.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("The value of " + value.getKey() + " must be text of at most "
                        + MAX_VALUE + " characters");
            }
        }
    }

    private static Optional<WriteSpec> spec(Connector connector, String object) {
        return connector.writes().stream().filter(s -> s.object().equals(object)).findFirst();
    }

    // the oldest first: with two connections of one source, writes go to the one the company made first
    private List<Connections.View> usable(UUID tenantId) {
        return connections.list(tenantId).stream()
                .filter(v -> "ACTIVE".equals(v.status()) && (v.authorised() || registry.find(v.connector())
                        .map(a -> a.connector().auth().kind() == AuthKind.NONE).orElse(false)))
                .sorted(Comparator.comparing(Connections.View::createdAt))
                .toList();
    }
}

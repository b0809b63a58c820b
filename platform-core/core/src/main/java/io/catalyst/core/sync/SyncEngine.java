package io.catalyst.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.events.PlatformEvent;
import io.catalyst.core.connect.ConnectionSessions;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.connect.ConnectorRegistry;
import io.catalyst.core.connect.HostSession;
import io.catalyst.core.plugins.PlatformEvents;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.warehouse.InsightLoader;
import io.catalyst.core.warehouse.RecordWriter;
import io.catalyst.runtime.HostFailure;
import io.catalyst.runtime.PluginFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one claimed sync job ({@link SyncScheduler} claims them). A run reads each stream of the connector over the
 * range it plans (the lookback re-reads recent days); the connector's checkpoints write the rows before them and the
 * cursor in one transaction (and renew the job's lease), so a run cut short by a crash, a lost database or a lost
 * lease resumes from its last checkpoint without duplicates. How a run ends is classified: expired auth stops the
 * connection and tells the company's admins ({@link ReauthNotice}), rate limits reschedule, provider failures retry
 * with backoff ({@link SyncQueue.Outcome}).
 */
@ApplicationScoped
public class SyncEngine {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    /** A run longer than this is cut off (the connector hangs); its checkpoints keep what it did. */
    private static final Duration MAX_RUN = Duration.ofHours(2);

    @Inject
    Scopes scopes;

    @Inject
    Connections connections;

    @Inject
    ConnectionSessions sessions;

    @Inject
    ConnectorRegistry registry;

    @Inject
    PluginHost host;

    @Inject
    ReauthNotice reauth;

    @Inject
    PlatformEvents events;

    /** How far back a connection's first sync reads daily streams. */
    @Inject
    @ConfigProperty(name = "catalyst.sync.initial-days", defaultValue = "90")
    int initialDays;

    private final Clock clock = Clock.systemUTC();

    /** Runs a job this node claimed under {@code lease} to an outcome; never throws. */
    void run(SyncQueue.Job job, SyncQueue.Lease lease) {
        SyncQueue.Outcome outcome;
        Connections.View connection = null;
        LoadSummary loaded = new LoadSummary();
        try {
            connection = connections.get(job.tenantId(), job.connectionId());
            outcome = execute(job, lease, connection, loaded);
        } catch (ProviderException e) {
            outcome = classify(e);
        } catch (PluginFailure e) {
            outcome = new SyncQueue.Outcome.ProviderFailed("The connector failed: " + e.getMessage());
        } catch (SyncQueue.LeaseLost e) {
            LOG.warning(() -> "Sync " + job.id() + " was taken over by another node; this run stops");
            return;
        } catch (RuntimeException e) {
            // the warehouse or the database failed; the run is retried from its last checkpoint
            LOG.log(Level.WARNING, "Sync " + job.id() + " failed on this side: " + e.getMessage());
            outcome = new SyncQueue.Outcome.HostFailed("Catalyst could not store the data (" + rootMessage(e)
                    + "); it tries again shortly");
        }
        try {
            SyncQueue.Outcome ended = outcome;
            scopes.tenant(job.tenantId(), SyncQueue.jdbc(c -> {
                SyncQueue.finish(c, job, ended);
                return null;
            }));
            if (outcome instanceof SyncQueue.Outcome.AuthExpired expired && connection != null) {
                reauth.tell(job.tenantId(), connection, expired.detail());
            }
            // what the run committed, even a run that ended early: its checkpoints made that data durable
            if (!loaded.empty() && connection != null) {
                events.publish(new PlatformEvent(LoadSummary.TOPIC, job.tenantId(), loaded.payload(
                        connection.connector(), job.connectionId(), outcome.getClass().getSimpleName()
                                .replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT)),
                        clock.instant()));
            }
        } catch (RuntimeException e) {
            // cannot even record the end (database down): the lease runs out and the job is claimed again
            LOG.log(Level.WARNING, "Could not record how sync " + job.id() + " ended: " + e.getMessage());
        }
    }

    /** What a provider's refusal means for the run. */
    static SyncQueue.Outcome classify(ProviderException e) {
        return switch (e.kind()) {
            case AUTH_EXPIRED -> new SyncQueue.Outcome.AuthExpired(e.getMessage());
            case RATE_LIMITED -> new SyncQueue.Outcome.RateLimited(
                    e.retryAfter() == null ? Duration.ofMinutes(5) : e.retryAfter(), e.getMessage());
            case PROVIDER_FAILED -> new SyncQueue.Outcome.ProviderFailed(e.getMessage());
            case REFUSED -> new SyncQueue.Outcome.Stopped(e.getMessage()
                    + ". Check the connection's access, then run it again.");
        };
    }

    private SyncQueue.Outcome execute(SyncQueue.Job job, SyncQueue.Lease lease, Connections.View connection,
                                      LoadSummary loaded) {
        if (!"ACTIVE".equals(connection.status())) {
            return new SyncQueue.Outcome.NotRun("Not run: the connection is " + connection.status().toLowerCase()
                    .replace("needs_reauth", "waiting to be reconnected").replace('_', ' '));
        }
        Optional<ConnectorRegistry.Available> available = registry.find(connection.connector());
        if (available.isEmpty()) {
            return new SyncQueue.Outcome.ProviderFailed("The " + connection.connectorName()
                    + " connector is not installed or not running");
        }
        Connector connector = available.get().connector();
        Optional<HostSession> session = sessions.session(job.tenantId(), connection, available.get());
        if (session.isEmpty()) {
            return new SyncQueue.Outcome.Stopped("The connection is not authorised yet");
        }
        ObjectNode cursors = scopes.tenant(job.tenantId(), SyncQueue.jdbc(c -> SyncQueue.start(c, job)));
        LocalDate today = session.get().today();
        for (StreamSpec stream : connector.streams()) {
            if (job.kind() == SyncQueue.Kind.BACKFILL && stream.sync() != StreamSpec.Sync.DAILY) {
                continue;
            }
            JsonNode progress = cursors.path(stream.name());
            if (progress.path("done").asBoolean(false)) {
                continue; // finished before this run was interrupted
            }
            Optional<String> checkpoint = scopes.tenant(job.tenantId(), SyncQueue.jdbc(c -> SyncQueue.checkpoint(c,
                    job.tenantId(), job.connectionId(), stream.name())));
            StreamRead read = plan(job, connection, stream, checkpoint, today,
                    progress.hasNonNull("cursor") ? Optional.of(progress.get("cursor").asText()) : Optional.empty());
            WarehouseSink sink = new WarehouseSink(batch -> {
                write(job, lease, connector, stream.name(), batch, session.get());
                loaded.add(batch);
            }, clock);
            host.runtime().call(available.get().contribution(), job.tenantId().toString(), "sync " + stream.name(),
                    MAX_RUN, c -> {
                c.read(session.get(), read, sink);
                return null;
            });
            sink.drain();
            String end = stream.sync() == StreamSpec.Sync.DAILY ? read.to().toString()
                    : sink.lastCursor() != null ? sink.lastCursor() : checkpoint.orElse(null);
            streamDone(job, lease, stream.name(), end, session.get().pages());
        }
        return new SyncQueue.Outcome.Succeeded();
    }

    /**
     * What to read. Daily streams: a backfill its range; a first sync the last {@code initial-days}; later syncs
     * from the last synced day minus the connection's lookback, so restated figures are read again. A run that was
     * interrupted goes on from its own last cursor ({@code resume}); a cursor stream otherwise from its checkpoint.
     */
    StreamRead plan(SyncQueue.Job job, Connections.View connection, StreamSpec stream, Optional<String> checkpoint,
                    LocalDate today, Optional<String> resume) {
        LocalDate from;
        LocalDate to = today;
        if (job.kind() == SyncQueue.Kind.BACKFILL) {
            from = job.from();
            to = job.to();
        } else if (stream.sync() == StreamSpec.Sync.DAILY && checkpoint.isPresent()) {
            LocalDate last = LocalDate.parse(checkpoint.get());
            from = (last.isAfter(today) ? today : last).minusDays(connection.lookbackDays());
        } else {
            from = today.minusDays(initialDays);
        }
        Optional<String> cursor = resume.isPresent() || stream.sync() == StreamSpec.Sync.DAILY ? resume : checkpoint;
        return new StreamRead(stream.name(), connection.accounts(), from, to, cursor);
    }

    // one transaction: the rows, the quarantined records, the job's cursor and counters, and a renewed lease
    private void write(SyncQueue.Job job, SyncQueue.Lease lease, Connector connector, String stream,
                       WarehouseSink.Batch batch, HostSession session) {
        try {
            scopes.tenant(job.tenantId(), SyncQueue.jdbc(c -> {
                int version = connector.mappingVersion();
                InsightLoader.load(c, job.tenantId(), connector.id(), version, batch.insights());
                RecordWriter.entities(c, job.tenantId(), connector.id(), version, batch.entities());
                RecordWriter.contacts(c, job.tenantId(), connector.id(), version, batch.contacts());
                RecordWriter.deals(c, job.tenantId(), connector.id(), version, batch.deals());
                RecordWriter.calls(c, job.tenantId(), connector.id(), version, batch.calls());
                for (WarehouseSink.Quarantined q : batch.quarantined()) {
                    RecordWriter.quarantine(c, job.tenantId(), connector.id(), stream, job.connectionId(),
                            job.id(), q.raw(), q.reason());
                }
                SyncQueue.progress(c, job, lease, stream, batch.cursor() == null ? null
                        : Map.of("cursor", batch.cursor()), batch.records(), batch.quarantined().size(),
                        session.pages());
                return null;
            }));
        } catch (SyncQueue.LeaseLost e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HostFailure("Writing to the warehouse failed: " + rootMessage(e), e);
        }
    }

    private void streamDone(SyncQueue.Job job, SyncQueue.Lease lease, String stream, String cursor, int pages) {
        scopes.tenant(job.tenantId(), SyncQueue.jdbc(c -> {
            SyncQueue.progress(c, job, lease, stream, cursor == null ? Map.of("done", true)
                    : Map.of("cursor", cursor, "done", true), 0, 0, pages);
            // the next incremental run starts from here; a backfill leaves the schedule's cursor alone
            if (job.kind() == SyncQueue.Kind.INCREMENTAL && cursor != null) {
                SyncQueue.advance(c, job.tenantId(), job.connectionId(), stream, cursor);
            }
            return null;
        }));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

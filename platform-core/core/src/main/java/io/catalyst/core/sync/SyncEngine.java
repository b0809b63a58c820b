package io.catalyst.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.connect.ConnectorRegistry;
import io.catalyst.core.connect.HostSession;
import io.catalyst.core.database.SchemaReady;
import io.catalyst.core.identity.BuiltInRole;
import io.catalyst.core.identity.Users;
import io.catalyst.core.mail.Mailer;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.warehouse.InsightLoader;
import io.catalyst.core.warehouse.RecordWriter;
import io.catalyst.runtime.HostFailure;
import io.catalyst.runtime.PluginFailure;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs syncs. Every few seconds each node queues the connections whose schedule is due and claims jobs from the
 * shared queue ({@link SyncQueue}) while it has free workers. A run reads each stream of the connector; the
 * connector's checkpoints write the rows before them and the cursor in one transaction (and renew the job's lease),
 * so a run cut short by a crash, a lost database or a lost lease resumes from its last checkpoint without
 * duplicates. How a run ends is classified: expired auth stops the connection and tells the company's admins, rate
 * limits reschedule, provider failures retry with backoff.
 */
@ApplicationScoped
public class SyncEngine {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A run longer than this is cut off (the connector hangs); its checkpoints keep what it did. */
    private static final Duration MAX_RUN = Duration.ofHours(2);

    @Inject
    Scopes scopes;

    @Inject
    Connections connections;

    @Inject
    ConnectorRegistry registry;

    @Inject
    PluginHost host;

    @Inject
    Users users;

    @Inject
    Mailer mailer;

    @Inject
    AuditLog audit;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "catalyst.sync.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "catalyst.sync.poll-seconds", defaultValue = "10")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "catalyst.sync.lease-seconds", defaultValue = "300")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "catalyst.sync.workers", defaultValue = "2")
    int workers;

    /** How far back a connection's first sync reads daily streams. */
    @Inject
    @ConfigProperty(name = "catalyst.sync.initial-days", defaultValue = "90")
    int initialDays;

    private final Clock clock = Clock.systemUTC();
    private final String worker = workerName();
    private Semaphore slots;
    /** The jobs this node is running: their leases are renewed at every poll, however long a request takes. */
    private final Map<UUID, UUID> running = new java.util.concurrent.ConcurrentHashMap<>();
    private ScheduledFuture<?> polling;

    // after the plugin host, whose connectors it runs
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) SchemaReady ready) {
        if (!enabled) {
            LOG.info("Syncs are off on this node (catalyst.sync.enabled=false)");
            return;
        }
        slots = new Semaphore(Math.max(1, workers));
        try {
            // jobs this node held when it stopped are ours to finish now, not after their lease runs out
            int taken = scopes.platform(em -> Scopes.sql(em, "update sync_job set lease_until = now() - interval"
                    + " '1 second' where status = 'RUNNING' and locked_by = ?1").setParameter(1, worker)
                    .executeUpdate());
            if (taken > 0) {
                LOG.info(() -> "Resuming " + taken + " sync(s) this node was running when it stopped");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for interrupted syncs; their leases will expire", e);
        }
        polling = scheduler.scheduleWithFixedDelay(this::poll, 1, Math.max(1, pollSeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** Queues a sync now, unless one is already waiting or running; answers the job that will do it. */
    public UUID runNow(UUID tenantId, UUID connectionId) {
        return scopes.tenant(tenantId, em -> {
            Optional<?> open = Scopes.sql(em, "select id from sync_job where connection_id = ?1 and kind ="
                    + " 'INCREMENTAL' and status in ('QUEUED', 'RUNNING', 'RETRY') limit 1")
                    .setParameter(1, connectionId).getResultStream().findFirst();
            if (open.isPresent()) {
                return (UUID) open.get();
            }
            return enqueue(em, tenantId, connectionId, SyncQueue.Kind.INCREMENTAL, null, null, "MANUAL");
        });
    }

    /** Queues a backfill of daily streams over a date range; it runs after incremental syncs. */
    public UUID backfill(UUID tenantId, UUID connectionId, LocalDate from, LocalDate to) {
        return scopes.tenant(tenantId, em -> enqueue(em, tenantId, connectionId, SyncQueue.Kind.BACKFILL, from, to,
                "BACKFILL"));
    }

    private UUID enqueue(EntityManager em, UUID tenantId, UUID connectionId, SyncQueue.Kind kind, LocalDate from,
                         LocalDate to, String trigger) {
        try {
            Connection c = em.unwrap(Connection.class);
            UUID id = SyncQueue.enqueue(c, tenantId, connectionId, kind, from, to);
            Scopes.sql(em, "update sync_job set trigger = ?1 where id = ?2").setParameter(1, trigger)
                    .setParameter(2, id).executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Queueing a sync failed: " + e.getMessage(), e);
        }
    }

    void poll() {
        if (!host.loaded()) {
            return; // connectors come with the plugins; a job claimed before them would fail for nothing
        }
        try {
            renewLeases();
            scheduleDue();
            while (slots.tryAcquire()) {
                Optional<SyncQueue.Job> job = claim();
                if (job.isEmpty()) {
                    slots.release();
                    return;
                }
                running.put(job.get().id(), job.get().tenantId());
                try {
                    executor.submit(() -> {
                        try {
                            run(job.get());
                        } finally {
                            running.remove(job.get().id());
                            slots.release();
                        }
                    });
                } catch (RuntimeException rejected) {
                    running.remove(job.get().id());
                    slots.release(); // the lease brings the job back
                    throw rejected;
                }
            }
        } catch (RuntimeException e) {
            // the database may be restarting: try again at the next poll
            LOG.log(Level.WARNING, "Sync poll failed: " + e.getMessage());
        }
    }

    // a live run keeps its job however long one provider request takes; a dead node's leases simply run out
    private void renewLeases() {
        if (running.isEmpty()) {
            return;
        }
        UUID[] ids = running.keySet().toArray(UUID[]::new);
        scopes.platform(em -> Scopes.sql(em, "update sync_job set lease_until = now() + make_interval(secs => ?1)"
                + " where id = any (cast(?2 as uuid[])) and status = 'RUNNING' and locked_by = ?3")
                .setParameter(1, leaseSeconds).setParameter(2, arrayLiteral(ids)).setParameter(3, worker)
                .executeUpdate());
    }

    private static String arrayLiteral(UUID[] ids) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < ids.length; i++) {
            literal.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return literal.append('}').toString();
    }

    // one node at a time queues the due connections (a transaction-scoped advisory lock), so none is queued twice
    private void scheduleDue() {
        scopes.platform(em -> {
            Boolean mine = (Boolean) Scopes.sql(em, "select pg_try_advisory_xact_lock(hashtext('catalyst.sync.schedule'))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(mine)) {
                return 0;
            }
            return Scopes.sql(em, "insert into sync_job (tenant_id, id, connection_id, kind, priority, trigger)"
                    + " select c.tenant_id, gen_random_uuid(), c.id, 'INCREMENTAL', ?1, 'SCHEDULE' from connection c"
                    + " where c.status = 'ACTIVE' and c.accounts <> '[]'::jsonb"
                    + " and not exists (select 1 from sync_job j where j.tenant_id = c.tenant_id"
                    + " and j.connection_id = c.id and j.kind = 'INCREMENTAL' and j.status in ('QUEUED', 'RUNNING', 'RETRY'))"
                    + " and coalesce((select max(j.created_at) from sync_job j where j.tenant_id = c.tenant_id"
                    + " and j.connection_id = c.id and j.kind = 'INCREMENTAL'), '-infinity')"
                    + " < now() - make_interval(mins => c.schedule_minutes)")
                    .setParameter(1, SyncQueue.INCREMENTAL_PRIORITY).executeUpdate();
        });
    }

    private Optional<SyncQueue.Job> claim() {
        return scopes.platform(em -> {
            try {
                return SyncQueue.claim(em.unwrap(Connection.class), worker, Duration.ofSeconds(leaseSeconds));
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Runs a claimed job to an outcome; never throws. */
    void run(SyncQueue.Job job) {
        SyncQueue.Outcome outcome;
        Connections.View connection = null;
        try {
            connection = connections.get(job.tenantId(), job.connectionId());
            outcome = execute(job, connection);
        } catch (ProviderException e) {
            outcome = switch (e.kind()) {
                case AUTH_EXPIRED -> new SyncQueue.Outcome.AuthExpired(e.getMessage());
                case RATE_LIMITED -> new SyncQueue.Outcome.RateLimited(
                        e.retryAfter() == null ? Duration.ofMinutes(5) : e.retryAfter());
                case PROVIDER_FAILED -> new SyncQueue.Outcome.ProviderFailed(e.getMessage());
                case REFUSED -> new SyncQueue.Outcome.Stopped(e.getMessage()
                        + ". Check the connection's access, then run it again.");
            };
        } catch (PluginFailure e) {
            outcome = new SyncQueue.Outcome.ProviderFailed("The connector failed: " + e.getMessage());
        } catch (LeaseLost e) {
            LOG.warning(() -> "Sync " + job.id() + " was taken over by another node; this run stops");
            return;
        } catch (RuntimeException e) {
            // the warehouse or the database failed; the run is retried from its last checkpoint
            LOG.log(Level.WARNING, "Sync " + job.id() + " failed on this side: " + e.getMessage());
            outcome = new SyncQueue.Outcome.HostFailed("Catalyst could not store the data (" + rootMessage(e)
                    + "); it tries again shortly");
        }
        try {
            finish(job, outcome);
            if (outcome instanceof SyncQueue.Outcome.AuthExpired expired && connection != null) {
                tellAdmins(job.tenantId(), connection, expired.detail());
            }
        } catch (RuntimeException e) {
            // cannot even record the end (database down): the lease runs out and the job is claimed again
            LOG.log(Level.WARNING, "Could not record how sync " + job.id() + " ended: " + e.getMessage());
        }
    }

    private SyncQueue.Outcome execute(SyncQueue.Job job, Connections.View connection) {
        if (!"ACTIVE".equals(connection.status())) {
            return new SyncQueue.Outcome.Stopped("The connection is " + connection.status().toLowerCase()
                    .replace('_', ' '));
        }
        Optional<ConnectorRegistry.Available> available = registry.find(connection.connector());
        if (available.isEmpty()) {
            return new SyncQueue.Outcome.ProviderFailed("The " + connection.connectorName()
                    + " connector is not installed or not running");
        }
        Connector connector = available.get().connector();
        Optional<HostSession> session = connections.session(job.tenantId(), connection, available.get());
        if (session.isEmpty()) {
            return new SyncQueue.Outcome.Stopped("The connection is not authorised yet");
        }
        ObjectNode cursors = started(job);
        LocalDate today = session.get().today();
        for (StreamSpec stream : connector.streams()) {
            if (job.kind() == SyncQueue.Kind.BACKFILL && stream.sync() != StreamSpec.Sync.DAILY) {
                continue;
            }
            JsonNode progress = cursors.path(stream.name());
            if (progress.path("done").asBoolean(false)) {
                continue; // finished before this run was interrupted
            }
            Optional<String> checkpoint = checkpoint(job, stream.name());
            StreamRead read = plan(job, connection, stream, checkpoint, today,
                    progress.hasNonNull("cursor") ? Optional.of(progress.get("cursor").asText()) : Optional.empty());
            WarehouseSink sink = new WarehouseSink(batch -> write(job, connector, stream.name(), batch,
                    session.get()), clock);
            host.runtime().call(available.get().contribution(), "sync " + stream.name(), MAX_RUN, c -> {
                c.read(session.get(), read, sink);
                return null;
            });
            sink.drain();
            String end = stream.sync() == StreamSpec.Sync.DAILY ? read.to().toString()
                    : sink.lastCursor() != null ? sink.lastCursor() : checkpoint.orElse(null);
            streamDone(job, stream.name(), end, session.get().pages());
        }
        return new SyncQueue.Outcome.Succeeded();
    }

    /**
     * What to read. Daily streams: a backfill its range; a first sync the last {@code initial-days}; later syncs
     * from the last synced day minus the connection's lookback, so restated figures are read again.
     */
    private StreamRead plan(SyncQueue.Job job, Connections.View connection, StreamSpec stream,
                            Optional<String> checkpoint, LocalDate today, Optional<String> resume) {
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

    private ObjectNode started(SyncQueue.Job job) {
        String json = scopes.tenant(job.tenantId(), em -> (String) Scopes.sql(em, "update sync_job set started_at ="
                + " coalesce(started_at, now()) where id = ?1 returning cursors::text").setParameter(1, job.id())
                .getSingleResult());
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> checkpoint(SyncQueue.Job job, String stream) {
        return scopes.tenant(job.tenantId(), em -> {
            try {
                return SyncQueue.checkpoint(em.unwrap(Connection.class), job.tenantId(), job.connectionId(), stream);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    // one transaction: the rows, the quarantined records, the job's cursor and counters, and a renewed lease
    private void write(SyncQueue.Job job, Connector connector, String stream, WarehouseSink.Batch batch,
                       HostSession session) {
        try {
            scopes.tenant(job.tenantId(), em -> {
                Connection c = em.unwrap(Connection.class);
                try {
                    int version = connector.mappingVersion();
                    InsightLoader.load(c, job.tenantId(), connector.id(), version, batch.insights());
                    RecordWriter.entities(c, job.tenantId(), connector.id(), version, batch.entities());
                    RecordWriter.contacts(c, job.tenantId(), connector.id(), version, batch.contacts());
                    RecordWriter.deals(c, job.tenantId(), connector.id(), version, batch.deals());
                    for (WarehouseSink.Quarantined q : batch.quarantined()) {
                        RecordWriter.quarantine(c, job.tenantId(), connector.id(), stream, job.connectionId(),
                                job.id(), q.raw(), q.reason());
                    }
                    progress(c, job, stream, batch.cursor() == null ? null : Map.of("cursor", batch.cursor()),
                            batch.records(), batch.quarantined().size(), session.pages());
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                return null;
            });
        } catch (LeaseLost e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HostFailure("Writing to the warehouse failed: " + rootMessage(e), e);
        }
    }

    private void streamDone(SyncQueue.Job job, String stream, String cursor, int pages) {
        scopes.tenant(job.tenantId(), em -> {
            Connection c = em.unwrap(Connection.class);
            try {
                progress(c, job, stream, cursor == null ? Map.of("done", true) : Map.of("cursor", cursor,
                        "done", true), 0, 0, pages);
                // the next incremental run starts from here; a backfill leaves the schedule's cursor alone
                if (job.kind() == SyncQueue.Kind.INCREMENTAL && cursor != null) {
                    SyncQueue.advance(c, job.tenantId(), job.connectionId(), stream, cursor);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return null;
        });
    }

    private void progress(Connection c, SyncQueue.Job job, String stream, Map<String, Object> state, int records,
                          int quarantined, int pages) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update sync_job set"
                + " cursors = case when ?::jsonb is null then cursors else jsonb_set(cursors, array[?], ?::jsonb) end,"
                + " records = records + ?, quarantined = quarantined + ?, pages = ?, stream = ?,"
                + " lease_until = now() + make_interval(secs => ?)"
                + " where tenant_id = ? and id = ? and status = 'RUNNING' and locked_by = ?")) {
            String json = state == null ? null : JSON.writeValueAsString(state);
            update.setString(1, json);
            update.setString(2, stream);
            update.setString(3, json);
            update.setInt(4, records);
            update.setInt(5, quarantined);
            update.setInt(6, pages);
            update.setString(7, stream);
            update.setLong(8, leaseSeconds);
            update.setObject(9, job.tenantId());
            update.setObject(10, job.id());
            update.setString(11, worker);
            if (update.executeUpdate() == 0) {
                throw new LeaseLost(); // rolls the batch back: the node that holds the job now writes it
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(SyncQueue.Job job, SyncQueue.Outcome outcome) {
        scopes.tenant(job.tenantId(), em -> {
            try {
                SyncQueue.finish(em.unwrap(Connection.class), job, outcome);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            String status = outcome instanceof SyncQueue.Outcome.Succeeded ? "SUCCEEDED"
                    : outcome instanceof SyncQueue.Outcome.AuthExpired ? "NEEDS_REAUTH"
                    : outcome instanceof SyncQueue.Outcome.RateLimited ? "RATE_LIMITED"
                    : outcome instanceof SyncQueue.Outcome.Stopped ? "STOPPED" : "FAILED";
            Scopes.sql(em, "update connection set last_sync_at = now(), last_status = ?1, last_error = ?2"
                    + " where id = ?3").setParameter(1, status).setParameter(2, describe(outcome))
                    .setParameter(3, job.connectionId()).executeUpdate();
            return null;
        });
    }

    private void tellAdmins(UUID tenantId, Connections.View connection, String detail) {
        audit.record(new AuditEntry(tenantId, null, "sync engine", "connections.connection.needs_reauth",
                "connection", connection.id().toString(), null, Map.of("connector", connection.connector())));
        String subject = "Reconnect " + connection.connectorName() + ": its data has stopped updating";
        String text = connection.connectorName() + " no longer accepts the authorisation of the connection \""
                + connection.name() + "\" (" + detail + "). Until someone reconnects it, its figures in Catalyst"
                + " stop updating. Open Integrations in Catalyst and choose Reconnect.";
        users.members(tenantId).stream().filter(m -> m.roles().contains(BuiltInRole.TENANT_ADMIN.id()))
                .forEach(m -> {
                    try {
                        mailer.send(m.email(), subject, text);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not tell " + m.email() + " to reconnect: " + e.getMessage());
                    }
                });
    }

    static String describe(SyncQueue.Outcome outcome) {
        if (outcome instanceof SyncQueue.Outcome.AuthExpired e) {
            return e.detail() + ". Reconnect to resume.";
        }
        if (outcome instanceof SyncQueue.Outcome.RateLimited r) {
            return "The provider asked to slow down; the next try is in " + r.retryAfter().toSeconds() + " s.";
        }
        if (outcome instanceof SyncQueue.Outcome.ProviderFailed f) {
            return f.detail();
        }
        if (outcome instanceof SyncQueue.Outcome.HostFailed h) {
            return h.detail();
        }
        if (outcome instanceof SyncQueue.Outcome.Stopped c) {
            return c.reason();
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String workerName() {
        String server = System.getProperty("wlp.server.name", "catalyst");
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + server;
        } catch (UnknownHostException e) {
            return "localhost/" + server;
        }
    }

    /** This node no longer holds the job (its lease ran out and another node took it). */
    static final class LeaseLost extends HostFailure {
        LeaseLost() {
            super("lease lost", null);
        }
    }
}

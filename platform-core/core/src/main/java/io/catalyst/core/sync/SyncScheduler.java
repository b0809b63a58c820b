package io.catalyst.core.sync;

import io.catalyst.core.database.SchemaReady;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.tenancy.Scopes;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When syncs run. Every few seconds, on the managed scheduler, each node renews the leases of the jobs it runs,
 * queues the connections whose schedule is due (one node at a time), and claims jobs from the shared queue
 * ({@link SyncQueue}) while it has free workers, handing each to the {@link SyncEngine} on a managed thread. People
 * queue a sync now or a backfill here too.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());

    @Inject
    Scopes scopes;

    @Inject
    SyncEngine engine;

    @Inject
    PluginHost host;

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

    private final String worker = workerName();
    private SyncQueue.Lease lease;
    private Semaphore slots;
    /** The jobs this node is running: their leases are renewed at every poll, however long a request takes. */
    private final Map<UUID, UUID> running = new ConcurrentHashMap<>();
    private ScheduledFuture<?> polling;

    // after the plugin host, whose connectors it runs
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) SchemaReady ready) {
        if (!enabled) {
            LOG.info("Syncs are off on this node (catalyst.sync.enabled=false)");
            return;
        }
        lease = new SyncQueue.Lease(worker, Duration.ofSeconds(leaseSeconds));
        slots = new Semaphore(Math.max(1, workers));
        try {
            // jobs this node held when it stopped are ours to finish now, not after their lease runs out
            int taken = scopes.platform(SyncQueue.jdbc(c -> SyncQueue.release(c, worker)));
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
        return scopes.tenant(tenantId, SyncQueue.jdbc(c -> {
            Optional<UUID> open = SyncQueue.openIncremental(c, connectionId);
            if (open.isPresent()) {
                return open.get();
            }
            return enqueue(c, tenantId, connectionId, SyncQueue.Kind.INCREMENTAL, null, null, "MANUAL");
        }));
    }

    /** Queues a backfill of daily streams over a date range; it runs after incremental syncs. */
    public UUID backfill(UUID tenantId, UUID connectionId, LocalDate from, LocalDate to) {
        return scopes.tenant(tenantId, SyncQueue.jdbc(c -> enqueue(c, tenantId, connectionId,
                SyncQueue.Kind.BACKFILL, from, to, "BACKFILL")));
    }

    private static UUID enqueue(Connection c, UUID tenantId, UUID connectionId, SyncQueue.Kind kind,
                                LocalDate from, LocalDate to, String trigger) {
        try {
            return SyncQueue.enqueue(c, tenantId, connectionId, kind, from, to, trigger);
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
                            engine.run(job.get(), lease);
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
        scopes.platform(SyncQueue.jdbc(c -> SyncQueue.renew(c, lease, ids)));
    }

    // one node at a time queues the due connections (a transaction-scoped advisory lock), so none is queued twice
    private void scheduleDue() {
        scopes.platform(em -> {
            Boolean mine = (Boolean) Scopes.sql(em, "select pg_try_advisory_xact_lock(hashtext('catalyst.sync.schedule'))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(mine)) {
                return 0;
            }
            return SyncQueue.jdbc(SyncQueue::enqueueDue).apply(em);
        });
    }

    private Optional<SyncQueue.Job> claim() {
        return scopes.platform(SyncQueue.jdbc(c -> SyncQueue.claim(c, lease.holder(), lease.length())));
    }

    private static String workerName() {
        String server = System.getProperty("wlp.server.name", "catalyst");
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + server;
        } catch (UnknownHostException e) {
            return "localhost/" + server;
        }
    }
}

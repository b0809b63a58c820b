package io.catalyst.core.audit;

import io.catalyst.core.database.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Anchors the audit log outside the database ({@link AuditAnchor}): every few minutes, and when the server stops,
 * this node appends a signed checkpoint of each chain whose head moved to its file in the anchor folder. One cheap
 * query per run (an index probe per chain). Off, with a warning, without {@code catalyst.audit.anchor.key}.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());

    @Resource(lookup = "jdbc/catalystOwner", shareable = false)
    DataSource owner;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "catalyst.audit.anchor.key")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "catalyst.audit.anchor.dir")
    Optional<String> dir;

    @Inject
    @ConfigProperty(name = "catalyst.audit.anchor.seconds", defaultValue = "300")
    long seconds;

    private volatile AuditAnchor.Writer writer;
    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        if (key.isEmpty() || key.get().isBlank()) {
            LOG.warning("The audit log is not anchored outside the database: set CATALYST_AUDIT_ANCHOR_KEY (and"
                    + " CATALYST_AUDIT_ANCHOR_DIR) so that its chains are checkpointed; see docs/audit-integrity.md");
            return;
        }
        Path folder = Path.of(dir.filter(d -> !d.isBlank())
                .orElse(System.getProperty("server.output.dir", ".") + "/audit-anchor"));
        writer = new AuditAnchor(AuditAnchor.decodeKey(key.get()), folder).writer(nodeName());
        LOG.info(() -> "Audit checkpoints go to " + writer.file() + " every " + seconds + " s");
        long every = Math.max(1, seconds);
        schedule = scheduler.scheduleWithFixedDelay(this::checkpoint, 0, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            checkpoint(); // the heads as the node stops, so a stop leaves no window behind it
        }
    }

    /** Checkpoints every chain whose head moved since this node's last checkpoint; answers how many it wrote. */
    public int checkpoint() {
        AuditAnchor.Writer current = writer;
        if (current == null) {
            return 0;
        }
        try (Connection db = owner.getConnection()) {
            AuditAnchor.Outcome outcome = current.checkpoint(AuditAnchor.heads(db));
            for (String regression : outcome.regressions()) {
                LOG.severe(() -> "The audit log changed behind the server's back: " + regression
                        + "; run ./catalyst audit verify");
            }
            return outcome.written();
        } catch (Exception e) {
            // the database may be restarting: the next run checkpoints what changed meanwhile
            LOG.log(Level.WARNING, "Audit checkpoint failed: " + e.getMessage());
            return 0;
        }
    }

    /**
     * Records, after the transaction that deleted a chain committed, that the server itself purged it, so that
     * {@code audit verify} accepts its absence. Done on the database's clock, which checkpoints are ordered by.
     */
    public void purged(UUID chain, Connection db) {
        AuditAnchor.Writer current = writer;
        if (current == null) {
            return;
        }
        try {
            Instant at = AuditAnchor.databaseTime(db);
            current.purged(chain, at);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "The purge of chain " + chain + " could not be recorded in the audit checkpoints;"
                    + " audit verify will report the chain as deleted (the platform chain records the purge)", e);
        }
    }

    private static String nodeName() {
        String server = System.getProperty("wlp.server.name", "catalyst");
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + server;
        } catch (UnknownHostException e) {
            return "localhost-" + server;
        }
    }
}

package io.catalyst.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.catalyst.runtime.HostFailure;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The durable sync queue in PostgreSQL: all the sync engine's SQL on {@code sync_job} and {@code sync_checkpoint}
 * ({@link SyncRuns} reads the runs for people). Jobs are claimed with {@code FOR UPDATE SKIP LOCKED} under a lease, so
 * nodes never run one job twice and a job whose node died is claimed again once its lease ran out; a node renews the
 * leases of the jobs it runs, and every write of a run checks that its node still holds the job. Incremental syncs go
 * before backfills. How a run ended decides what happens next ({@link Outcome}) and what the connection shows of it.
 * Plain JDBC: claiming, renewing and queueing due connections run on a connection in platform scope (every tenant's
 * jobs), the rest on one bound to the job's tenant; {@link #jdbc} runs a statement as a unit of work of
 * {@code Scopes}.
 */
public final class SyncQueue {

    /** Incremental syncs first: people wait for today's numbers, not for last year's. */
    public static final int INCREMENTAL_PRIORITY = 10;
    public static final int BACKFILL_PRIORITY = 100;
    /** After this many failed attempts a provider error stops being retried. */
    public static final int MAX_ATTEMPTS = 6;
    /** Our own failures clear fast (a database restart): no provider is waiting to be spared. */
    static final Duration HOST_RETRY = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RESUME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private SyncQueue() {
    }

    /** What kind of sync. */
    public enum Kind { INCREMENTAL, BACKFILL }

    /** A claimed job. */
    public record Job(UUID tenantId, UUID id, UUID connectionId, Kind kind, int attempts, LocalDate from,
                      LocalDate to) {
    }

    /** Who holds the jobs this node claims ({@code locked_by}), and how long a claim or a renewal keeps one. */
    record Lease(String holder, Duration length) {
    }

    /** How a run ended, as the engine classified it. */
    public sealed interface Outcome {
        /** All data and checkpoints are committed. */
        record Succeeded() implements Outcome { }

        /** The provider refused the credentials: the connection needs a new authorisation; no retry. */
        record AuthExpired(String detail) implements Outcome { }

        /**
         * The provider asked to wait: run again after that, without counting against the attempts' limit.
         *
         * @param detail the provider's reason, as the connector read it
         */
        record RateLimited(Duration retryAfter, String detail) implements Outcome { }

        /** The provider failed (5xx, timeout): retry with exponential backoff, up to {@link #MAX_ATTEMPTS}. */
        record ProviderFailed(String detail) implements Outcome { }

        /** Catalyst's own side failed (the database restarting): retry soon; counts as an attempt. */
        record HostFailed(String detail) implements Outcome { }

        /**
         * Nothing to retry: there was nothing to run (the connection is paused or not authorised), or the provider
         * refused the request for good.
         */
        record Stopped(String reason) implements Outcome { }

        /**
         * The connection was not active when the job's turn came (paused, or waiting to be reconnected): the job
         * ends, and the connection keeps the status and words that say why, rather than "the connection is paused".
         */
        record NotRun(String reason) implements Outcome { }
    }

    /** This node no longer holds the job (its lease ran out and another node took it). */
    static final class LeaseLost extends HostFailure {
        LeaseLost() {
            super("lease lost", null);
        }
    }

    /** A statement on a scope's own connection. */
    @FunctionalInterface
    interface Statement<T> {
        T on(Connection connection) throws SQLException;
    }

    /** A statement as a unit of work of {@code Scopes}, on the connection its transaction is bound on. */
    static <T> Function<EntityManager, T> jdbc(Statement<T> statement) {
        return em -> {
            try {
                return statement.on(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    /** Queues a sync of a connection; a backfill names its date range; {@code trigger} says who asked for it. */
    public static UUID enqueue(Connection tenantBound, UUID tenantId, UUID connectionId, Kind kind, LocalDate from,
                               LocalDate to, String trigger) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = tenantBound.prepareStatement("insert into sync_job (tenant_id, id,"
                + " connection_id, kind, priority, range_from, range_to, trigger) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, tenantId);
            insert.setObject(2, id);
            insert.setObject(3, connectionId);
            insert.setString(4, kind.name());
            insert.setInt(5, kind == Kind.INCREMENTAL ? INCREMENTAL_PRIORITY : BACKFILL_PRIORITY);
            insert.setObject(6, from);
            insert.setObject(7, to);
            insert.setString(8, trigger);
            insert.executeUpdate();
        }
        return id;
    }

    /** The incremental sync of a connection that is waiting or running, if there is one. */
    static Optional<UUID> openIncremental(Connection tenantBound, UUID connectionId) throws SQLException {
        try (PreparedStatement read = tenantBound.prepareStatement("select id from sync_job where connection_id = ?"
                + " and kind = 'INCREMENTAL' and status in ('QUEUED', 'RUNNING', 'RETRY') limit 1")) {
            read.setObject(1, connectionId);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /**
     * Queues an incremental sync of every active connection with accounts whose schedule is due: none waiting or
     * running, and the last one queued longer ago than its schedule. Answers how many were queued.
     */
    static int enqueueDue(Connection platformBound) throws SQLException {
        try (PreparedStatement insert = platformBound.prepareStatement("insert into sync_job (tenant_id, id,"
                + " connection_id, kind, priority, trigger)"
                + " select c.tenant_id, gen_random_uuid(), c.id, 'INCREMENTAL', ?, 'SCHEDULE' from connection c"
                + " where c.status = 'ACTIVE' and c.accounts <> '[]'::jsonb"
                + " and not exists (select 1 from sync_job j where j.tenant_id = c.tenant_id"
                + " and j.connection_id = c.id and j.kind = 'INCREMENTAL' and j.status in ('QUEUED', 'RUNNING', 'RETRY'))"
                + " and coalesce((select max(j.created_at) from sync_job j where j.tenant_id = c.tenant_id"
                + " and j.connection_id = c.id and j.kind = 'INCREMENTAL'), '-infinity')"
                + " < now() - make_interval(mins => c.schedule_minutes)")) {
            insert.setInt(1, INCREMENTAL_PRIORITY);
            return insert.executeUpdate();
        }
    }

    /**
     * Claims the most urgent due job, or a running one whose lease has expired (its node died), for this worker.
     * Call in platform scope and commit at once: the lease, not the transaction, holds the job.
     */
    public static Optional<Job> claim(Connection platformBound, String worker, Duration lease) throws SQLException {
        try (PreparedStatement claim = platformBound.prepareStatement("update sync_job j set status = 'RUNNING',"
                + " locked_by = ?, lease_until = now() + make_interval(secs => ?), attempts = j.attempts + 1"
                + " from (select tenant_id, id from sync_job where (status in ('QUEUED', 'RETRY') and run_after <= now())"
                + " or (status = 'RUNNING' and lease_until < now())"
                + " order by priority, run_after limit 1 for update skip locked) due"
                + " where j.tenant_id = due.tenant_id and j.id = due.id"
                + " returning j.tenant_id, j.id, j.connection_id, j.kind, j.attempts, j.range_from, j.range_to")) {
            claim.setString(1, worker);
            claim.setLong(2, lease.toSeconds());
            try (ResultSet row = claim.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Job(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class), Kind.valueOf(row.getString(4)), row.getInt(5),
                        row.getObject(6, LocalDate.class), row.getObject(7, LocalDate.class)));
            }
        }
    }

    /** Renews the leases of the given jobs that this worker still holds. */
    static int renew(Connection platformBound, Lease lease, UUID[] jobIds) throws SQLException {
        try (PreparedStatement renew = platformBound.prepareStatement("update sync_job set lease_until = now()"
                + " + make_interval(secs => ?) where id = any (cast(? as uuid[])) and status = 'RUNNING'"
                + " and locked_by = ?")) {
            renew.setLong(1, lease.length().toSeconds());
            renew.setString(2, arrayLiteral(jobIds));
            renew.setString(3, lease.holder());
            return renew.executeUpdate();
        }
    }

    /** PostgreSQL's text form of an array of ids: {@code {id1,id2}}. */
    static String arrayLiteral(UUID[] ids) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < ids.length; i++) {
            literal.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return literal.append('}').toString();
    }

    /**
     * Lets the running jobs of this worker be claimed at once, not after their leases run out: a node that starts
     * again takes back what it was running when it stopped. Answers how many.
     */
    static int release(Connection platformBound, String worker) throws SQLException {
        try (PreparedStatement release = platformBound.prepareStatement("update sync_job set lease_until = now()"
                + " - interval '1 second' where status = 'RUNNING' and locked_by = ?")) {
            release.setString(1, worker);
            return release.executeUpdate();
        }
    }

    /** Marks a claimed job started (once) and answers each stream's progress so far: its cursor, and if it is done. */
    static ObjectNode start(Connection tenantBound, Job job) throws SQLException {
        try (PreparedStatement start = tenantBound.prepareStatement("update sync_job set started_at ="
                + " coalesce(started_at, now()) where id = ? returning cursors::text")) {
            start.setObject(1, job.id());
            try (ResultSet row = start.executeQuery()) {
                row.next();
                return (ObjectNode) JSON.readTree(row.getString(1));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Records a run's progress on a stream: its state ({@code cursor}, {@code done}) if any, the counters, and a
     * renewed lease. Call in the transaction that wrote the rows it counts.
     *
     * @throws LeaseLost if this worker no longer holds the job; the transaction must roll back
     */
    static void progress(Connection tenantBound, Job job, Lease lease, String stream, Map<String, Object> state,
                         int records, int quarantined, int pages) throws SQLException {
        try (PreparedStatement update = tenantBound.prepareStatement("update sync_job set"
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
            update.setLong(8, lease.length().toSeconds());
            update.setObject(9, job.tenantId());
            update.setObject(10, job.id());
            update.setString(11, lease.holder());
            if (update.executeUpdate() == 0) {
                throw new LeaseLost(); // rolls the batch back: the node that holds the job now writes it
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records how a claimed job ended and what comes next, and shows it on the connection (its last sync, status and
     * error in words).
     */
    public static void finish(Connection tenantBound, Job job, Outcome outcome) throws SQLException {
        OffsetDateTime resumes = null;
        if (outcome instanceof Outcome.Succeeded) {
            update(tenantBound, job, "SUCCEEDED", null, null, true);
        } else if (outcome instanceof Outcome.AuthExpired expired) {
            update(tenantBound, job, "FAILED", null, "auth expired: " + expired.detail(), true);
            try (PreparedStatement reauth = tenantBound.prepareStatement("update connection set status ="
                    + " 'NEEDS_REAUTH', updated_at = now() where tenant_id = ? and id = ?")) {
                reauth.setObject(1, job.tenantId());
                reauth.setObject(2, job.connectionId());
                reauth.executeUpdate();
            }
        } else if (outcome instanceof Outcome.RateLimited limited) {
            // waiting as asked is not a failed attempt
            resumes = update(tenantBound, job, "RETRY", limited.retryAfter(), "rate limited: " + limited.detail(),
                    false, job.attempts() - 1);
        } else if (outcome instanceof Outcome.HostFailed failed) {
            if (job.attempts() >= MAX_ATTEMPTS) {
                update(tenantBound, job, "FAILED", null, failed.detail(), true);
            } else {
                update(tenantBound, job, "RETRY", HOST_RETRY, failed.detail(), false);
            }
        } else if (outcome instanceof Outcome.Stopped stopped) {
            update(tenantBound, job, "FAILED", null, stopped.reason(), true);
        } else if (outcome instanceof Outcome.NotRun notRun) {
            update(tenantBound, job, "FAILED", null, notRun.reason(), true);
            return;
        } else if (outcome instanceof Outcome.ProviderFailed failed) {
            if (job.attempts() >= MAX_ATTEMPTS) {
                update(tenantBound, job, "FAILED", null, "provider failed " + job.attempts() + " times: "
                        + failed.detail(), true);
            } else {
                update(tenantBound, job, "RETRY", backoff(job.attempts()), "provider failed: " + failed.detail(),
                        false);
            }
        }
        try (PreparedStatement shown = tenantBound.prepareStatement("update connection set last_sync_at = now(),"
                + " last_status = ?, last_error = ? where tenant_id = ? and id = ?")) {
            shown.setString(1, status(outcome));
            shown.setString(2, describe(outcome, resumes));
            shown.setObject(3, job.tenantId());
            shown.setObject(4, job.connectionId());
            shown.executeUpdate();
        }
    }

    /** 1, 2, 4, 8 ... minutes, at most an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.max(0, attempts - 1)));
    }

    /** A run's outcome as the connection's last status. */
    static String status(Outcome outcome) {
        return outcome instanceof Outcome.Succeeded ? "SUCCEEDED"
                : outcome instanceof Outcome.AuthExpired ? "NEEDS_REAUTH"
                : outcome instanceof Outcome.RateLimited ? "RATE_LIMITED"
                : outcome instanceof Outcome.Stopped ? "STOPPED" : "FAILED";
    }

    /**
     * A run's outcome in words for people, or null when it succeeded; a rate limit says why, in the provider's
     * words, and when the sync resumes.
     */
    static String describe(Outcome outcome, OffsetDateTime resumes) {
        if (outcome instanceof Outcome.AuthExpired e) {
            return sentence(e.detail()) + " Reconnect to resume.";
        }
        if (outcome instanceof Outcome.RateLimited r) {
            String when = resumes == null ? "in " + r.retryAfter().toSeconds() + " s"
                    : "at " + RESUME_TIME.format(resumes.withOffsetSameInstant(ZoneOffset.UTC));
            return sentence(r.detail() == null ? "The provider asked to wait" : r.detail())
                    + " The sync resumes by itself " + when + ".";
        }
        if (outcome instanceof Outcome.ProviderFailed f) {
            return f.detail();
        }
        if (outcome instanceof Outcome.HostFailed h) {
            return h.detail();
        }
        if (outcome instanceof Outcome.Stopped c) {
            return c.reason();
        }
        return null;
    }

    // a provider's words end a sentence once: "... retry in some time." stays as it is
    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    /** The committed cursor of a stream, if any. */
    public static Optional<String> checkpoint(Connection tenantBound, UUID tenantId, UUID connectionId, String stream)
            throws SQLException {
        try (PreparedStatement read = tenantBound.prepareStatement("select cursor_value from sync_checkpoint where"
                + " tenant_id = ? and connection_id = ? and stream = ?")) {
            read.setObject(1, tenantId);
            read.setObject(2, connectionId);
            read.setString(3, stream);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Moves a stream's cursor: call in the transaction that wrote the rows before it. */
    public static void advance(Connection tenantBound, UUID tenantId, UUID connectionId, String stream, String cursor)
            throws SQLException {
        try (PreparedStatement write = tenantBound.prepareStatement("insert into sync_checkpoint (tenant_id,"
                + " connection_id, stream, cursor_value) values (?, ?, ?, ?) on conflict (tenant_id, connection_id,"
                + " stream) do update set cursor_value = excluded.cursor_value, updated_at = now()")) {
            write.setObject(1, tenantId);
            write.setObject(2, connectionId);
            write.setString(3, stream);
            write.setString(4, cursor);
            write.executeUpdate();
        }
    }

    private static void update(Connection c, Job job, String status, Duration after, String error, boolean done)
            throws SQLException {
        update(c, job, status, after, error, done, job.attempts());
    }

    /** Answers when the job runs next (its {@code run_after}). */
    private static OffsetDateTime update(Connection c, Job job, String status, Duration after, String error,
                                         boolean done, int attempts) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update sync_job set status = ?, locked_by = null,"
                + " lease_until = null, last_error = ?, attempts = ?,"
                + " run_after = now() + make_interval(secs => ?), finished_at = case when ? then now() end"
                + " where tenant_id = ? and id = ? returning run_after")) {
            update.setString(1, status);
            update.setString(2, error);
            update.setInt(3, attempts);
            update.setLong(4, after == null ? 0 : after.toSeconds());
            update.setBoolean(5, done);
            update.setObject(6, job.tenantId());
            update.setObject(7, job.id());
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? row.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }
}

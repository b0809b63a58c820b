package io.catalyst.core.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable sync queue in PostgreSQL. Jobs are claimed with {@code FOR UPDATE SKIP LOCKED} under a lease, so
 * nodes never run one job twice and a job whose node died is claimed again once its lease ran out. Incremental syncs
 * go before backfills. How a run ended decides what happens next ({@link Outcome}). Plain JDBC: claiming runs on a
 * connection in platform scope (every tenant's jobs), the rest on one bound to the job's tenant.
 */
public final class SyncQueue {

    /** Incremental syncs first: people wait for today's numbers, not for last year's. */
    public static final int INCREMENTAL_PRIORITY = 10;
    public static final int BACKFILL_PRIORITY = 100;
    /** After this many failed attempts a provider error stops being retried. */
    public static final int MAX_ATTEMPTS = 6;
    /** Our own failures clear fast (a database restart): no provider is waiting to be spared. */
    static final Duration HOST_RETRY = Duration.ofSeconds(10);

    private SyncQueue() {
    }

    /** What kind of sync. */
    public enum Kind { INCREMENTAL, BACKFILL }

    /** A claimed job. */
    public record Job(UUID tenantId, UUID id, UUID connectionId, Kind kind, int attempts, LocalDate from,
                      LocalDate to) {
    }

    /** How a run ended, as the engine classified it. */
    public sealed interface Outcome {
        /** All data and checkpoints are committed. */
        record Succeeded() implements Outcome { }

        /** The provider refused the credentials: the connection needs a new authorisation; no retry. */
        record AuthExpired(String detail) implements Outcome { }

        /** The provider asked to wait: run again after that, without counting against the attempts' limit. */
        record RateLimited(Duration retryAfter) implements Outcome { }

        /** The provider failed (5xx, timeout): retry with exponential backoff, up to {@link #MAX_ATTEMPTS}. */
        record ProviderFailed(String detail) implements Outcome { }

        /** Catalyst's own side failed (the database restarting): retry soon; counts as an attempt. */
        record HostFailed(String detail) implements Outcome { }

        /**
         * Nothing to retry: there was nothing to run (the connection is paused or not authorised), or the provider
         * refused the request for good.
         */
        record Stopped(String reason) implements Outcome { }
    }

    /** Queues a sync of a connection; a backfill names its date range. */
    public static UUID enqueue(Connection tenantBound, UUID tenantId, UUID connectionId, Kind kind, LocalDate from,
                               LocalDate to) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = tenantBound.prepareStatement("insert into sync_job (tenant_id, id,"
                + " connection_id, kind, priority, range_from, range_to) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, tenantId);
            insert.setObject(2, id);
            insert.setObject(3, connectionId);
            insert.setString(4, kind.name());
            insert.setInt(5, kind == Kind.INCREMENTAL ? INCREMENTAL_PRIORITY : BACKFILL_PRIORITY);
            insert.setObject(6, from);
            insert.setObject(7, to);
            insert.executeUpdate();
        }
        return id;
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

    /** Records how a claimed job ended and what comes next. */
    public static void finish(Connection tenantBound, Job job, Outcome outcome) throws SQLException {
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
            update(tenantBound, job, "RETRY", limited.retryAfter(), "rate limited", false, job.attempts() - 1);
        } else if (outcome instanceof Outcome.HostFailed failed) {
            if (job.attempts() >= MAX_ATTEMPTS) {
                update(tenantBound, job, "FAILED", null, failed.detail(), true);
            } else {
                update(tenantBound, job, "RETRY", HOST_RETRY, failed.detail(), false);
            }
        } else if (outcome instanceof Outcome.Stopped stopped) {
            update(tenantBound, job, "FAILED", null, stopped.reason(), true);
        } else if (outcome instanceof Outcome.ProviderFailed failed) {
            if (job.attempts() >= MAX_ATTEMPTS) {
                update(tenantBound, job, "FAILED", null, "provider failed " + job.attempts() + " times: "
                        + failed.detail(), true);
            } else {
                update(tenantBound, job, "RETRY", backoff(job.attempts()), "provider failed: " + failed.detail(),
                        false);
            }
        }
    }

    /** 1, 2, 4, 8 ... minutes, at most an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.max(0, attempts - 1)));
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

    private static void update(Connection c, Job job, String status, Duration after, String error, boolean done,
                               int attempts) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update sync_job set status = ?, locked_by = null,"
                + " lease_until = null, last_error = ?, attempts = ?,"
                + " run_after = now() + make_interval(secs => ?), finished_at = case when ? then now() end"
                + " where tenant_id = ? and id = ?")) {
            update.setString(1, status);
            update.setString(2, error);
            update.setInt(3, attempts);
            update.setLong(4, after == null ? 0 : after.toSeconds());
            update.setBoolean(5, done);
            update.setObject(6, job.tenantId());
            update.setObject(7, job.id());
            update.executeUpdate();
        }
    }
}

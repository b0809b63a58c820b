package io.catalyst.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.core.warehouse.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sync queue against real PostgreSQL: priorities, no double claims, leases, retries, re-auth, checkpoints, due
 * schedules.
 */
class SyncQueueTest {

    private static TestDatabase db;

    @BeforeAll
    static void database() throws SQLException {
        db = new TestDatabase();
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @AfterEach
    void emptyQueue() throws SQLException {
        try (Connection admin = db.superuser()) {
            admin.createStatement().execute("delete from sync_job");
        }
    }

    @Test
    void incrementalSyncsGoBeforeBackfillsAndEachJobIsClaimedOnce() throws Exception {
        UUID tenant = db.tenant();
        UUID connection = connection(tenant);
        UUID backfill = enqueue(tenant, connection, SyncQueue.Kind.BACKFILL);
        UUID incremental = enqueue(tenant, connection, SyncQueue.Kind.INCREMENTAL);

        assertThat(claim("w1").map(SyncQueue.Job::id)).contains(incremental);
        assertThat(claim("w1").map(SyncQueue.Job::id)).contains(backfill);
        assertThat(claim("w1")).isEmpty();
    }

    @Test
    void concurrentWorkersNeverClaimTheSameJob() throws Exception {
        UUID tenant = db.tenant();
        UUID connection = connection(tenant);
        for (int i = 0; i < 40; i++) {
            enqueue(tenant, connection, SyncQueue.Kind.INCREMENTAL);
        }
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ConcurrentHashMap<UUID, String> claimed = new ConcurrentHashMap<>();
        List<Future<Integer>> duplicates = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "w" + w;
            duplicates.add(workers.submit(() -> {
                int twice = 0;
                for (Optional<SyncQueue.Job> job = claim(worker); job.isPresent(); job = claim(worker)) {
                    if (claimed.putIfAbsent(job.get().id(), worker) != null) {
                        twice++;
                    }
                }
                return twice;
            }));
        }
        int twice = 0;
        for (Future<Integer> d : duplicates) {
            twice += d.get();
        }
        workers.shutdown();

        assertThat(claimed).hasSize(40);
        assertThat(twice).isZero();
    }

    @Test
    void aJobWhoseWorkerDiedIsClaimedAgainAfterItsLease() throws Exception {
        UUID tenant = db.tenant();
        UUID job = enqueue(tenant, connection(tenant), SyncQueue.Kind.INCREMENTAL);
        assertThat(claim("dead-node", Duration.ofSeconds(1)).map(SyncQueue.Job::id)).contains(job);
        assertThat(claim("w2")).as("still leased").isEmpty();

        Thread.sleep(1500);

        Optional<SyncQueue.Job> again = claim("w2");
        assertThat(again.map(SyncQueue.Job::id)).contains(job);
        assertThat(again.get().attempts()).isEqualTo(2);
    }

    @Test
    void outcomesDecideWhatHappensNext() throws Exception {
        UUID tenant = db.tenant();
        UUID connection = connection(tenant);
        enqueue(tenant, connection, SyncQueue.Kind.INCREMENTAL);

        finish(claim("w").orElseThrow(), new SyncQueue.Outcome.RateLimited(Duration.ofSeconds(120),
                "Google Ads RESOURCE_EXHAUSTED: Too many requests"));
        assertThat(claim("w")).as("waits as the provider asked").isEmpty();
        assertThat(job(tenant, "status || ':' || attempts || ':' || (run_after > now() + interval '100 seconds')"))
                .isEqualTo("RETRY:0:true");
        try (Connection app = db.appFor(tenant); PreparedStatement read = app.prepareStatement(
                "select c.last_status || '|' || c.last_error = 'RATE_LIMITED|Google Ads RESOURCE_EXHAUSTED: Too many"
                        + " requests. The sync resumes by itself at ' || to_char(j.run_after at time zone 'UTC',"
                        + " 'YYYY-MM-DD HH24:MI') || ' UTC.' from connection c join sync_job j on j.connection_id ="
                        + " c.id where c.id = ?")) {
            read.setObject(1, connection);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                assertThat(row.getBoolean(1)).as("the connection says why and when it resumes").isTrue();
            }
        }

        makeDue(tenant);
        finish(claim("w").orElseThrow(), new SyncQueue.Outcome.ProviderFailed("HTTP 503"));
        assertThat(job(tenant, "status || ':' || attempts || ':' || last_error")).isEqualTo("RETRY:1:provider failed:"
                + " HTTP 503");

        makeDue(tenant);
        finish(claim("w").orElseThrow(), new SyncQueue.Outcome.AuthExpired("HTTP 401"));
        assertThat(job(tenant, "status")).isEqualTo("FAILED");
        try (Connection app = db.appFor(tenant); PreparedStatement read = app.prepareStatement(
                "select status || '|' || last_status || '|' || last_error from connection where id = ?")) {
            read.setObject(1, connection);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("NEEDS_REAUTH|NEEDS_REAUTH|HTTP 401. Reconnect to resume.");
            }
        }

        // a job queued before the token died finds the connection waiting: it ends, and the words stay
        enqueue(tenant, connection, SyncQueue.Kind.INCREMENTAL);
        finish(claim("w").orElseThrow(), new SyncQueue.Outcome.NotRun("Not run: the connection is waiting"));
        try (Connection app = db.appFor(tenant); PreparedStatement read = app.prepareStatement(
                "select last_status || '|' || last_error from connection where id = ?")) {
            read.setObject(1, connection);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("NEEDS_REAUTH|HTTP 401. Reconnect to resume.");
            }
        }
    }

    @Test
    void aCheckpointMovesOnlyWithTheTransactionThatWroteTheRows() throws Exception {
        UUID tenant = db.tenant();
        UUID connection = connection(tenant);
        try (Connection app = db.appFor(tenant)) {
            SyncQueue.advance(app, tenant, connection, "insights", "2026-03-01");
            app.commit();
        }
        try (Connection app = db.appFor(tenant)) {
            SyncQueue.advance(app, tenant, connection, "insights", "2026-03-08");
            app.rollback(); // the node died before the rows were durable
        }
        try (Connection app = db.appFor(tenant)) {
            assertThat(SyncQueue.checkpoint(app, tenant, connection, "insights")).contains("2026-03-01");
        }
        assertThat(SyncQueue.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SyncQueue.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SyncQueue.backoff(12)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aWriteOfANodeThatLostTheJobIsRefusedAndARestartedNodeTakesBackItsJobs() throws Exception {
        UUID tenant = db.tenant();
        UUID job = enqueue(tenant, connection(tenant), SyncQueue.Kind.INCREMENTAL);
        SyncQueue.Job claimed = claim("w1").orElseThrow();
        try (Connection app = db.appFor(tenant)) {
            assertThat(SyncQueue.start(app, claimed).size()).isZero();
            SyncQueue.progress(app, claimed, new SyncQueue.Lease("w1", Duration.ofMinutes(10)), "insights",
                    Map.of("cursor", "act_1:2026-03-01"), 5, 1, 2);
            app.commit();
        }
        try (Connection app = db.appFor(tenant)) {
            assertThatThrownBy(() -> SyncQueue.progress(app, claimed, new SyncQueue.Lease("w2",
                    Duration.ofMinutes(10)), "insights", null, 7, 0, 3)).isInstanceOf(SyncQueue.LeaseLost.class);
            app.rollback();
        }
        assertThat(job(tenant, "records || ':' || quarantined || ':' || pages || ':' || stream"))
                .isEqualTo("5:1:2:insights");
        try (Connection app = db.appFor(tenant)) {
            assertThat(SyncQueue.start(app, claimed).path("insights").path("cursor").asText())
                    .isEqualTo("act_1:2026-03-01");
            app.commit();
        }

        assertThat(claim("w2")).as("still leased to w1").isEmpty();
        try (Connection platform = db.appForPlatform()) {
            assertThat(SyncQueue.release(platform, "w1")).isEqualTo(1);
            platform.commit();
        }
        assertThat(claim("w2").map(SyncQueue.Job::id)).contains(job);
    }

    @Test
    void aRenewedLeaseKeepsTheJobOnlyForItsHolder() throws Exception {
        UUID tenant = db.tenant();
        UUID job = enqueue(tenant, connection(tenant), SyncQueue.Kind.INCREMENTAL);
        assertThat(claim("w1", Duration.ofSeconds(1)).map(SyncQueue.Job::id)).contains(job);
        try (Connection platform = db.appForPlatform()) {
            assertThat(SyncQueue.renew(platform, new SyncQueue.Lease("w2", Duration.ofMinutes(10)),
                    new UUID[] {job})).isZero();
            assertThat(SyncQueue.renew(platform, new SyncQueue.Lease("w1", Duration.ofMinutes(10)),
                    new UUID[] {UUID.randomUUID(), job})).isEqualTo(1);
            platform.commit();
        }

        Thread.sleep(1500);

        assertThat(claim("w2")).as("renewed for ten minutes").isEmpty();
    }

    @Test
    void aConnectionWhoseScheduleIsDueIsQueuedOnceAndOneWithoutAccountsNever() throws Exception {
        UUID tenant = db.tenant();
        UUID due = connection(tenant, "[\"act_1\"]");
        connection(tenant);

        enqueueDue();
        enqueueDue();

        assertThat(job(tenant, "count(*) || ':' || min(kind) || ':' || min(trigger) || ':' || min(priority) || ':'"
                + " || bool_and(connection_id = '" + due + "')")).isEqualTo("1:INCREMENTAL:SCHEDULE:10:true");
        finish(claim("w").orElseThrow(), new SyncQueue.Outcome.Succeeded());
        enqueueDue();
        assertThat(job(tenant, "count(*)")).as("not due again before its schedule").isEqualTo("1");
    }

    private static UUID connection(UUID tenant) throws SQLException {
        return connection(tenant, "[]");
    }

    private static UUID connection(UUID tenant, String accounts) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection app = db.appFor(tenant); PreparedStatement insert = app.prepareStatement(
                "insert into connection (tenant_id, id, connector, name, accounts) values (?, ?, 'meta-ads', 'Meta',"
                        + " cast(? as jsonb))")) {
            insert.setObject(1, tenant);
            insert.setObject(2, id);
            insert.setString(3, accounts);
            insert.executeUpdate();
            app.commit();
        }
        return id;
    }

    private static UUID enqueue(UUID tenant, UUID connection, SyncQueue.Kind kind) throws SQLException {
        try (Connection app = db.appFor(tenant)) {
            UUID id = SyncQueue.enqueue(app, tenant, connection, kind, kind == SyncQueue.Kind.BACKFILL
                    ? LocalDate.of(2025, 1, 1) : null, kind == SyncQueue.Kind.BACKFILL ? LocalDate.of(2025, 12, 31)
                    : null, kind == SyncQueue.Kind.BACKFILL ? "BACKFILL" : "MANUAL");
            app.commit();
            return id;
        }
    }

    private static Optional<SyncQueue.Job> claim(String worker) throws SQLException {
        return claim(worker, Duration.ofMinutes(10));
    }

    private static Optional<SyncQueue.Job> claim(String worker, Duration lease) throws SQLException {
        try (Connection platform = db.appForPlatform()) {
            Optional<SyncQueue.Job> job = SyncQueue.claim(platform, worker, lease);
            platform.commit();
            return job;
        }
    }

    private static void finish(SyncQueue.Job job, SyncQueue.Outcome outcome) throws SQLException {
        try (Connection app = db.appFor(job.tenantId())) {
            SyncQueue.finish(app, job, outcome);
            app.commit();
        }
    }

    private static void enqueueDue() throws SQLException {
        try (Connection platform = db.appForPlatform()) {
            SyncQueue.enqueueDue(platform);
            platform.commit();
        }
    }

    private static void makeDue(UUID tenant) throws SQLException {
        try (Connection app = db.appFor(tenant)) {
            app.createStatement().execute("update sync_job set run_after = now()");
            app.commit();
        }
    }

    private static String job(UUID tenant, String expression) throws SQLException {
        try (Connection app = db.appFor(tenant); ResultSet row = app.createStatement()
                .executeQuery("select " + expression + " from sync_job")) {
            row.next();
            return row.getString(1);
        }
    }
}

package io.catalyst.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.core.connect.Connections;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What one run reads (the lookback, backfills, resuming) and what a provider's refusal means for it. */
class SyncEngineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final StreamSpec INSIGHTS = new StreamSpec("insights", StreamSpec.Sync.DAILY);
    private static final StreamSpec CONTACTS = new StreamSpec("contacts", StreamSpec.Sync.CURSOR);
    private static final Connections.View CONNECTION = new Connections.View(UUID.randomUUID(), "meta-ads",
            "Meta Ads", "Meta EU", "ACTIVE", List.of("act_1", "act_2"), 360, 28, null, Map.of(), true, null, null,
            null, Instant.now());

    private final SyncEngine engine = new SyncEngine();

    SyncEngineTest() {
        engine.initialDays = 90;
    }

    @Test
    void aFirstSyncReadsTheInitialDaysOfEveryPickedAccount() {
        StreamRead read = engine.plan(job(SyncQueue.Kind.INCREMENTAL), CONNECTION, INSIGHTS, Optional.empty(), TODAY,
                Optional.empty());

        assertThat(read.stream()).isEqualTo("insights");
        assertThat(read.accounts()).containsExactly("act_1", "act_2");
        assertThat(read.from()).isEqualTo(TODAY.minusDays(90));
        assertThat(read.to()).isEqualTo(TODAY);
        assertThat(read.cursor()).isEmpty();
    }

    @Test
    void aDailyStreamReadsAgainFromItsLastDayMinusTheLookback() {
        StreamRead read = engine.plan(job(SyncQueue.Kind.INCREMENTAL), CONNECTION, INSIGHTS,
                Optional.of("2026-11-20"), TODAY, Optional.empty());

        assertThat(read.from()).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(read.to()).isEqualTo(TODAY);
        assertThat(read.cursor()).as("a daily stream's checkpoint is a day, not a cursor to hand on").isEmpty();
    }

    @Test
    void aLastDayInTheFutureCountsAsToday() {
        StreamRead read = engine.plan(job(SyncQueue.Kind.INCREMENTAL), CONNECTION, INSIGHTS,
                Optional.of("2026-12-31"), TODAY, Optional.empty());

        assertThat(read.from()).isEqualTo(TODAY.minusDays(28));
    }

    @Test
    void aBackfillReadsItsRangeWhateverTheCheckpoint() {
        SyncQueue.Job backfill = new SyncQueue.Job(UUID.randomUUID(), UUID.randomUUID(), CONNECTION.id(),
                SyncQueue.Kind.BACKFILL, 1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));

        StreamRead read = engine.plan(backfill, CONNECTION, INSIGHTS, Optional.of("2026-11-20"), TODAY,
                Optional.empty());

        assertThat(read.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(read.to()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void aCursorStreamGoesOnFromItsCheckpointAndAnInterruptedRunFromWhereItStopped() {
        assertThat(engine.plan(job(SyncQueue.Kind.INCREMENTAL), CONNECTION, CONTACTS, Optional.of("1700000000"),
                TODAY, Optional.empty()).cursor()).contains("1700000000");
        assertThat(engine.plan(job(SyncQueue.Kind.INCREMENTAL), CONNECTION, CONTACTS, Optional.of("1700000000"),
                TODAY, Optional.of("1700000500")).cursor()).contains("1700000500");
        assertThat(engine.plan(job(SyncQueue.Kind.INCREMENTAL), CONNECTION, INSIGHTS, Optional.of("2026-11-20"),
                TODAY, Optional.of("act_2:2026-11-01")).cursor()).contains("act_2:2026-11-01");
    }

    @Test
    void aProviderRefusalBecomesWhatHappensNextInWordsPeopleRead() {
        SyncQueue.Outcome expired = SyncEngine.classify(new ProviderException(ProviderException.Kind.AUTH_EXPIRED,
                "Meta Ads no longer accepts this connection's authorisation", null));
        SyncQueue.Outcome limited = SyncEngine.classify(new ProviderException(ProviderException.Kind.RATE_LIMITED,
                "Google Ads RESOURCE_EXHAUSTED: quotaError RESOURCE_EXHAUSTED: Too many requests",
                Duration.ofHours(12)));
        SyncQueue.Outcome unsaid = SyncEngine.classify(new ProviderException(
                ProviderException.Kind.RATE_LIMITED, "slow down", null));
        SyncQueue.Outcome failed = SyncEngine.classify(new ProviderException(
                ProviderException.Kind.PROVIDER_FAILED, "HTTP 503", null));
        SyncQueue.Outcome refused = SyncEngine.classify(new ProviderException(ProviderException.Kind.REFUSED,
                "Unknown account act_9", null));

        assertThat(expired).isEqualTo(new SyncQueue.Outcome.AuthExpired(
                "Meta Ads no longer accepts this connection's authorisation"));
        assertThat(SyncQueue.status(expired)).isEqualTo("NEEDS_REAUTH");
        assertThat(SyncQueue.describe(expired, null)).isEqualTo("Meta Ads no longer accepts this connection's"
                + " authorisation. Reconnect to resume.");
        assertThat(SyncQueue.status(limited)).isEqualTo("RATE_LIMITED");
        assertThat(SyncQueue.describe(limited, OffsetDateTime.parse("2026-11-25T08:00:30+01:00")))
                .as("the provider's reason, and when the sync resumes").isEqualTo("Google Ads RESOURCE_EXHAUSTED:"
                        + " quotaError RESOURCE_EXHAUSTED: Too many requests. The sync resumes by itself at"
                        + " 2026-11-25 07:00 UTC.");
        assertThat(unsaid).isEqualTo(new SyncQueue.Outcome.RateLimited(Duration.ofMinutes(5), "slow down"));
        assertThat(SyncQueue.describe(new SyncQueue.Outcome.RateLimited(Duration.ofSeconds(8), "tiktok-ads answered"
                + " HTTP 200 with code=40133: Too many requests. Please retry in some time."), null))
                .as("a provider's sentence is ended once").isEqualTo("tiktok-ads answered HTTP 200 with code=40133:"
                        + " Too many requests. Please retry in some time. The sync resumes by itself in 8 s.");
        assertThat(SyncQueue.status(failed)).isEqualTo("FAILED");
        assertThat(SyncQueue.describe(failed, null)).isEqualTo("HTTP 503");
        assertThat(SyncQueue.status(refused)).isEqualTo("STOPPED");
        assertThat(SyncQueue.describe(refused, null)).isEqualTo("Unknown account act_9. Check the connection's access,"
                + " then run it again.");
        assertThat(SyncQueue.status(new SyncQueue.Outcome.Succeeded())).isEqualTo("SUCCEEDED");
        assertThat(SyncQueue.describe(new SyncQueue.Outcome.Succeeded(), null)).isNull();
        assertThat(SyncQueue.status(new SyncQueue.Outcome.HostFailed("disk full"))).isEqualTo("FAILED");
    }

    private static SyncQueue.Job job(SyncQueue.Kind kind) {
        return new SyncQueue.Job(UUID.randomUUID(), UUID.randomUUID(), CONNECTION.id(), kind, 1, null, null);
    }
}

package io.catalyst.plugins.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.plugins.recommendations.rules.Evidence;
import io.catalyst.plugins.recommendations.rules.Finding;
import io.catalyst.plugins.recommendations.rules.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dedupe rules: update, don't duplicate; quiet after a dismissal; snoozes end; stale ones resolve. */
class ReconcileTest {

    static final Instant NOW = Instant.parse("2026-12-07T06:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static Finding finding(String entity) {
        return new Finding(Kind.CPA_OVER_TARGET, "meta-ads", "campaign", entity, "C", Map.of(),
                new Evidence("date", List.of("cpa"), List.of()), 100, Finding.MONEY, "x", 0.9, "how");
    }

    static Reconcile.Existing existing(String entity, String status, int actedDaysAgo, LocalDate snoozedUntil) {
        return new Reconcile.Existing(UUID.randomUUID(), "cpa-over-target", entity, status,
                actedDaysAgo < 0 ? null : OffsetDateTime.ofInstant(NOW.minusSeconds(86400L * actedDaysAgo),
                        ZoneOffset.UTC), snoozedUntil);
    }

    @Test
    void anOpenOneIsUpdatedNotDuplicated() {
        Reconcile.Existing open = existing("meta-ads:1", Reco.OPEN, -1, null);
        List<Reconcile.Action> plan = Reconcile.plan(List.of(finding("meta-ads:1"), finding("meta-ads:1")),
                List.of(open), NOW, TODAY);
        assertThat(plan).containsExactly(new Reconcile.Update(open.id(), finding("meta-ads:1"), false));
    }

    @Test
    void aDismissedOneStaysQuietForThirtyDays() {
        assertThat(Reconcile.plan(List.of(finding("meta-ads:1")), List.of(existing("meta-ads:1", Reco.DISMISSED, 29,
                null)), NOW, TODAY)).isEmpty();
        // after 30 days the caller's query no longer returns it, and an old one does not count either
        assertThat(Reconcile.plan(List.of(finding("meta-ads:1")), List.of(existing("meta-ads:1", Reco.DISMISSED, 31,
                null)), NOW, TODAY)).containsExactly(new Reconcile.Insert(finding("meta-ads:1")));
    }

    @Test
    void aSnoozedOneReopensOnItsDateAndNotBefore() {
        Reconcile.Existing later = existing("meta-ads:1", Reco.SNOOZED, -1, TODAY.plusDays(3));
        Reconcile.Existing due = existing("meta-ads:2", Reco.SNOOZED, -1, TODAY);
        List<Reconcile.Action> plan = Reconcile.plan(List.of(finding("meta-ads:1"), finding("meta-ads:2")),
                List.of(later, due), NOW, TODAY);
        assertThat(plan).containsExactly(new Reconcile.Update(later.id(), finding("meta-ads:1"), false),
                new Reconcile.Update(due.id(), finding("meta-ads:2"), true));
    }

    @Test
    void aNewEntityIsInsertedAndAVanishedOneResolved() {
        Reconcile.Existing gone = existing("meta-ads:9", Reco.OPEN, -1, null);
        assertThat(Reconcile.plan(List.of(finding("meta-ads:1")), List.of(gone), NOW, TODAY))
                .containsExactly(new Reconcile.Insert(finding("meta-ads:1")), new Reconcile.Resolve(gone.id()));
    }
}

package io.catalyst.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Instance;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.MuteWindow;
import io.catalyst.plugins.alerts.engine.Notice;
import io.catalyst.plugins.alerts.engine.Observation;
import io.catalyst.plugins.alerts.engine.Recipients;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.Severity;
import io.catalyst.plugins.alerts.engine.State;
import io.catalyst.plugins.alerts.engine.StateMachine;
import io.catalyst.plugins.alerts.engine.StateMachine.Next;
import io.catalyst.plugins.alerts.engine.Verdict;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every transition of the state machine, and when people are told. */
class StateMachineTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z"); // a Monday
    private static final Duration FOR = Duration.ofMinutes(30);
    private static final Duration RECOVER = Duration.ofMinutes(60);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static Next next(State from, Verdict verdict, int minutesAfter) {
        return StateMachine.next(from, T0, verdict, T0.plus(Duration.ofMinutes(minutesAfter)), FOR, RECOVER);
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void normal() {
        assertThat(next(State.NORMAL, Verdict.OK, 5)).isEqualTo(new Next(State.NORMAL, T0));
        assertThat(next(State.NORMAL, Verdict.BREACH, 5)).isEqualTo(new Next(State.PENDING, at(5)));
        assertThat(StateMachine.next(State.NORMAL, T0, Verdict.BREACH, at(5), Duration.ZERO, RECOVER))
                .isEqualTo(new Next(State.FIRING, at(5)));
        assertThat(next(State.NORMAL, Verdict.NO_DATA, 5)).isEqualTo(new Next(State.NO_DATA, at(5)));
        assertThat(next(State.NORMAL, Verdict.ERROR, 5)).isEqualTo(new Next(State.ERROR, at(5)));
        assertThat(next(State.NORMAL, Verdict.SILENCED, 5)).isEqualTo(new Next(State.NORMAL, T0));
    }

    @Test
    void pendingFiresOnlyOnceTheForDurationIsMet() {
        assertThat(next(State.PENDING, Verdict.BREACH, 29)).isEqualTo(new Next(State.PENDING, T0));
        assertThat(next(State.PENDING, Verdict.BREACH, 30)).isEqualTo(new Next(State.FIRING, at(30)));
        assertThat(next(State.PENDING, Verdict.OK, 10)).isEqualTo(new Next(State.NORMAL, at(10)));
        assertThat(next(State.PENDING, Verdict.SILENCED, 45)).isEqualTo(new Next(State.PENDING, T0));
    }

    @Test
    void firingRecoversThroughTheRecoveryWindow() {
        assertThat(next(State.FIRING, Verdict.BREACH, 90)).isEqualTo(new Next(State.FIRING, T0));
        assertThat(next(State.FIRING, Verdict.OK, 90)).isEqualTo(new Next(State.RECOVERING, at(90)));
        assertThat(StateMachine.next(State.FIRING, T0, Verdict.OK, at(5), FOR, Duration.ZERO))
                .isEqualTo(new Next(State.NORMAL, at(5)));
        assertThat(next(State.RECOVERING, Verdict.OK, 59)).isEqualTo(new Next(State.RECOVERING, T0));
        assertThat(next(State.RECOVERING, Verdict.OK, 60)).isEqualTo(new Next(State.NORMAL, at(60)));
        assertThat(next(State.RECOVERING, Verdict.BREACH, 20)).isEqualTo(new Next(State.FIRING, at(20)));
        assertThat(next(State.FIRING, Verdict.NO_DATA, 20)).isEqualTo(new Next(State.NO_DATA, at(20)));
    }

    @Test
    void noDataAndErrorHoldTheirSinceAndLeaveLikeNormal() {
        assertThat(next(State.NO_DATA, Verdict.NO_DATA, 20)).isEqualTo(new Next(State.NO_DATA, T0));
        assertThat(next(State.ERROR, Verdict.ERROR, 20)).isEqualTo(new Next(State.ERROR, T0));
        assertThat(next(State.NO_DATA, Verdict.OK, 20)).isEqualTo(new Next(State.NORMAL, at(20)));
        assertThat(next(State.ERROR, Verdict.BREACH, 20)).isEqualTo(new Next(State.PENDING, at(20)));
        assertThat(next(State.NO_DATA, Verdict.ERROR, 20)).isEqualTo(new Next(State.ERROR, at(20)));
    }

    // ---- notices ------------------------------------------------------------------------------------------------

    private static Rule rule(Duration forDuration, Duration escalateAfter, List<MuteWindow> mutes) {
        return new Rule(UUID.randomUUID(), "CPA", "cpa", Level.CAMPAIGN, List.of(), Kind.THRESHOLD,
                Map.of("threshold", 40.0), Direction.UP, forDuration, Duration.ZERO, Severity.WARNING,
                new Recipients(null, "analyst"), escalateAfter, new Recipients(null, "tenant-admin"), false, mutes,
                true);
    }

    private static Observation seen(Rule rule, Verdict verdict) {
        return new Observation(rule.id(), "meta-ads:1", "Summer Sale", verdict, 50.0, 40.0, "why",
                Fixture.YESTERDAY);
    }

    /** Runs verdicts 10 minutes apart from a fresh instance; returns every notice with its step number. */
    private static List<String> run(Rule rule, Verdict... verdicts) {
        Instance instance = Instance.fresh(rule.id(), "meta-ads:1", "Summer Sale", T0);
        List<String> told = new java.util.ArrayList<>();
        for (int n = 0; n < verdicts.length; n++) {
            StateMachine.Step step = StateMachine.step(rule, instance, seen(rule, verdicts[n]), at(10 * (n + 1)),
                    ZONE);
            int index = n;
            step.notices().forEach(notice -> told.add(index + ":" + notice));
            instance = step.after();
        }
        return told;
    }

    @Test
    void firingIsToldOnceAndResolvedOnce() {
        Rule rule = rule(Duration.ZERO, null, List.of());
        assertThat(run(rule, Verdict.BREACH, Verdict.BREACH, Verdict.BREACH, Verdict.OK, Verdict.OK))
                .containsExactly("0:FIRING", "3:RESOLVED");
    }

    @Test
    void pendingThatRecoversTellsNobody() {
        Rule rule = rule(FOR, null, List.of());
        assertThat(run(rule, Verdict.BREACH, Verdict.BREACH, Verdict.OK)).isEmpty();
        assertThat(run(rule, Verdict.BREACH, Verdict.BREACH, Verdict.BREACH, Verdict.BREACH))
                .containsExactly("3:FIRING");
    }

    @Test
    void noDataNeverNotifiesAndDoesNotRepeatAFiring() {
        Rule rule = rule(Duration.ZERO, null, List.of());
        assertThat(run(rule, Verdict.NO_DATA, Verdict.NO_DATA, Verdict.NO_DATA, Verdict.ERROR)).isEmpty();
        // the data gap does not resolve the firing alert, and its return does not fire it again
        assertThat(run(rule, Verdict.BREACH, Verdict.NO_DATA, Verdict.NO_DATA, Verdict.BREACH, Verdict.OK))
                .containsExactly("0:FIRING", "4:RESOLVED");
    }

    @Test
    void silencedNeitherMovesNorTells() {
        Rule rule = rule(Duration.ZERO, null, List.of());
        assertThat(run(rule, Verdict.SILENCED, Verdict.SILENCED)).isEmpty();
        Instance fresh = Instance.fresh(rule.id(), "meta-ads:1", "Summer Sale", T0);
        StateMachine.Step step = StateMachine.step(rule, fresh, seen(rule, Verdict.SILENCED)
                .silenced("silenced: Meta has not loaded since 2026-12-05T10:00:00Z"), at(10), ZONE);
        assertThat(step.after().state()).isEqualTo(State.NORMAL);
        assertThat(step.after().silencedBy()).startsWith("silenced: Meta");
    }

    @Test
    void escalatesOnceWhenNobodyAcknowledges() {
        Rule rule = rule(Duration.ZERO, Duration.ofMinutes(20), List.of());
        assertThat(run(rule, Verdict.BREACH, Verdict.BREACH, Verdict.BREACH, Verdict.BREACH))
                .containsExactly("0:FIRING", "2:ESCALATED");
    }

    @Test
    void anAcknowledgedAlertIsNotEscalated() {
        Rule rule = rule(Duration.ZERO, Duration.ofMinutes(20), List.of());
        Instance firing = StateMachine.step(rule, Instance.fresh(rule.id(), "meta-ads:1", "x", T0),
                seen(rule, Verdict.BREACH), at(0), ZONE).after();
        Instance acked = new Instance(firing.id(), firing.ruleId(), firing.entity(), firing.label(), firing.state(),
                firing.since(), firing.firingSince(), firing.notified(), false, at(5), null, null, null, null, null);
        assertThat(StateMachine.step(rule, acked, seen(rule, Verdict.BREACH), at(60), ZONE).notices()).isEmpty();
    }

    @Test
    void aSnoozeHoldsNoticesBackUntilItEnds() {
        Rule rule = rule(Duration.ZERO, null, List.of());
        Instance snoozed = new Instance(UUID.randomUUID(), rule.id(), "meta-ads:1", "x", State.NORMAL, T0, null,
                false, false, null, at(30), null, null, null, null);
        StateMachine.Step during = StateMachine.step(rule, snoozed, seen(rule, Verdict.BREACH), at(10), ZONE);
        assertThat(during.after().state()).isEqualTo(State.FIRING);
        assertThat(during.notices()).isEmpty();
        assertThat(StateMachine.step(rule, during.after(), seen(rule, Verdict.BREACH), at(30), ZONE).notices())
                .containsExactly(Notice.FIRING);
    }

    @Test
    void aMuteWindowInTheTenantsZoneHoldsNoticesBack() {
        // Monday 11:00-12:00 in Berlin is 10:00-11:00 UTC
        Rule rule = rule(Duration.ZERO, null, List.of(new MuteWindow(Set.of(DayOfWeek.MONDAY), LocalTime.of(11, 0),
                LocalTime.of(12, 0))));
        Instance fresh = Instance.fresh(rule.id(), "meta-ads:1", "x", T0);
        StateMachine.Step muted = StateMachine.step(rule, fresh, seen(rule, Verdict.BREACH), at(30), ZONE);
        assertThat(muted.notices()).isEmpty();
        assertThat(StateMachine.step(rule, muted.after(), seen(rule, Verdict.BREACH), at(60), ZONE).notices())
                .containsExactly(Notice.FIRING);
    }

    @Test
    void aMuteWindowMayRunOverMidnight() {
        MuteWindow night = new MuteWindow(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertThat(night.covers(java.time.ZonedDateTime.parse("2026-12-11T23:00:00+01:00[Europe/Berlin]"))).isTrue();
        assertThat(night.covers(java.time.ZonedDateTime.parse("2026-12-12T05:59:00+01:00[Europe/Berlin]"))).isTrue();
        assertThat(night.covers(java.time.ZonedDateTime.parse("2026-12-12T06:00:00+01:00[Europe/Berlin]"))).isFalse();
        assertThat(night.covers(java.time.ZonedDateTime.parse("2026-12-10T23:00:00+01:00[Europe/Berlin]"))).isFalse();
    }
}

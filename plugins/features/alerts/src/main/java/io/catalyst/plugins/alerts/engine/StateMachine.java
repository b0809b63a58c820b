package io.catalyst.plugins.alerts.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure state machine of one alert instance. {@link #next} moves the state; {@link #step} also decides what
 * people are told, which depends only on whether they were told it fires ({@code notified}): so a state that holds
 * (firing, no data) never notifies again, and a notice held back by a snooze or mute window goes out at the first
 * evaluation after it.
 *
 * <pre>
 *             BREACH (for-duration 0)                     OK (recovery 0)
 *   NORMAL ─────────────────────────────▶ FIRING ──────────────────────────▶ NORMAL
 *     │ BREACH              ▲  ▲ BREACH      │ OK                 ▲
 *     ▼                     │  │             ▼                    │ OK for the recovery window
 *   PENDING ── for-duration ┘  └──────── RECOVERING ──────────────┘
 *     │ OK ▶ NORMAL
 *   any ── NO_DATA ▶ NO_DATA,  any ── ERROR ▶ ERROR,  SILENCED keeps the state
 * </pre>
 */
public final class StateMachine {

    /** The state after an observation, and when it began. */
    public record Next(State state, Instant since) {
    }

    /** The instance after one observation, and what to tell people. */
    public record Step(Instance after, List<Notice> notices) {
    }

    private StateMachine() {
    }

    public static Next next(State state, Instant since, Verdict verdict, Instant now, Duration forDuration,
                            Duration recoverFor) {
        return switch (verdict) {
            case SILENCED -> new Next(state, since);
            case NO_DATA, ERROR -> {
                State to = verdict == Verdict.NO_DATA ? State.NO_DATA : State.ERROR;
                yield new Next(to, state == to ? since : now);
            }
            case BREACH -> switch (state) {
                case FIRING -> new Next(State.FIRING, since);
                case RECOVERING -> new Next(State.FIRING, now);
                case PENDING -> reached(since, now, forDuration) ? new Next(State.FIRING, now)
                        : new Next(State.PENDING, since);
                case NORMAL, NO_DATA, ERROR -> forDuration.isZero() ? new Next(State.FIRING, now)
                        : new Next(State.PENDING, now);
            };
            case OK -> switch (state) {
                case NORMAL -> new Next(State.NORMAL, since);
                case FIRING -> recoverFor.isZero() ? new Next(State.NORMAL, now) : new Next(State.RECOVERING, now);
                case RECOVERING -> reached(since, now, recoverFor) ? new Next(State.NORMAL, now)
                        : new Next(State.RECOVERING, since);
                case PENDING, NO_DATA, ERROR -> new Next(State.NORMAL, now);
            };
        };
    }

    /**
     * One evaluation of an instance. Quiet (no notices now, they wait): snoozed, inside a mute window, or silenced.
     */
    public static Step step(Rule rule, Instance before, Observation observation, Instant now, ZoneId zone) {
        Next next = next(before.state(), before.since(), observation.verdict(), now, rule.forDuration(),
                rule.recoverFor());
        boolean silenced = observation.verdict() == Verdict.SILENCED;
        boolean firing = next.state() == State.FIRING || next.state() == State.RECOVERING;
        Instant firingSince = firing ? (before.firingSince() != null ? before.firingSince() : next.since()) : null;
        boolean notified = before.notified();
        boolean escalated = before.escalated();
        Instant ackedAt = before.ackedAt();
        boolean quiet = silenced || before.snoozedAt(now) || rule.mutedAt(now.atZone(zone));
        List<Notice> notices = new ArrayList<>();
        if (!quiet) {
            if (next.state() == State.FIRING && !notified) {
                notices.add(Notice.FIRING);
                notified = true;
            } else if (next.state() == State.NORMAL && notified) {
                notices.add(Notice.RESOLVED);
                notified = false;
            }
            if (next.state() == State.FIRING && notified && !escalated && ackedAt == null
                    && rule.escalateAfter() != null && !rule.escalateTo().isEmpty()
                    && reached(firingSince, now, rule.escalateAfter())) {
                notices.add(Notice.ESCALATED);
                escalated = true;
            }
        }
        if (next.state() == State.NORMAL && !notified) { // a resolved incident starts afresh
            escalated = false;
            ackedAt = null;
        }
        Instance after = new Instance(before.id(), before.ruleId(), before.entity(), observation.label(),
                next.state(), next.since(), firingSince, notified, escalated, ackedAt, before.snoozedUntil(),
                observation.value(), observation.bound(), observation.reason(),
                silenced ? observation.reason() : null);
        return new Step(after, List.copyOf(notices));
    }

    private static boolean reached(Instant since, Instant now, Duration wait) {
        return !now.isBefore(since.plus(wait));
    }
}

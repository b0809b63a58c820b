package io.catalyst.plugins.recommendations;

import io.catalyst.plugins.recommendations.rules.Finding;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The dedupe rules, apart from SQL: what an evaluation does with each finding given what is stored. One live (open
 * or snoozed) recommendation per kind and entity is updated, not duplicated; a snoozed one reopens once its date
 * has come; one dismissed or accepted in the last {@value #QUIET_DAYS} days is not raised again; a live one the
 * rules no longer find is resolved.
 */
final class Reconcile {

    static final int QUIET_DAYS = 30;

    /** What is stored about one kind and entity. */
    record Existing(UUID id, String kind, String entity, String status, OffsetDateTime actedAt,
                    LocalDate snoozedUntil) {

        String key() {
            return kind + "|" + entity;
        }

        boolean live() {
            return Reco.OPEN.equals(status) || Reco.SNOOZED.equals(status);
        }
    }

    sealed interface Action permits Insert, Update, Resolve {
    }

    record Insert(Finding finding) implements Action {
    }

    /** Update a live one's figures; {@code reopen} when its snooze has ended. */
    record Update(UUID id, Finding finding, boolean reopen) implements Action {
    }

    record Resolve(UUID id) implements Action {
    }

    private Reconcile() {
    }

    static List<Action> plan(List<Finding> findings, List<Existing> existing, Instant now, LocalDate today) {
        Map<String, Existing> live = new HashMap<>();
        Set<String> quiet = new HashSet<>();
        Instant quietSince = now.minus(Duration.ofDays(QUIET_DAYS));
        for (Existing e : existing) {
            if (e.live()) {
                live.put(e.key(), e);
            } else if ((Reco.DISMISSED.equals(e.status()) || Reco.ACCEPTED.equals(e.status()))
                    && e.actedAt() != null && e.actedAt().toInstant().isAfter(quietSince)) {
                quiet.add(e.key());
            }
        }
        List<Action> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            if (!seen.add(f.key())) {
                continue; // the same entity twice in one run: the first wins
            }
            Existing e = live.get(f.key());
            if (e != null) {
                boolean reopen = Reco.SNOOZED.equals(e.status()) && e.snoozedUntil() != null
                        && !e.snoozedUntil().isAfter(today);
                actions.add(new Update(e.id(), f, reopen));
            } else if (!quiet.contains(f.key())) {
                actions.add(new Insert(f));
            }
        }
        for (Existing e : live.values()) {
            if (!seen.contains(e.key())) {
                actions.add(new Resolve(e.id()));
            }
        }
        return actions;
    }
}

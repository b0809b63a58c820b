package io.catalyst.plugins.alerts.engine;

import io.catalyst.api.metrics.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a stale source from firing every alert that reads it: a metric rule depends on the ad sources whose channels
 * meet its channel filter (every ad source without one); while one of them is stale the rule is silenced, and only
 * the stale-data alert fires.
 */
public final class Silencer {

    /** How old a load may be when no stale-data rule says otherwise. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(24);

    private final List<SourceStatus> stale;

    private Silencer(List<SourceStatus> stale) {
        this.stale = stale;
    }

    /** The stale sources now: active ones not loaded for {@code staleAfter} (paused ones are expected to stop). */
    public static Silencer of(List<SourceStatus> sources, Instant now, Duration staleAfter) {
        return new Silencer(sources.stream()
                .filter(s -> !"PAUSED".equals(s.status()) && !s.channels().isEmpty())
                .filter(s -> s.lastLoadedAt() == null || !now.isBefore(s.lastLoadedAt().plus(staleAfter)))
                .toList());
    }

    /** The stale age the tenant's enabled stale-data rules use (the shortest), or the default. */
    public static Duration staleAfter(List<Rule> rules) {
        return rules.stream().filter(r -> r.kind() == Kind.STALE && r.enabled())
                .map(r -> Duration.ofMinutes(Math.round(r.param("hours") * 60)))
                .min(Duration::compareTo).orElse(DEFAULT_STALE_AFTER);
    }

    /** Why a rule is silenced, or empty when every source it reads is fresh. */
    public Optional<String> silences(Rule rule) {
        if (!rule.kind().readsMetrics()) {
            return Optional.empty();
        }
        Optional<Set<String>> channels = rule.channels();
        return stale.stream()
                .filter(s -> channels.isEmpty() || s.channels().stream().anyMatch(channels.get()::contains))
                .findFirst()
                .map(s -> "silenced: " + s.name() + (s.lastLoadedAt() == null ? " has never loaded"
                        : " has not loaded since " + s.lastLoadedAt()));
    }
}

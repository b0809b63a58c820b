package io.catalyst.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Which failures of calls into a plugin take something out of service. One caller's failures (a tenant's bad input,
 * a tenant's data that makes the plugin slow) pause the plugin for that caller only: {@value #PAUSE_AFTER} failures
 * within {@link #WINDOW} refuse that caller's calls until the oldest ages out. The plugin as a whole is failed only
 * when {@value #FAIL_AFTER_CALLERS} different callers saw it fail within the window: then the plugin is broken, not the
 * input. Failures at start (and of migrations) fail the plugin at once; they are not counted here.
 */
final class CallBreaker {

    static final int PAUSE_AFTER = 5;
    static final int FAIL_AFTER_CALLERS = 3;
    static final Duration WINDOW = Duration.ofMinutes(2);

    private final Clock clock;
    private final Map<String, Map<String, Deque<Instant>>> failures = new HashMap<>();

    CallBreaker(Clock clock) {
        this.clock = clock;
    }

    /** Whether this caller's calls to the plugin are paused for now. */
    synchronized boolean paused(String pluginId, String caller) {
        Deque<Instant> recent = recent(pluginId, caller);
        return recent != null && recent.size() >= PAUSE_AFTER;
    }

    /** Records a failure; answers whether the plugin itself should now be failed. */
    synchronized boolean failed(String pluginId, String caller) {
        Map<String, Deque<Instant>> callers = failures.computeIfAbsent(pluginId, id -> new HashMap<>());
        callers.computeIfAbsent(caller, c -> new ArrayDeque<>()).addLast(clock.instant());
        callers.keySet().removeIf(c -> {
            Deque<Instant> recent = recent(pluginId, c);
            return recent == null || recent.isEmpty();
        });
        return callers.size() >= FAIL_AFTER_CALLERS;
    }

    /** Forgets a plugin's failures, when it is restarted, replaced or removed. */
    synchronized void reset(String pluginId) {
        failures.remove(pluginId);
    }

    private Deque<Instant> recent(String pluginId, String caller) {
        Map<String, Deque<Instant>> callers = failures.get(pluginId);
        Deque<Instant> recent = callers == null ? null : callers.get(caller);
        if (recent != null) {
            Instant horizon = clock.instant().minus(WINDOW);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
                recent.removeFirst();
            }
        }
        return recent;
    }
}

package io.catalyst.plugins.alerts;

import io.catalyst.api.metrics.Filter;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.Recipients;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rules for tests, by kind, told only to the analyst role. */
final class Rules {

    private Rules() {
    }

    static Rule rule(Kind kind, String metric, Level level, Map<String, Double> params, Direction direction,
                     List<Filter> filters) {
        return new Rule(UUID.randomUUID(), kind.id() + " " + metric, metric, level, filters, kind, params, direction,
                Duration.ZERO, Duration.ZERO, Severity.WARNING, new Recipients(null, "analyst"), null, null, false,
                List.of(), true);
    }

    static Rule rule(Kind kind, String metric, Level level, Map<String, Double> params, Direction direction) {
        return rule(kind, metric, level, params, direction, List.of());
    }
}

package io.catalyst.plugins.alerts;

import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.Period;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.Recipients;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rules a company gets once when it first uses the plugin, tuned to catch what goes wrong most often. */
final class StarterRules {

    static final String FLAG = "starter-rules";
    private static final Recipients ANALYSTS = new Recipients(null, "analyst");
    private static final Recipients ADMINS = new Recipients(null, "tenant-admin");

    private StarterRules() {
    }

    /**
     * Spend spikes per campaign, broken tracking per channel, stale data, CPA above twice the company's 90-day CPA
     * (when it has one) and monthly pacing (when a budget is set).
     */
    static List<Rule> make(Metrics metrics, String monthlyBudget) {
        List<Rule> rules = new ArrayList<>();
        rules.add(rule("Spend spike per campaign", "spend", Level.CAMPAIGN, Kind.ANOMALY, Map.of(), Direction.UP,
                Severity.WARNING));
        rules.add(rule("Tracking broken per channel", "conversions", Level.CHANNEL, Kind.TRACKING,
                Map.of("clickFloor", 100.0), Direction.UP, Severity.CRITICAL).withAutoTask());
        rules.add(rule("Stale data (24 hours)", null, Level.TENANT, Kind.STALE, Map.of("hours", 24.0), Direction.UP,
                Severity.CRITICAL));
        BigDecimal cpa = usualCpa(metrics);
        if (cpa != null && cpa.signum() > 0) {
            double target = Math.ceil(cpa.doubleValue() * 2);
            rules.add(rule("CPA above " + (long) target + " per campaign (7 days)", "cpa", Level.CAMPAIGN,
                    Kind.THRESHOLD, Map.of("threshold", target, "minSpend", 100.0, "days", 7.0), Direction.UP,
                    Severity.WARNING));
        }
        Double budget = budget(monthlyBudget);
        if (budget != null) {
            rules.add(rule("Monthly spend pacing", "spend", Level.TENANT, Kind.PACING,
                    Map.of("budget", budget, "tolerance", 20.0), Direction.EITHER, Severity.WARNING));
        }
        return rules;
    }

    // what breaks reporting (tracking, stale data) goes to the company's admins at once; the rest to its analysts,
    // escalated to the admins when nobody acknowledges it within a day
    private static Rule rule(String name, String metric, Level level, Kind kind, Map<String, Double> params,
                             Direction direction, Severity severity) {
        boolean critical = severity == Severity.CRITICAL;
        return new Rule(UUID.randomUUID(), name, metric, level, List.of(), kind, params, direction, Duration.ZERO,
                Duration.ZERO, severity, critical ? ADMINS : ANALYSTS, critical ? null : Duration.ofDays(1),
                critical ? null : ADMINS, false, List.of(), true);
    }

    private static BigDecimal usualCpa(Metrics metrics) {
        LocalDate today = metrics.today();
        return metrics.query(MetricsQuery.of(Period.preset("last_90_days", today), "cpa").build()).total()
                .map(r -> r.value("cpa")).orElse(null);
    }

    static Double budget(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double b = Double.parseDouble(text.strip());
            return Double.isFinite(b) && b > 0 ? b : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

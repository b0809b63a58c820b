package io.catalyst.metrics;

import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricDefinition.Format;
import io.catalyst.api.metrics.MetricDefinition.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's metrics. Base metrics are columns of the daily insights, summed; derived metrics are formulas over
 * those sums, so a CTR over a month is the month's clicks over its impressions, never an average of daily CTRs.
 */
public final class MetricCatalogue {

    /** Base metric → the insights column it sums. */
    public static final Map<String, String> COLUMNS;

    private static final Map<String, MetricDefinition> PLATFORM;
    private static final Map<String, Formula> DERIVED;

    static {
        Map<String, MetricDefinition> all = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        base(all, columns, "spend", "Spend", "What the ads cost, as the platforms report it", Format.MONEY, "spend",
                false);
        base(all, columns, "impressions", "Impressions", "How often the ads were shown", Format.INTEGER,
                "impressions", true);
        base(all, columns, "clicks", "Clicks", "Clicks on the ads (link clicks where the platform tells them apart)",
                Format.INTEGER, "clicks", true);
        base(all, columns, "conversions", "Conversions",
                "Conversions the platforms attribute to the ads, in each source's attribution window",
                Format.DECIMAL, "conversions", true);
        base(all, columns, "revenue", "Revenue", "The value of those conversions (conversion value)", Format.MONEY,
                "conversion_value", true);
        base(all, columns, "leads", "Leads", "Leads the ad platforms report (lead forms and lead events)",
                Format.INTEGER, "leads", true);
        COLUMNS = Map.copyOf(columns);

        Map<String, Formula> derived = new LinkedHashMap<>();
        derived(all, derived, "ctr", "CTR", "Clicks divided by impressions", Format.PERCENT, "clicks / impressions",
                true);
        derived(all, derived, "cpc", "CPC", "Spend divided by clicks", Format.MONEY, "spend / clicks", false);
        derived(all, derived, "cpm", "CPM", "Spend per thousand impressions", Format.MONEY,
                "spend * 1000 / impressions", false);
        derived(all, derived, "conversion_rate", "Conversion rate", "Conversions divided by clicks", Format.PERCENT,
                "conversions / clicks", true);
        derived(all, derived, "cpa", "CPA", "Spend divided by conversions (cost per acquisition)", Format.MONEY,
                "spend / conversions", false);
        derived(all, derived, "cpl", "CPL", "Spend divided by leads (cost per lead)", Format.MONEY, "spend / leads",
                false);
        derived(all, derived, "roas", "ROAS", "Revenue divided by spend (return on ad spend)", Format.RATIO,
                "revenue / spend", true);
        derived(all, derived, "aov", "Average order value", "Revenue divided by conversions", Format.MONEY,
                "revenue / conversions", true);
        PLATFORM = java.util.Collections.unmodifiableMap(all);
        DERIVED = java.util.Collections.unmodifiableMap(derived);
    }

    private MetricCatalogue() {
    }

    private static void base(Map<String, MetricDefinition> all, Map<String, String> columns, String name,
                             String label, String description, Format format, String column, boolean higherIsBetter) {
        all.put(name, new MetricDefinition(name, label, description, Kind.BASE, format, null, higherIsBetter));
        columns.put(name, column);
    }

    private static void derived(Map<String, MetricDefinition> all, Map<String, Formula> derived, String name,
                                String label, String description, Format format, String formula,
                                boolean higherIsBetter) {
        derived.put(name, Formula.parse(formula, COLUMNS::containsKey));
        all.put(name, new MetricDefinition(name, label, description + " (" + formula + ")", Kind.DERIVED, format,
                formula, higherIsBetter));
    }

    /** The platform's metrics, base ones first. */
    public static List<MetricDefinition> platform() {
        return new ArrayList<>(PLATFORM.values());
    }

    public static Optional<MetricDefinition> find(String name) {
        return Optional.ofNullable(PLATFORM.get(name));
    }

    /** Whether a name is one of the platform's metrics (base or derived), which custom formulas may use. */
    public static boolean isPlatform(String name) {
        return PLATFORM.containsKey(name);
    }

    public static boolean isBase(String name) {
        return COLUMNS.containsKey(name);
    }

    /** The formula of a derived metric, or empty for a base one. */
    public static Optional<Formula> formula(String name) {
        return Optional.ofNullable(DERIVED.get(name));
    }

    /**
     * The base metrics that a platform metric, or a formula over platform metrics, needs summed: the warehouse sums
     * only those.
     */
    public static java.util.Set<String> bases(java.util.Collection<String> names) {
        java.util.Set<String> bases = new java.util.TreeSet<>();
        for (String name : names) {
            if (COLUMNS.containsKey(name)) {
                bases.add(name);
            } else if (DERIVED.containsKey(name)) {
                bases.addAll(DERIVED.get(name).names());
            }
        }
        return bases;
    }

    /** Adds every derived metric to figures that hold the base sums. */
    public static Map<String, BigDecimal> withDerived(Map<String, BigDecimal> bases) {
        Map<String, BigDecimal> all = new LinkedHashMap<>(bases);
        DERIVED.forEach((name, formula) -> all.put(name, formula.evaluate(bases)));
        return all;
    }
}

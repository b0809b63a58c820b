package io.catalyst.core.metrics;

import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricDefinition.Format;
import io.catalyst.api.metrics.MetricDefinition.Kind;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.metrics.Formula;
import io.catalyst.metrics.MetricCatalogue;
import java.util.Locale;

/**
 * A company's own metric: a formula over the platform's metrics, such as {@code spend / (leads * 0.4)}. It may not
 * use other custom metrics, so there are no cycles to guard against and each one reads on its own.
 */
public record CustomMetric(String name, String label, String description, String formula, Format format,
                           boolean higherIsBetter) {

    static final String NAME = "[a-z][a-z0-9_]{1,39}";

    /** Checks every field; the formula is parsed against the platform's metrics. */
    public CustomMetric {
        if (name == null || !name.matches(NAME)) {
            throw new MetricsException("a metric's name is 2 to 40 lower-case letters, digits or _, starting with a"
                    + " letter");
        }
        if (MetricCatalogue.isPlatform(name)) {
            throw new MetricsException("'" + name + "' is one of the platform's metrics; choose another name");
        }
        if (label == null || label.isBlank() || label.length() > 80) {
            throw new MetricsException("a label of 1 to 80 characters is needed");
        }
        if (description != null && description.length() > 500) {
            throw new MetricsException("a description is at most 500 characters");
        }
        if (label.chars().anyMatch(Character::isISOControl)
                || description != null && description.chars().anyMatch(ch -> Character.isISOControl(ch)
                && ch != '\n')) {
            throw new MetricsException("the label and description may not hold control characters");
        }
        formula = compile(formula).text();
        format = format == null ? Format.DECIMAL : format;
        label = label.strip();
    }

    static Formula compile(String formula) {
        return Formula.parse(formula, MetricCatalogue::isPlatform);
    }

    static Format format(String value) {
        try {
            return value == null ? Format.DECIMAL : Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MetricsException("format is money, integer, decimal, percent or ratio");
        }
    }

    MetricDefinition definition() {
        return new MetricDefinition(name, label, description == null ? "Custom: " + formula
                : description + " (" + formula + ")", Kind.CUSTOM, format, formula, higherIsBetter);
    }
}

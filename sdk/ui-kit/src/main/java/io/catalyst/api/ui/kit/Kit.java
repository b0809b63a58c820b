package io.catalyst.api.ui.kit;

import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricDefinition.Format;
import io.catalyst.api.metrics.MetricDefinition.Kind;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What every kit component needs: the metric catalogue (labels, formats, whether a rise is good), the reporting
 * currency, the locale and the theme. Build one in {@code UiScreen.create(ctx)}:
 * {@code Kit.of(ctx.metrics().catalogue(), ctx.tenant().currency(), locale)}.
 */
public final class Kit implements Serializable {

    private final Map<String, MetricDefinition> definitions;
    private final String currency;
    private final Locale locale;
    private final KitTheme theme;

    private Kit(Map<String, MetricDefinition> definitions, String currency, Locale locale, KitTheme theme) {
        this.definitions = definitions;
        this.currency = currency;
        this.locale = Objects.requireNonNull(locale, "locale");
        this.theme = Objects.requireNonNull(theme, "theme");
    }

    public static Kit of(Collection<MetricDefinition> catalogue, String currency, Locale locale) {
        Map<String, MetricDefinition> byName = new LinkedHashMap<>();
        catalogue.forEach(d -> byName.put(d.name(), d));
        return new Kit(Map.copyOf(byName), currency, locale, KitTheme.DEFAULT);
    }

    public Kit withTheme(KitTheme other) {
        return new Kit(definitions, currency, locale, other);
    }

    /** The metric's definition; an unknown name gets a plain decimal one labelled with the name. */
    public MetricDefinition definition(String metric) {
        MetricDefinition d = definitions.get(metric);
        return d != null ? d : new MetricDefinition(metric, metric, "", Kind.CUSTOM, Format.DECIMAL, null, true);
    }

    public String label(String metric) {
        return definition(metric).label();
    }

    public Format format(String metric) {
        return definition(metric).format();
    }

    /** The tenant's reporting currency. */
    public String currency() {
        return currency;
    }

    public Locale locale() {
        return locale;
    }

    public KitTheme theme() {
        return theme;
    }

    /** Formats in the reporting currency. */
    public Formats formats() {
        return Formats.of(locale, currency);
    }

    /** Formats in a given currency (an answer's, or a row's when figures come per currency); null means reporting. */
    public Formats formats(String answerCurrency) {
        return Formats.of(locale, answerCurrency != null ? answerCurrency : currency);
    }
}

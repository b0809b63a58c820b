package io.catalyst.api.ui.kit;

import elemental.json.Json;
import elemental.json.JsonObject;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricDefinition.Format;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Shows figures as people read them, in one locale: money with the currency's symbol, fractions as percent, counts
 * with grouping, ROAS as a ratio ({@code 3.25×}). Missing values (a ratio without denominator) show as an en dash.
 */
public final class Formats implements Serializable {

    /** What a missing figure shows as. */
    public static final String MISSING = "–";

    private final Locale locale;
    private final String currency;

    private Formats(Locale locale, String currency) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.currency = currency;
    }

    /** @param currency ISO 4217 code of money figures, or null when unknown (money then shows without symbol) */
    public static Formats of(Locale locale, String currency) {
        return new Formats(locale, currency);
    }

    public Locale locale() {
        return locale;
    }

    public String currency() {
        return currency;
    }

    /** The same locale for money in another currency. */
    public Formats withCurrency(String code) {
        return new Formats(locale, code);
    }

    public String money(BigDecimal value) {
        if (value == null) {
            return MISSING;
        }
        if (currency == null) {
            return decimal(value);
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        Currency c = Currency.getInstance(currency);
        f.setCurrency(c);
        int digits = Math.max(0, c.getDefaultFractionDigits());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }

    /** A fraction as percent: 0.021 is "2.1%" (in English). */
    public String percent(BigDecimal fraction) {
        if (fraction == null) {
            return MISSING;
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(fraction);
    }

    public String integer(BigDecimal value) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat f = NumberFormat.getIntegerInstance(locale);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    /** At most two decimals: 12.5 stays "12.5". */
    public String decimal(BigDecimal value) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(2);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    /** A ratio such as ROAS: "3.25×". */
    public String ratio(BigDecimal value) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value) + "×";
    }

    public String format(Format format, BigDecimal value) {
        return switch (format) {
            case MONEY -> money(value);
            case INTEGER -> integer(value);
            case DECIMAL -> decimal(value);
            case PERCENT -> percent(value);
            case RATIO -> ratio(value);
        };
    }

    public String format(MetricDefinition metric, BigDecimal value) {
        return format(metric.format(), value);
    }

    /** A difference with its sign: "+€120.00", "−3", "+0.4 pp" for percent metrics (percentage points). */
    public String signed(Format format, BigDecimal delta) {
        if (delta == null) {
            return MISSING;
        }
        String sign = delta.signum() > 0 ? "+" : delta.signum() < 0 ? "−" : "±";
        if (format == Format.PERCENT) {
            return sign + decimalOne(delta.abs().movePointRight(2)) + " pp";
        }
        return sign + format(format, delta.abs());
    }

    /** A relative change with its sign: 0.125 is "+12.5%". */
    public String signedPercent(BigDecimal change) {
        if (change == null) {
            return MISSING;
        }
        String sign = change.signum() > 0 ? "+" : change.signum() < 0 ? "−" : "±";
        return sign + percent(change.abs());
    }

    private String decimalOne(BigDecimal value) {
        DecimalFormat f = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    /**
     * How the chart element formats an axis or tooltip value in the browser ({@code Intl.NumberFormat} options plus
     * the locale), as {@code catalyst-chart.js} reads it from {@code catalystFormat}.
     */
    public JsonObject chartFormat(Format format) {
        JsonObject o = Json.createObject();
        o.put("locale", locale.toLanguageTag());
        switch (format) {
            case MONEY -> {
                if (currency != null) {
                    o.put("style", "currency");
                    o.put("currency", currency);
                    o.put("maximumFractionDigits", 0);
                }
            }
            case PERCENT -> {
                o.put("style", "percent");
                o.put("maximumFractionDigits", 1);
            }
            case RATIO -> {
                o.put("maximumFractionDigits", 2);
                o.put("suffix", "×");
            }
            case INTEGER -> o.put("maximumFractionDigits", 0);
            case DECIMAL -> o.put("maximumFractionDigits", 2);
        }
        return o;
    }
}

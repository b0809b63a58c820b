package io.catalyst.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.metrics.MetricDefinition.Format;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats us = Formats.of(Locale.US, "EUR");

    @Test
    void moneyCarriesTheCurrencySymbolAndItsDecimals() {
        assertThat(us.money(new BigDecimal("1234.5"))).isEqualTo("€1,234.50");
        assertThat(Formats.of(Locale.US, "USD").money(new BigDecimal("-3"))).isIn("-$3.00", "($3.00)");
        assertThat(Formats.of(Locale.US, "JPY").money(new BigDecimal("1234.4"))).isEqualTo("¥1,234");
        assertThat(Formats.of(Locale.GERMANY, "EUR").money(new BigDecimal("1234.5")).replace('\u00a0', ' '))
                .isEqualTo("1.234,50 €");
    }

    @Test
    void percentTakesFractions() {
        assertThat(us.percent(new BigDecimal("0.021"))).isEqualTo("2.1%");
        assertThat(us.format(Format.PERCENT, new BigDecimal("0.12345"))).isEqualTo("12.3%");
    }

    @Test
    void integersRatiosAndDecimals() {
        assertThat(us.integer(new BigDecimal("1234567.6"))).isEqualTo("1,234,568");
        assertThat(us.ratio(new BigDecimal("3.256"))).isEqualTo("3.26×");
        assertThat(us.decimal(new BigDecimal("12.5"))).isEqualTo("12.5");
        assertThat(us.format(Format.DECIMAL, new BigDecimal("2"))).isEqualTo("2");
    }

    @Test
    void missingValuesShowAsADash() {
        for (Format f : Format.values()) {
            assertThat(us.format(f, null)).isEqualTo(Formats.MISSING);
        }
    }

    @Test
    void signedDifferencesAndChanges() {
        assertThat(us.signed(Format.MONEY, new BigDecimal("120"))).isEqualTo("+€120.00");
        assertThat(us.signed(Format.INTEGER, new BigDecimal("-3"))).isEqualTo("−3");
        assertThat(us.signed(Format.PERCENT, new BigDecimal("0.004"))).isEqualTo("+0.4 pp");
        assertThat(us.signedPercent(new BigDecimal("0.125"))).isEqualTo("+12.5%");
        assertThat(us.signedPercent(new BigDecimal("-0.5"))).isEqualTo("−50.0%");
        assertThat(us.signedPercent(BigDecimal.ZERO)).isEqualTo("±0.0%");
    }

    @Test
    void moneyWithoutCurrencyIsAPlainNumber() {
        assertThat(Formats.of(Locale.US, null).money(new BigDecimal("5.5"))).isEqualTo("5.5");
    }

    @Test
    void chartFormatTellsTheBrowserHowToFormat() {
        assertThat(us.chartFormat(Format.MONEY).toJson()).contains("\"style\":\"currency\"", "\"currency\":\"EUR\"",
                "\"locale\":\"en-US\"");
        assertThat(us.chartFormat(Format.PERCENT).getString("style")).isEqualTo("percent");
        assertThat(us.chartFormat(Format.RATIO).getString("suffix")).isEqualTo("×");
    }
}

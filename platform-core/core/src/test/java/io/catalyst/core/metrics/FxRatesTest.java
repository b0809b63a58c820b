package io.catalyst.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxRatesTest {

    @Test
    void theOperatorsFileIsReadWithCommentsAndLowerCaseCodes() throws Exception {
        List<FxRates.Rate> rates = FxRates.parse(new StringReader("# demo\ndate,currency,per_eur\n"
                + "2026-01-05,usd,1.0832\n\n2026-01-05,GBP, 0.8512 \n"));
        assertThat(rates).containsExactly(
                new FxRates.Rate("USD", LocalDate.parse("2026-01-05"), new java.math.BigDecimal("1.0832")),
                new FxRates.Rate("GBP", LocalDate.parse("2026-01-05"), new java.math.BigDecimal("0.8512")));
    }

    @Test
    void aMalformedLineFailsTheWholeFileNamingTheLine() {
        assertThatThrownBy(() -> FxRates.parse(new StringReader("date,currency,per_eur\n2026-01-05,USD,1.08\n"
                + "2026-01-06,USD,-1\n"))).hasMessageContaining("line 3").hasMessageContaining("above zero");
        assertThatThrownBy(() -> FxRates.parse(new StringReader("date,currency,per_eur\n2026-13-01,USD,1\n")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> FxRates.parse(new StringReader("date,currency,per_eur\n2026-01-01,DOLLAR,1\n")))
                .hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> FxRates.parse(new StringReader("date,currency,per_eur\n2026-01-01,USD,abc\n")))
                .hasMessageContaining("line 2");
    }

    @Test
    void theShippedDemoFileParses() throws Exception {
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("../../tenants/fx-rates.csv"))) {
            List<FxRates.Rate> rates = FxRates.parse(in);
            assertThat(rates).hasSizeGreaterThan(4000);
            assertThat(rates).extracting(FxRates.Rate::currency).contains("USD", "GBP", "JPY");
        }
    }
}

package io.catalyst.demodata;

import java.math.BigDecimal;

/** Figures of one entity on one day; sums are exact because money and conversions are BigDecimal of scale 2. */
final class Totals {

    BigDecimal spend = Money.ZERO;
    long impressions;
    long clicks;
    BigDecimal conversions = Money.ZERO;
    BigDecimal conversionValue = Money.ZERO;
    long leads;

    void add(Totals other) {
        spend = spend.add(other.spend);
        impressions += other.impressions;
        clicks += other.clicks;
        conversions = conversions.add(other.conversions);
        conversionValue = conversionValue.add(other.conversionValue);
        leads += other.leads;
    }

    /** Money and conversions as the warehouse holds them: two decimals. */
    static final class Money {
        static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

        private Money() {
        }

        static BigDecimal of(double value) {
            return BigDecimal.valueOf(Math.round(value * 100), 2);
        }
    }
}

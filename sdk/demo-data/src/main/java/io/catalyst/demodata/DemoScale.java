package io.catalyst.demodata;

/**
 * How much data a demo tenant gets.
 *
 * @param months              months of daily history ending today
 * @param campaignMultiplier  campaigns per channel are multiplied by this (benchmarks make big tenants with it)
 */
public record DemoScale(int months, int campaignMultiplier) {

    /** For unit tests: two months (so both incidents fall inside), the normal number of campaigns. */
    public static final DemoScale SMALL = new DemoScale(2, 1);
    /** The default: 13 months, so year-over-year comparisons have a full previous year. */
    public static final DemoScale DEMO = new DemoScale(13, 1);
    /** A big tenant: 13 months, three times the campaigns. */
    public static final DemoScale LARGE = new DemoScale(13, 3);

    public DemoScale {
        if (months < 2 || months > 36) {
            throw new IllegalArgumentException("months must be 2 to 36 (the incidents lie 40 days back): " + months);
        }
        if (campaignMultiplier < 1 || campaignMultiplier > 100) {
            throw new IllegalArgumentException("campaignMultiplier must be 1 to 100: " + campaignMultiplier);
        }
    }

    /** This scale with {@code factor} times the campaigns. */
    public DemoScale times(int factor) {
        return new DemoScale(months, campaignMultiplier * factor);
    }
}

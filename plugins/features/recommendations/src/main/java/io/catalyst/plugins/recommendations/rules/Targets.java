package io.catalyst.plugins.recommendations.rules;

/**
 * What the company aims for, each possibly null: from its goals (plugin API 0.8.0), else the plugin's settings.
 *
 * @param targetCpa          the CPA to stay under
 * @param monthlyBudget      the ad spend planned per month across channels
 * @param cpaSource          where the target CPA came from: {@code goals} or {@code setting}
 * @param zeroConversionSpend the spend without a conversion that counts as wasted; null: twice the target CPA
 */
public record Targets(Double targetCpa, String cpaSource, Double monthlyBudget, Double zeroConversionSpend) {

    public static final Targets NONE = new Targets(null, null, null, null);
}

package io.catalyst.plugins.recommendations.rules;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Reads what the rules need through the metrics layer, never warehouse tables: per channel its campaigns' and ad
 * sets' last {@value #CAMPAIGN_DAYS} days and its ads' last {@value #AD_DAYS} days (so a launch week can be found),
 * and every channel's daily spend since the month began (for pacing), all in one round.
 */
public final class Reader {

    static final int CAMPAIGN_DAYS = 35;
    static final int AD_DAYS = 90;
    static final int PACING_DAYS = 14;
    static final String[] BASES = {"spend", "impressions", "clicks", "conversions", "revenue"};

    /** What was read. */
    public record Figures(List<ChannelFigures> channels, Map<String, Series> spendByChannel, LocalDate yesterday,
                          String currency) {
    }

    private Reader() {
    }

    public static Figures read(Metrics metrics, Logger log) {
        LocalDate today = metrics.today();
        LocalDate y = today.minusDays(1);
        LocalDate adFrom = y.minusDays(AD_DAYS - 1);
        LocalDate campaignFrom = y.minusDays(CAMPAIGN_DAYS - 1);
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate pacingFrom = monthStart.isBefore(y.minusDays(PACING_DAYS - 1)) ? monthStart
                : y.minusDays(PACING_DAYS - 1);
        if (pacingFrom.isAfter(y)) {
            pacingFrom = y;
        }
        MetricsResult byChannel = metrics.query(MetricsQuery.of(new Period(adFrom, y), "spend")
                .by(Dimension.CHANNEL).build());
        List<String> channels = byChannel.rows().stream()
                .filter(r -> r.value("spend") != null && r.value("spend").signum() > 0)
                .map(r -> r.keys().get(0)).distinct().sorted().toList();
        List<MetricsQuery> queries = new ArrayList<>();
        queries.add(MetricsQuery.of(new Period(pacingFrom, y), "spend").by(Dimension.DATE, Dimension.CHANNEL)
                .limit(MetricsQuery.MAX_LIMIT).build());
        for (String channel : channels) {
            Filter only = Filter.equalTo(Dimension.CHANNEL, channel);
            queries.add(MetricsQuery.of(new Period(campaignFrom, y), BASES).by(Dimension.DATE, Dimension.CAMPAIGN)
                    .where(only).limit(MetricsQuery.MAX_LIMIT).build());
            queries.add(MetricsQuery.of(new Period(campaignFrom, y), BASES)
                    .by(Dimension.DATE, Dimension.CAMPAIGN, Dimension.AD_SET).where(only)
                    .limit(MetricsQuery.MAX_LIMIT).build());
            queries.add(MetricsQuery.of(new Period(adFrom, y), BASES)
                    .by(Dimension.DATE, Dimension.CAMPAIGN, Dimension.AD_SET, Dimension.AD).where(only)
                    .limit(MetricsQuery.MAX_LIMIT).build());
        }
        List<MetricsResult> answers = metrics.queryAll(queries);
        Map<String, Series> spend = new LinkedHashMap<>();
        for (MetricsResult.Row r : answers.get(0).rows()) {
            spend.computeIfAbsent(r.keys().get(1), k -> new Series(k, k, null, null, null))
                    .add(new Day(LocalDate.parse(r.keys().get(0)), num(r, "spend"), 0, 0, 0, 0));
        }
        List<ChannelFigures> out = new ArrayList<>();
        String currency = answers.get(0).currency();
        for (int i = 0; i < channels.size(); i++) {
            MetricsResult campaigns = answers.get(1 + 3 * i);
            MetricsResult adSets = answers.get(2 + 3 * i);
            MetricsResult ads = answers.get(3 + 3 * i);
            if (campaigns.currency() == null || adSets.currency() == null || ads.currency() == null) {
                log.warning("Recommendations skip " + channels.get(i) + ": its figures come in several currencies");
                continue;
            }
            for (MetricsResult r : List.of(campaigns, adSets, ads)) {
                if (r.rowCount() > r.rows().size()) {
                    log.warning("Recommendations read only " + r.rows().size() + " of " + r.rowCount()
                            + " rows of " + channels.get(i));
                }
            }
            out.add(new ChannelFigures(channels.get(i), adFrom, y, campaigns.currency(), series(campaigns, 1),
                    series(adSets, 2), series(ads, 3)));
        }
        return new Figures(out, spend, y, currency);
    }

    /** Series keyed by the row's last dimension; keys are (date, campaign[, ad set[, ad]]). */
    private static Map<String, Series> series(MetricsResult result, int depth) {
        Map<String, Series> out = new LinkedHashMap<>();
        for (MetricsResult.Row r : result.rows()) {
            String key = r.keys().get(depth);
            String parent = depth == 3 ? r.keys().get(2) : null;
            out.computeIfAbsent(key, k -> new Series(k, r.labels().get(depth), parent, r.keys().get(1),
                    r.labels().get(1))).add(new Day(LocalDate.parse(r.keys().get(0)), num(r, "spend"),
                    (long) num(r, "impressions"), (long) num(r, "clicks"), num(r, "conversions"),
                    num(r, "revenue")));
        }
        return out;
    }

    private static double num(MetricsResult.Row r, String metric) {
        BigDecimal v = r.value(metric);
        return v == null ? 0 : v.doubleValue();
    }
}

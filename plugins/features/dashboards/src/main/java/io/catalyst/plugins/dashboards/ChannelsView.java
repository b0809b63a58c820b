package io.catalyst.plugins.dashboards;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricsResult;
import java.util.List;

/** The platforms side by side: spend and results per channel, and how the spend moved between them. */
final class ChannelsView extends DashboardView {

    private static final long serialVersionUID = 1L;

    static final String[] METRICS = {"spend", "impressions", "clicks", "ctr", "cpc", "conversions", "cpa", "revenue",
        "roas"};

    ChannelsView(DashboardData data) {
        super("dashboards-channels", "Channels", data, List.of(Dimension.CHANNEL, Dimension.ACCOUNT,
                Dimension.CAMPAIGN, Dimension.STATUS));
        refresh();
    }

    @Override
    protected void render() {
        MetricsResult byChannel = ask(query(METRICS).by(Dimension.CHANNEL).sortBy("spend").build());
        if (isEmpty(byChannel)) {
            noData();
            return;
        }
        content.add(tiles(byChannel, null, "spend", "ctr", "cpc", "cpa", "roas"));
        content.add(pair(chart("Spend and revenue by channel", charts.bar(byChannel, "spend", "revenue")),
                chart("ROAS by channel", charts.bar(byChannel, "roas"))));
        MetricsResult mix = ask(query("spend").by(Dimension.DATE, Dimension.CHANNEL).grain(grain())
                .compare(Comparison.NONE).build());
        content.add(pair(chart("Spend by channel over time", charts.stackedBar(mix, "spend")),
                chart("From impression to conversion", charts.funnel(byChannel, "impressions", "clicks",
                        "conversions"))));
        content.add(section("Channels", grid("channels", byChannel)));
    }
}

package io.catalyst.plugins.dashboards;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricsResult;
import java.util.List;

/** The simple view a client owner wants: six key figures, where the money went, and the best campaigns. */
final class OverviewView extends DashboardView {

    private static final long serialVersionUID = 1L;

    static final String[] METRICS = {"spend", "revenue", "roas", "leads", "cpl", "conversions"};
    static final int TOP = 5;

    OverviewView(DashboardData data) {
        super("dashboards-overview", "Overview", data, List.of(Dimension.CHANNEL, Dimension.ACCOUNT,
                Dimension.CAMPAIGN, Dimension.STATUS));
        refresh();
    }

    @Override
    protected void render() {
        MetricsResult byDate = ask(query(METRICS).by(Dimension.DATE).grain(grain()).build());
        if (isEmpty(byDate)) {
            noData();
            return;
        }
        content.add(tiles(byDate, byDate, METRICS));
        MetricsResult channels = ask(query("spend", "revenue").by(Dimension.CHANNEL).compare(Comparison.NONE)
                .sortBy("spend").build());
        MetricsResult campaigns = ask(query("spend", "revenue", "roas", "conversions").by(Dimension.CAMPAIGN)
                .sortBy("revenue").limit(TOP).build());
        content.add(pair(chart("Spend by channel", charts.donut(channels, "spend")),
                section("Top campaigns by revenue", grid("top-campaigns", campaigns))));
    }
}

package io.catalyst.plugins.dashboards;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Grain;
import io.catalyst.api.metrics.MetricsResult;
import java.util.List;

/** Growth: spend, revenue, leads, ROAS and CPA (CAC) over time, period over period. */
final class GrowthView extends DashboardView {

    private static final long serialVersionUID = 1L;

    static final String[] METRICS = {"spend", "revenue", "leads", "roas", "cpa"};

    GrowthView(DashboardData data) {
        super("dashboards-growth", "Growth", data, List.of(Dimension.CHANNEL, Dimension.ACCOUNT, Dimension.CAMPAIGN,
                Dimension.STATUS));
        refresh();
    }

    @Override
    protected void render() {
        MetricsResult byDate = ask(query("spend", "revenue", "leads", "conversions", "roas", "cpa")
                .by(Dimension.DATE).grain(grain()).build());
        if (isEmpty(byDate)) {
            noData();
            return;
        }
        content.add(tiles(byDate, byDate, METRICS));
        content.add(chart("Spend and revenue", charts.area(byDate, "spend", "revenue")));
        content.add(pair(chart("Leads", charts.line(byDate, "leads")),
                chart("ROAS and cost per acquisition (CAC)", charts.line(byDate, "roas", "cpa"))));
        if (grain() == Grain.DAY) {
            content.add(chart("Revenue by weekday", charts.weekdayHeatmap(byDate, "revenue")));
        }
        content.add(section("By " + grain().name().toLowerCase(java.util.Locale.ROOT), grid("growth", byDate)));
    }
}

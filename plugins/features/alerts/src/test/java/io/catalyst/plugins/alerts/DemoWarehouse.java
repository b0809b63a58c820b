package io.catalyst.plugins.alerts;

import io.catalyst.demodata.DemoData;
import io.catalyst.sdk.testkit.FakeMetrics;
import java.time.LocalDate;

/** Fills the testkit's warehouse with the demo generator's output: every channel is a source, as a real sync loads. */
final class DemoWarehouse {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private DemoWarehouse() {
    }

    /** The starter CPA rule's name: twice the company's 90-day CPA, rounded up, as the data says. */
    static String cpaStarterName(io.catalyst.api.metrics.Metrics metrics) {
        java.math.BigDecimal cpa = metrics.query(io.catalyst.api.metrics.MetricsQuery.of(
                io.catalyst.api.metrics.Period.preset("last_90_days", TODAY), "cpa").build()).total().orElseThrow()
                .value("cpa");
        return "CPA above " + (long) Math.ceil(cpa.doubleValue() * 2) + " per campaign (7 days)";
    }

    /** The last {@code days} days up to yesterday, and the entities. */
    static DemoData fill(FakeMetrics metrics, int days) {
        DemoData demo = DemoData.of("acme", TODAY);
        metrics.today(TODAY);
        for (String channel : DemoData.CHANNELS) {
            demo.entities(channel, e -> metrics.add(channel, e));
            demo.insights(channel, TODAY.minusDays(days), TODAY.minusDays(1), i -> metrics.add(channel, i));
        }
        return demo;
    }
}

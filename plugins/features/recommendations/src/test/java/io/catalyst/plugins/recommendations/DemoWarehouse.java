package io.catalyst.plugins.recommendations;

import io.catalyst.demodata.DemoData;
import io.catalyst.sdk.testkit.FakeMetrics;
import java.time.LocalDate;

/** Fills the testkit's warehouse with the demo generator's output, every channel a source, as a real sync loads. */
final class DemoWarehouse {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private DemoWarehouse() {
    }

    /** The last {@code days} days up to yesterday, and the entities. */
    static DemoData fill(FakeMetrics metrics, String tenantKey, LocalDate today, int days) {
        DemoData demo = DemoData.of(tenantKey, today);
        metrics.today(today);
        for (String channel : DemoData.CHANNELS) {
            demo.entities(channel, e -> metrics.add(channel, e));
            demo.insights(channel, today.minusDays(days), today.minusDays(1), i -> metrics.add(channel, i));
        }
        return demo;
    }
}

package io.catalyst.ui.system;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import elemental.json.JsonObject;
import io.catalyst.ui.KaribuTest;
import io.catalyst.api.ui.kit.Chart;
import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.Test;

class SystemViewTest extends KaribuTest {

    @Test
    void memoryOptionChartsUsedAndCommittedInMiB() {
        MemoryUsage heap = new MemoryUsage(0, 64L << 20, 128L << 20, 512L << 20);
        MemoryUsage nonHeap = new MemoryUsage(0, 32L << 20, 40L << 20, -1);

        JsonObject option = SystemView.memoryOption(heap, nonHeap);

        assertThat(option.getObject("xAxis").getArray("data").toJson()).isEqualTo("[\"Heap\",\"Non-heap\"]");
        assertThat(option.getArray("series").getObject(0).getString("name")).isEqualTo("Used");
        assertThat(option.getArray("series").getObject(0).getArray("data").toJson()).isEqualTo("[64,32]");
        assertThat(option.getArray("series").getObject(1).getArray("data").toJson()).isEqualTo("[128,40]");
    }

    @Test
    void screenShowsAChartWithLiveFigures() {
        UI.getCurrent().navigate("system");

        Chart chart = _get(Chart.class, s -> s.withId("memory-chart"));
        assertThat(chart.getOption().getArray("series").getObject(0).getArray("data").getNumber(0)).isPositive();

        _click(_get(Button.class, s -> s.withText("Refresh")));
        assertThat(chart.getOption()).isNotNull();
    }
}

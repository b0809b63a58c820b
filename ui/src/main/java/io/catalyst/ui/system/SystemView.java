package io.catalyst.ui.system;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginApi;
import io.catalyst.core.system.CatalystVersion;
import io.catalyst.api.ui.kit.Chart;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;

/**
 * What this node runs and how much memory it uses. It has no {@code @Route}: {@link SystemScreen} adds it to the shell
 * at runtime.
 */
public class SystemView extends Div implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final Chart memory = new Chart();

    public SystemView() {
        addClassName("screen");
        setId("system");

        FlexLayout facts = new FlexLayout(
                fact("Catalyst", CatalystVersion.current()),
                fact("Plugin API", PluginApi.VERSION),
                fact("Java", Runtime.version().toString()),
                fact("Uptime", uptime()),
                fact("Processors", String.valueOf(Runtime.getRuntime().availableProcessors())));
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.getStyle().set("gap", "var(--lumo-space-m)");

        memory.setId("memory-chart");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> showMemory());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        showMemory();

        add(new H2("System"), facts, new H3("Memory (MiB)"), refresh, memory);
    }

    @Override
    public String getPageTitle() {
        return "System · Catalyst";
    }

    private void showMemory() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        memory.setOption(memoryOption(heap, nonHeap));
    }

    /** A grouped bar chart: used and committed memory, for the heap and outside it. */
    static JsonObject memoryOption(MemoryUsage heap, MemoryUsage nonHeap) {
        JsonObject option = Json.createObject();
        option.put("tooltip", Json.createObject());
        JsonObject legend = Json.createObject();
        legend.put("top", 0);
        option.put("legend", legend);

        JsonObject xAxis = Json.createObject();
        xAxis.put("type", "category");
        xAxis.put("data", array("Heap", "Non-heap"));
        option.put("xAxis", xAxis);
        JsonObject yAxis = Json.createObject();
        yAxis.put("type", "value");
        option.put("yAxis", yAxis);

        JsonArray series = Json.createArray();
        series.set(0, bars("Used", mib(heap.getUsed()), mib(nonHeap.getUsed())));
        series.set(1, bars("Committed", mib(heap.getCommitted()), mib(nonHeap.getCommitted())));
        option.put("series", series);
        return option;
    }

    private static JsonObject bars(String name, double heap, double nonHeap) {
        JsonObject bars = Json.createObject();
        bars.put("name", name);
        bars.put("type", "bar");
        JsonArray data = Json.createArray();
        data.set(0, heap);
        data.set(1, nonHeap);
        bars.put("data", data);
        return bars;
    }

    private static JsonArray array(String... values) {
        JsonArray array = Json.createArray();
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    private static double mib(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }

    private static String uptime() {
        Duration up = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        return up.toHours() + " h " + up.toMinutesPart() + " min";
    }

    private static Div fact(String label, String value) {
        Span name = new Span(label);
        name.addClassNames("text-secondary", "text-s");
        Span text = new Span(value);
        text.addClassName("font-semibold");
        Div fact = new Div(name, new Div(text));
        fact.addClassName("card");
        return fact;
    }
}

package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.JsonObject;

/**
 * A chart drawn by Apache ECharts in the browser. The server sends an ECharts option object
 * (https://echarts.apache.org/en/option.html), usually made by {@link ChartOptions}; the browser draws it as SVG and
 * redraws on resize. Axis labels and tooltips carrying {@code catalystFormat} ({@link Formats#chartFormat}) are
 * formatted in the browser with {@code Intl.NumberFormat}. Vaadin's own chart component is paid, so this thin
 * wrapper stands in for it.
 */
@Tag("catalyst-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./components/catalyst-chart.js")
public class Chart extends Component implements HasSize {

    private static final long serialVersionUID = 1L;

    public Chart() {
        setWidthFull();
        setHeight("320px");
        getElement().getStyle().set("min-width", "0");
    }

    public Chart(JsonObject option) {
        this();
        setOption(option);
    }

    /** A tiny chart without axes for a KPI tile. */
    public static Chart sparkline(JsonObject option) {
        Chart chart = new Chart(option);
        chart.setHeight("40px");
        chart.addClassName("catalyst-sparkline");
        return chart;
    }

    /** Replaces what the chart shows. */
    public void setOption(JsonObject option) {
        getElement().setPropertyJson("option", option);
    }

    public JsonObject getOption() {
        return (JsonObject) getElement().getPropertyRaw("option");
    }
}

package io.catalyst.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.JsonObject;

/**
 * A chart drawn by Apache ECharts in the browser. The server sends an ECharts option object
 * (https://echarts.apache.org/en/option.html); the browser draws it as SVG and redraws on resize. Vaadin's own
 * chart component is paid, so this thin wrapper stands in for it.
 */
@Tag("catalyst-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./components/catalyst-chart.js")
public class EChart extends Component implements HasSize {

    private static final long serialVersionUID = 1L;

    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    /** Replaces what the chart shows. */
    public void setOption(JsonObject option) {
        getElement().setPropertyJson("option", option);
    }

    public JsonObject getOption() {
        return (JsonObject) getElement().getPropertyRaw("option");
    }
}

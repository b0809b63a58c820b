package io.catalyst.plugins.tasks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import io.catalyst.api.PluginContext;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricDefinition.Format;
import io.catalyst.api.metrics.MetricDefinition.Kind;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.Chart;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.api.ui.kit.Kit;
import io.catalyst.api.ui.kit.KpiTile;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.pf4j.Extension;

/** How the team keeps up: created and completed per week, cycle times, lateness, and per assignee. */
@Extension
public class TaskAnalyticsScreen implements UiScreen {

    /** The figures of the tiles, described once for the UI kit. */
    static final List<MetricDefinition> FIGURES = List.of(
            new MetricDefinition("open", "Open tasks", "Tasks not done or cancelled", Kind.CUSTOM, Format.INTEGER,
                    null, false),
            new MetricDefinition("done", "Done", "Tasks done in the weeks shown", Kind.CUSTOM, Format.INTEGER, null,
                    true),
            new MetricDefinition("median-cycle", "Median cycle time (h)", "Hours from creation to done, the middle"
                    + " task", Kind.CUSTOM, Format.DECIMAL, null, false),
            new MetricDefinition("p90-cycle", "90th percentile cycle time (h)", "Nine in ten tasks were done"
                    + " within this many hours", Kind.CUSTOM, Format.DECIMAL, null, false),
            new MetricDefinition("overdue-rate", "Overdue rate", "Of the tasks with a due date, open or done in the"
                    + " weeks shown: the share open past it or done after it", Kind.CUSTOM, Format.PERCENT, null,
                    false));

    @Override
    public String route() {
        return "analytics";
    }

    @Override
    public String title() {
        return "Task analytics";
    }

    @Override
    public String navIcon() {
        return "vaadin:chart-timeline";
    }

    @Override
    public String requiredPermission() {
        return Tasks.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        return new AnalyticsView(ctx);
    }

    /** The screen, with the number of weeks to look back. */
    static class AnalyticsView extends Div {
        private static final long serialVersionUID = 1L;

        private final transient PluginContext ctx;
        private final Kit kit;
        final Select<Integer> weeks = new Select<>();
        private final Div content = new Div();

        AnalyticsView(PluginContext ctx) {
            this.ctx = ctx;
            this.kit = Kit.of(FIGURES, ctx.tenant().currency(), Locale.ENGLISH);
            setId("task-analytics");
            getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m, 1rem)")
                    .set("width", "100%").set("box-sizing", "border-box");
            H2 heading = new H2("Task analytics");
            heading.getStyle().set("margin", "0");
            weeks.setLabel("Weeks");
            weeks.setItems(4, 8, 12, 26, 52);
            weeks.setItemLabelGenerator(w -> "Last " + w + " weeks");
            weeks.setValue(12);
            weeks.addValueChangeListener(e -> refresh());
            content.getStyle().set("display", "flex").set("flex-direction", "column")
                    .set("gap", "var(--lumo-space-m, 1rem)");
            add(TaskUi.wrapRow(new Div(heading, weeks)), content);
            refresh();
        }

        void refresh() {
            content.removeAll();
            TaskAnalytics.Report r = TasksApi.Analytics.report(ctx, weeks.getValue());
            if (r.open() == 0 && r.done() == 0 && r.weeks().stream().allMatch(w -> w.created() == 0)) {
                content.add(new EmptyState(VaadinIcon.CHART, "No tasks yet",
                        "Figures appear once tasks are created and done."));
                return;
            }
            content.add(KpiTile.row(tile("open", BigDecimal.valueOf(r.open())),
                    tile("done", BigDecimal.valueOf(r.done())), tile("median-cycle", hours(r.medianCycle())),
                    tile("p90-cycle", hours(r.p90Cycle())),
                    tile("overdue-rate", BigDecimal.valueOf(r.overdueRate()))));
            Chart chart = new Chart(weekly(r));
            chart.setId("tasks-per-week");
            chart.setWidthFull();
            chart.setHeight("320px");
            content.add(new H3("Created and completed per week"), chart, new H3("Per assignee"), people(r));
        }

        private KpiTile tile(String metric, BigDecimal value) {
            return new KpiTile(kit, metric).show(value, null, false, ctx.tenant().currency());
        }

        private static BigDecimal hours(Duration d) {
            return d == null ? null : BigDecimal.valueOf(d.toMinutes()).divide(BigDecimal.valueOf(60), 1,
                    RoundingMode.HALF_UP);
        }

        /** An ECharts bar chart of the weeks, as the kit's Chart takes it. */
        static elemental.json.JsonObject weekly(TaskAnalytics.Report r) {
            JsonArrayBuilder labels = Json.createArrayBuilder();
            JsonArrayBuilder created = Json.createArrayBuilder();
            JsonArrayBuilder completed = Json.createArrayBuilder();
            r.weeks().forEach(w -> {
                labels.add(w.monday().toString());
                created.add(w.created());
                completed.add(w.completed());
            });
            String option = Json.createObjectBuilder()
                    .add("tooltip", Json.createObjectBuilder().add("trigger", "axis"))
                    .add("legend", Json.createObjectBuilder().add("bottom", 0))
                    .add("grid", Json.createObjectBuilder().add("left", 40).add("right", 16).add("top", 16)
                            .add("bottom", 56))
                    .add("xAxis", Json.createObjectBuilder().add("type", "category").add("data", labels))
                    .add("yAxis", Json.createObjectBuilder().add("type", "value").add("minInterval", 1))
                    .add("series", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("name", "Created").add("type", "bar")
                                    .add("data", created))
                            .add(Json.createObjectBuilder().add("name", "Completed").add("type", "bar")
                                    .add("data", completed)))
                    .build().toString();
            return elemental.json.Json.parse(option);
        }

        private Grid<TaskAnalytics.PerAssignee> people(TaskAnalytics.Report r) {
            Map<UUID, String> names = TaskUi.names(ctx);
            Grid<TaskAnalytics.PerAssignee> grid = new Grid<>();
            grid.setId("tasks-per-assignee");
            grid.setAllRowsVisible(true);
            grid.addColumn(p -> p.assignee() == null ? "Unassigned" : names.getOrDefault(p.assignee(),
                    "Former member")).setHeader("Assignee").setFlexGrow(2);
            grid.addColumn(TaskAnalytics.PerAssignee::open).setHeader("Open");
            grid.addColumn(TaskAnalytics.PerAssignee::done).setHeader("Done");
            grid.addColumn(TaskAnalytics.PerAssignee::overdue).setHeader("Overdue");
            grid.addColumn(p -> p.medianCycle() == null ? "–" : hours(p.medianCycle()) + " h")
                    .setHeader("Median cycle");
            grid.setItems(r.assignees());
            return grid;
        }
    }
}

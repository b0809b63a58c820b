package io.catalyst.plugins.dashboards;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.function.SerializableConsumer;
import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.Grain;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.ui.kit.Chart;
import io.catalyst.api.ui.kit.ChartOptions;
import io.catalyst.api.ui.kit.Downloads;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.api.ui.kit.FilterBar;
import io.catalyst.api.ui.kit.Kit;
import io.catalyst.api.ui.kit.KpiTile;
import io.catalyst.api.ui.kit.MetricsGrid;
import io.catalyst.api.ui.kit.PdfReport;
import io.catalyst.api.ui.kit.PeriodPicker;
import io.catalyst.api.ui.kit.ScreenState;
import io.catalyst.api.ui.kit.ViewState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A dashboard: a title, the period picker (with compare), the filter bar, and content drawn from the metrics layer.
 * Changing the period or a filter draws the content again. A period without figures shows an empty state that says
 * what to do; a failed question shows what went wrong instead of breaking the screen.
 */
abstract class DashboardView extends Div {

    private static final long serialVersionUID = 1L;

    protected final DashboardData data;
    protected final Kit kit;
    protected final ChartOptions charts;
    protected final PeriodPicker picker;
    protected final FilterBar filterBar;
    protected final Div content = new Div();
    private final List<KpiTile> tiles = new ArrayList<>();
    private final List<MetricsGrid> grids = new ArrayList<>();
    private final List<Chart> chartList = new ArrayList<>();
    private EmptyState emptyState;
    private int queries;
    /** What the PDF of the current content holds, recorded as the content is drawn. */
    private final List<SerializableConsumer<PdfReport>> report = new ArrayList<>();
    private final String title;

    DashboardView(String id, String title, DashboardData data, List<Dimension> filterDimensions) {
        this.data = data;
        this.kit = data.kit();
        this.charts = new ChartOptions(kit);
        setId(id);
        addClassName("catalyst-dashboard");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m, 1rem)")
                .set("width", "100%").set("max-width", "100%").set("box-sizing", "border-box").set("min-width", "0");
        this.title = title;
        H2 heading = new H2(title);
        heading.getStyle().set("margin", "0");
        // the dashboard as a PDF, drawn on the server from the answers on screen when the link is clicked
        Anchor pdf = Downloads.link(id.replace("dashboards-", "") + ".pdf", "PDF", "application/pdf", this::pdf);
        pdf.addClassName("catalyst-pdf");
        Div top = new Div(heading, pdf);
        top.getStyle().set("display", "flex").set("justify-content", "space-between").set("align-items", "center")
                .set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s, .5rem)");
        ViewState start = data.initial();
        picker = new PeriodPicker(data.today(), start.preset() == null ? PeriodPicker.CUSTOM : start.preset(),
                start.comparison() == Comparison.CUSTOM ? Comparison.PREVIOUS_PERIOD : start.comparison());
        if (start.preset() == null) {
            picker.setRange(start.period().from(), start.period().to());
        }
        if (start.comparePeriod() != null) {
            picker.setComparePeriod(start.comparePeriod());
        }
        filterBar = new FilterBar(filterDimensions);
        filterBar.setFilters(start.filters().stream().filter(f -> filterDimensions.contains(f.dimension()))
                .toList());
        content.getStyle().set("display", "flex").set("flex-direction", "column")
                .set("gap", "var(--lumo-space-l, 1.5rem)").set("width", "100%").set("min-width", "0");
        add(top, picker, filterBar, content);
        picker.addChangeListener((period, comparison) -> {
            publish();
            refresh();
        });
        filterBar.addChangeListener(filters -> {
            publish();
            refresh();
        });
    }

    /** Draws the content for the current period, comparison and filters. */
    final void refresh() {
        content.removeAll();
        tiles.clear();
        grids.clear();
        chartList.clear();
        report.clear();
        emptyState = null;
        try {
            render();
        } catch (MetricsException | SecurityException e) {
            content.removeAll();
            show(new EmptyState(VaadinIcon.WARNING, "The figures could not be loaded", e.getMessage()
                    + ". Try another period or remove a filter."));
        }
    }

    /** What the screen shows now, as an address can carry it. */
    ViewState state() {
        String preset = PeriodPicker.CUSTOM.equals(picker.getPreset()) ? null : picker.getPreset();
        return new ViewState(preset, period(), comparison(), picker.getComparePeriod(), filters());
    }

    // the address follows the screen, so a bookmark or the assistant beside it sees what the user sees
    private void publish() {
        ScreenState.publish(state().toParameters());
    }

    /** Adds this screen's tiles, charts and grids to {@link #content}; may call {@link #noData()} instead. */
    protected abstract void render();

    // ---- helpers for the screens ----------------------------------------------------------------------------------

    /** A question for the current period, comparison and filters. */
    protected MetricsQuery.Builder query(String... metrics) {
        MetricsQuery.Builder q = MetricsQuery.of(period(), metrics);
        if (comparison() == Comparison.CUSTOM) {
            q.compareWith(picker.getComparePeriod());
        } else {
            q.compare(comparison());
        }
        filters().forEach(q::where);
        return q;
    }

    protected MetricsResult ask(MetricsQuery query) {
        queries++;
        return data.query(query);
    }

    /** Days for up to two months, weeks up to a bit over a year, months beyond. */
    protected Grain grain() {
        long days = period().days();
        return days <= 62 ? Grain.DAY : days <= 400 ? Grain.WEEK : Grain.MONTH;
    }

    protected Period period() {
        return picker.getPeriod();
    }

    protected Comparison comparison() {
        return picker.getComparison();
    }

    protected List<Filter> filters() {
        return filterBar.getFilters();
    }

    /** Whether an answer holds no figures at all (every total missing or zero). */
    protected static boolean isEmpty(MetricsResult result) {
        return result.rows().isEmpty() || result.totals().stream().allMatch(t -> t.values().values().stream()
                .allMatch(v -> v == null || v.signum() == 0));
    }

    /** Shows the empty state for a period without figures. */
    protected void noData() {
        content.removeAll();
        String text = filters().isEmpty()
                ? "There are no figures from " + period().from() + " to " + period().to() + ". Choose a longer period,"
                        + " or connect a data source under Integrations so Catalyst can sync your ad platforms."
                : "No figures match the filters from " + period().from() + " to " + period().to()
                        + ". Remove a filter or choose a longer period.";
        show(new EmptyState(VaadinIcon.CHART, "No data in this period", text));
    }

    private void show(EmptyState state) {
        emptyState = state;
        content.add(state);
    }

    protected Div tiles(MetricsResult totals, MetricsResult byDate, String... metrics) {
        List<Component> row = new ArrayList<>();
        for (String m : metrics) {
            KpiTile tile = KpiTile.of(kit, totals, m);
            if (byDate != null) {
                tile.sparkline(byDate);
            }
            tiles.add(tile);
            row.add(tile);
        }
        List<String> shown = List.of(metrics);
        report.add(r -> r.kpis(totals, shown));
        if (byDate != null && !byDate.dimensions().isEmpty() && byDate.dimensions().get(0) == Dimension.DATE) {
            report.add(r -> r.lineChart("Over time", byDate, shown.subList(0, Math.min(2, shown.size()))));
        }
        return KpiTile.row(row.toArray(Component[]::new));
    }

    protected Component chart(String title, elemental.json.JsonObject option) {
        Chart chart = new Chart(option);
        chartList.add(chart);
        return section(title, chart);
    }

    protected MetricsGrid grid(String exportName, MetricsResult result) {
        MetricsGrid grid = new MetricsGrid(kit, exportName);
        grid.setResult(result);
        grids.add(grid);
        String heading = Character.toUpperCase(exportName.charAt(0)) + exportName.substring(1).replace('-', ' ');
        report.add(r -> r.table(heading, result));
        return grid;
    }

    protected static Div section(String title, Component... parts) {
        H3 h = new H3(title);
        h.getStyle().set("margin", "0 0 var(--lumo-space-s, .5rem)").set("font-size", "var(--lumo-font-size-l)");
        Div d = new Div(h);
        d.add(parts);
        d.addClassName("catalyst-dashboard-section");
        d.getStyle().set("width", "100%").set("min-width", "0");
        return d;
    }

    /** Two charts side by side on wide screens, stacked on phones. */
    protected static Div pair(Component a, Component b) {
        Div row = new Div(a, b);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l, 1.5rem)")
                .set("width", "100%");
        for (Component c : List.of(a, b)) {
            c.getElement().getStyle().set("flex", "1 1 320px").set("min-width", "0");
        }
        return row;
    }

    /** A copy of an answer keeping its first rows (charts stay readable; grids keep all). */
    protected static MetricsResult top(MetricsResult r, int n) {
        return new MetricsResult(r.metrics(), r.dimensions(), r.currency(), r.period(), r.comparePeriod(),
                r.rows().subList(0, Math.min(n, r.rows().size())), r.totals(), r.rowCount(), r.notes());
    }

    protected static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The PDF of what the screen shows now. */
    byte[] pdf() {
        String compared = switch (picker.getComparison()) {
            case NONE -> "";
            case CUSTOM -> ", compared with " + picker.getComparePeriod().from() + " to "
                    + picker.getComparePeriod().to();
            default -> ", compared with the " + picker.getComparison().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ');
        };
        PdfReport pdf = PdfReport.of(kit, title, data.tenantName() + " · " + period().from() + " to "
                + period().to() + compared + (filters().isEmpty() ? "" : " · filtered"));
        report.forEach(section -> section.accept(pdf));
        return pdf.render();
    }

    // ---- what tests and the lead's browser tests look at ----------------------------------------------------------

    PeriodPicker picker() {
        return picker;
    }

    FilterBar filterBar() {
        return filterBar;
    }

    List<KpiTile> tiles() {
        return List.copyOf(tiles);
    }

    KpiTile tile(String metric) {
        return tiles.stream().filter(t -> t.getMetric().equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tile for " + metric));
    }

    List<MetricsGrid> grids() {
        return List.copyOf(grids);
    }

    List<Chart> charts() {
        return List.copyOf(chartList);
    }

    /** The empty state shown, or null when figures are shown. */
    EmptyState emptyState() {
        return emptyState;
    }

    /** How many questions the screen asked so far. */
    int queries() {
        return queries;
    }
}

package io.catalyst.plugins.dashboards;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import io.catalyst.api.ui.kit.MetricsGrid;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Campaigns, then a campaign's ad sets, then an ad set's ads: a click on a row goes one level deeper (filtered by
 * that row's key), the breadcrumbs go back. Each level shows the provider's status.
 */
final class CampaignsView extends DashboardView {

    private static final long serialVersionUID = 1L;

    static final List<Dimension> LEVELS = List.of(Dimension.CAMPAIGN, Dimension.AD_SET, Dimension.AD);
    static final String[] METRICS = {"spend", "impressions", "clicks", "ctr", "conversions", "cpa", "revenue",
        "roas"};

    /** One step of the drill-down: the level left and the row chosen there. */
    record Crumb(Dimension level, String key, String label) implements Serializable {
    }

    private final List<Crumb> path = new ArrayList<>();
    private final Div breadcrumbs = new Div();

    CampaignsView(DashboardData data) {
        super("dashboards-campaigns", "Campaigns", data, List.of(Dimension.CHANNEL, Dimension.ACCOUNT,
                Dimension.STATUS));
        breadcrumbs.addClassName("catalyst-breadcrumbs");
        breadcrumbs.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)")
                .set("align-items", "center");
        addComponentAtIndex(getComponentCount() - 1, breadcrumbs);
        refresh();
    }

    /** The level shown now. */
    Dimension level() {
        return LEVELS.get(path.size());
    }

    List<Crumb> path() {
        return List.copyOf(path);
    }

    /** Goes one level deeper into a row of the current level; rows of the deepest level (ads) go nowhere. */
    void drillInto(Row row) {
        if (path.size() + 1 >= LEVELS.size()) {
            return;
        }
        path.add(new Crumb(level(), row.keys().get(0), row.labels().get(0)));
        refresh();
    }

    /** Goes back to a depth: 0 is all campaigns. */
    void back(int depth) {
        while (path.size() > depth) {
            path.remove(path.size() - 1);
        }
        refresh();
    }

    /** The breadcrumbs' texts, e.g. [All campaigns, Summer Sale, Lookalike]. */
    List<String> breadcrumbTexts() {
        List<String> out = new ArrayList<>();
        out.add("All campaigns");
        path.forEach(c -> out.add(c.label()));
        return out;
    }

    private void renderBreadcrumbs() {
        breadcrumbs.removeAll();
        List<String> texts = breadcrumbTexts();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                breadcrumbs.add(new Span("›"));
            }
            if (i == texts.size() - 1) {
                Span here = new Span(texts.get(i));
                here.getStyle().set("font-weight", "600");
                breadcrumbs.add(here);
            } else {
                int depth = i;
                Button link = new Button(texts.get(i), e -> back(depth));
                link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                breadcrumbs.add(link);
            }
        }
    }

    @Override
    protected void render() {
        renderBreadcrumbs();
        MetricsQuery.Builder q = query(METRICS).by(level(), Dimension.STATUS).sortBy("spend");
        if (!path.isEmpty()) {
            Crumb parent = path.get(path.size() - 1);
            q.where(Filter.equalTo(parent.level(), parent.key()));
        }
        MetricsResult result = ask(q.build());
        if (isEmpty(result)) {
            noData();
            return;
        }
        content.add(tiles(result, null, "spend", "conversions", "cpa", "roas"));
        String levelName = MetricsGrid.dimensionLabel(level()).toLowerCase(java.util.Locale.ROOT) + "s";
        content.add(chart("Spend and revenue by " + MetricsGrid.dimensionLabel(level()).toLowerCase(
                java.util.Locale.ROOT) + " (top 10)", charts.bar(top(result, 10), "spend", "revenue")));
        String exportName = path.isEmpty() ? "campaigns" : levelName.replace(' ', '-') + "-"
                + path.get(path.size() - 1).label();
        MetricsGrid grid = grid(exportName, result);
        if (path.size() + 1 < LEVELS.size()) {
            grid.addRowClickListener(this::drillInto);
        }
        String title = path.isEmpty() ? "Campaigns" : Character.toUpperCase(levelName.charAt(0))
                + levelName.substring(1) + " of " + path.get(path.size() - 1).label();
        content.add(section(title + (path.size() + 1 < LEVELS.size() ? " (click a row to see its "
                + MetricsGrid.dimensionLabel(LEVELS.get(path.size() + 1)).toLowerCase(java.util.Locale.ROOT)
                + "s)" : ""), grid));
    }
}

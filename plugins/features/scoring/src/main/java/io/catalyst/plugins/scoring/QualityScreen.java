package io.catalyst.plugins.scoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Data quality of the last 30 days' leads by where they came from: what is missing, wrong or twice. */
@Extension
public class QualityScreen implements UiScreen {

    @Override
    public String route() {
        return "quality";
    }

    @Override
    public String title() {
        return "Lead quality";
    }

    @Override
    public String navIcon() {
        return "vaadin:check-square-o";
    }

    @Override
    public String requiredPermission() {
        return ScoringExtensions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        Div screen = ScoringUi.screen("scoring-quality-screen");
        screen.add(new H2("Lead quality"));
        screen.add(new Paragraph("The leads of the last 30 days by where they came from. A lead's quality is 100 less"
                + " what is wrong with its data: an address that is not one (−40), a throwaway one (−30), a shared"
                + " inbox (−10), no name (−15), no company (−10), a phone number that is not one (−15), no job title"
                + " (−5); a missing phone costs nothing, as many forms never ask for one. Poor is below " + Quality.POOR
                + ". When a quarter of a source's leads in a week are poor, the analysts get a task."));
        List<Map<String, Object>> rows = Leads.qualityBySource(ctx, Instant.now().minus(Duration.ofDays(30)));
        if (rows.isEmpty()) {
            screen.add(new EmptyState(VaadinIcon.CHECK_SQUARE_O, "No leads in the last 30 days",
                    "Quality shows here once leads come in from your CRM, forms or imports."));
            return screen;
        }
        Grid<Map<String, Object>> grid = new Grid<>();
        grid.setId("scoring-quality-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> r.get("source")).setHeader("Source").setFlexGrow(2).setFrozen(true);
        column(grid, "leads", "Leads");
        column(grid, "quality", "Quality");
        column(grid, "poor", "Poor");
        column(grid, "invalid_email", "Bad address");
        column(grid, "disposable", "Throwaway");
        column(grid, "shared_inbox", "Shared inbox");
        column(grid, "missing_fields", "No name or company");
        column(grid, "invalid_phone", "Bad phone");
        column(grid, "duplicates", "Duplicates");
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        screen.add(grid);
        return screen;
    }

    private static void column(Grid<Map<String, Object>> grid, String key, String header) {
        grid.addColumn(r -> r.get(key) == null ? "" : String.valueOf(((Number) r.get(key)).longValue()))
                .setHeader(header).setAutoWidth(true).setFlexGrow(0);
    }
}

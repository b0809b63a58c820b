package io.catalyst.ui.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.api.ui.kit.Kit;
import io.catalyst.api.ui.kit.KpiTile;
import io.catalyst.core.metrics.MetricsService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The company's headline figures on Home: the last 30 days against the 30 before, with a sparkline each, read
 * through the metrics layer like every dashboard. A company without data is told how to get some.
 */
final class HomeKpis extends Div {

    private static final long serialVersionUID = 1L;
    static final List<String> METRICS = List.of("spend", "revenue", "roas", "leads", "cpa");

    HomeKpis(MetricsService metrics, UUID tenantId, Locale locale) {
        setId("home-kpis");
        LocalDate today = metrics.today(tenantId);
        Period period = Period.preset("last_30_days", today);
        MetricsResult totals = metrics.query(tenantId, MetricsQuery.of(period, METRICS.toArray(String[]::new))
                .compare(Comparison.PREVIOUS_PERIOD).build());
        MetricsResult daily = metrics.query(tenantId, MetricsQuery.of(period, METRICS.toArray(String[]::new))
                .by(Dimension.DATE).compare(Comparison.PREVIOUS_PERIOD).build());
        H3 heading = new H3("Last 30 days");
        heading.addClassName("text-l");
        if (totals.total().map(t -> t.value("spend")).orElse(BigDecimal.ZERO).signum() == 0
                && totals.total().map(t -> t.value("revenue")).orElse(BigDecimal.ZERO).signum() == 0) {
            add(heading, new EmptyState(VaadinIcon.CHART, "No figures yet",
                    "Connect a data source under Integrations (the Sandbox needs no account) and your spend, revenue"
                            + " and leads appear here after the first sync."));
            return;
        }
        Kit kit = Kit.of(metrics.catalogue(tenantId), metrics.currency(tenantId), locale);
        KpiTile[] tiles = METRICS.stream().map(m -> KpiTile.of(kit, totals, m).sparkline(daily))
                .toArray(KpiTile[]::new);
        Paragraph range = new Paragraph(period.from() + " to " + period.to() + ", against the 30 days before");
        range.addClassName("text-secondary");
        add(heading, range, KpiTile.row(tiles));
    }
}

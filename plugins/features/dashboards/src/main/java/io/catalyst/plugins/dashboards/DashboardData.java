package io.catalyst.plugins.dashboards;

import io.catalyst.api.PluginContext;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.ui.kit.Kit;
import java.io.Serializable;
import java.time.LocalDate;
import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.ui.kit.ViewState;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a dashboard reads, taken from the context in {@code create(ctx)}: the tenant's kit (catalogue, currency,
 * locale), today, and the way to ask the metrics layer.
 *
 * <p>A dashboard asks again when the user changes the period, a filter or drills down, after {@code create}
 * returned: {@link io.catalyst.api.ui.UiScreen#create} lets a screen's listeners keep using the context while the
 * screen is open (the host checks the user's permissions on every query). Every later question goes through
 * {@link #query} alone.
 */
final class DashboardData implements Serializable {

    /** Asks the metrics layer. */
    @FunctionalInterface
    interface Source extends Serializable {
        MetricsResult query(MetricsQuery query);
    }

    private final Source source;
    private final Kit kit;
    private final LocalDate today;
    private final String tenantName;
    private final ViewState initial;

    DashboardData(Source source, Kit kit, LocalDate today, String tenantName) {
        this(source, kit, today, tenantName, null);
    }

    DashboardData(Source source, Kit kit, LocalDate today, String tenantName, ViewState initial) {
        this.source = source;
        this.kit = kit;
        this.today = today;
        this.tenantName = tenantName;
        this.initial = initial != null ? initial : standard(today);
    }

    /** Reads what a screen needs from the context, and what its address asks to show, during {@code create}. */
    static DashboardData of(PluginContext ctx, Map<String, List<String>> parameters) {
        Metrics metrics = ctx.metrics();
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        Locale locale = ui != null && ui.getLocale() != null ? ui.getLocale() : Locale.US;
        Kit kit = Kit.of(metrics.catalogue(), ctx.tenant().currency(), locale);
        LocalDate today = metrics.today();
        return new DashboardData(metrics::query, kit, today, ctx.tenant().name(),
                ViewState.fromParameters(parameters, today, standard(today)));
    }

    // without an address saying otherwise: the last 30 days against the 30 before
    private static ViewState standard(LocalDate today) {
        return ViewState.preset("last_30_days", today, Comparison.PREVIOUS_PERIOD, List.of());
    }

    /** What the screen shows first: its address's period, comparison and filters, or the standard. */
    ViewState initial() {
        return initial;
    }

    MetricsResult query(MetricsQuery query) {
        return source.query(query);
    }

    Kit kit() {
        return kit;
    }

    LocalDate today() {
        return today;
    }

    /** The company's name, on PDFs. */
    String tenantName() {
        return tenantName;
    }
}

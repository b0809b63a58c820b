package io.catalyst.plugins.dashboards;

import io.catalyst.api.PluginContext;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.ui.kit.Kit;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

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

    DashboardData(Source source, Kit kit, LocalDate today, String tenantName) {
        this.source = source;
        this.kit = kit;
        this.today = today;
        this.tenantName = tenantName;
    }

    /** Reads what a screen needs from the context, during {@code create(ctx)}. */
    static DashboardData of(PluginContext ctx) {
        Metrics metrics = ctx.metrics();
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        Locale locale = ui != null && ui.getLocale() != null ? ui.getLocale() : Locale.US;
        Kit kit = Kit.of(metrics.catalogue(), ctx.tenant().currency(), locale);
        return new DashboardData(metrics::query, kit, metrics.today(), ctx.tenant().name());
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

package io.catalyst.plugins.alerts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginContext;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.Chart;
import io.catalyst.api.ui.kit.ChartOptions;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.api.ui.kit.Kit;
import io.catalyst.plugins.alerts.engine.Backtest;
import io.catalyst.plugins.alerts.engine.Instance;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.Rule;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pf4j.Extension;

/** One alert ({@code alert?id=}): its figures, the metric over 45 days against the bound, and its evaluations. */
@Extension
public class AlertScreen implements UiScreen {

    @Override
    public String route() {
        return "alert";
    }

    @Override
    public String title() {
        return "Alert";
    }

    @Override
    public boolean inNavigation() {
        return false; // opened from a list, a card or a notification, by its address
    }

    @Override
    public String navIcon() {
        return "vaadin:warning";
    }

    @Override
    public String requiredPermission() {
        return AlertsExtensions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        return create(ctx, Map.of());
    }

    @Override
    public Component create(PluginContext ctx, Map<String, List<String>> parameters) {
        Div screen = new Div();
        screen.setId("alert-screen");
        screen.getStyle().set("max-width", "960px");
        show(ctx, screen, parameters.getOrDefault("id", List.of()).stream().findFirst().map(AlertCards::uuidOrNull)
                .orElse(null));
        return screen;
    }

    /** Fills the screen for one alert id; public to the package so tests can show an alert without a browser. */
    static void show(PluginContext ctx, Div screen, UUID id) {
        screen.removeAll();
        AlertStore.StoredInstance stored = id == null ? null : AlertStore.instance(ctx, id).orElse(null);
        AlertStore.StoredRule rule = stored == null ? null
                : AlertStore.rule(ctx, stored.instance().ruleId()).orElse(null);
        if (stored == null || rule == null) {
            screen.add(new EmptyState(VaadinIcon.BELL, "No such alert",
                    "Open an alert from the Alerts screen or from a notification."));
            return;
        }
        Instance i = stored.instance();
        screen.add(new H2(rule.rule().name() + ": " + i.label()));
        screen.add(new Div(new Span(AlertCards.describe(rule.rule()))));
        screen.add(AlertCards.card(ctx, stored, rule.rule().name(), () -> show(ctx, screen, id)));
        chart(ctx, rule.rule(), i).ifPresent(screen::add);
        screen.add(new H3("Evaluations"));
        Div history = new Div();
        history.setId("alert-history");
        for (AlertStore.HistoryRow h : AlertStore.history(ctx, i.ruleId(), i.entity(), false, 60)) {
            Div row = new Div(new Span(h.asOf() + " · " + h.state() + (h.backtest() ? " (back-test)" : "") + " · "
                    + AlertCards.number(h.value()) + " against " + AlertCards.number(h.bound())));
            row.getStyle().set("font-size", "var(--lumo-font-size-s)").set("overflow-wrap", "anywhere");
            history.add(row);
        }
        screen.add(history);
    }

    /** The rule's metric for this entity over the back-test's days, with the bound drawn as a line. */
    private static Optional<Chart> chart(PluginContext ctx, Rule rule, Instance i) {
        if (rule.metric() == null || !ctx.isPermitted(Alerts.FIGURES)) {
            return Optional.empty();
        }
        LocalDate today = ctx.metrics().today();
        MetricsQuery.Builder query = MetricsQuery.of(new Period(today.minusDays(Backtest.DAYS), today.minusDays(1)),
                rule.metric()).by(Dimension.DATE);
        rule.filters().forEach(query::where);
        if (rule.level() != Level.TENANT) {
            query.where(Filter.equalTo(rule.level().dimensions().get(0), i.entity()));
        }
        MetricsResult result;
        try {
            result = ctx.metrics().query(query.build());
        } catch (MetricsException e) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        Locale locale = ui != null && ui.getLocale() != null ? ui.getLocale() : Locale.US;
        Kit kit = Kit.of(ctx.metrics().catalogue(), ctx.tenant().currency(), locale);
        JsonObject option = new ChartOptions(kit).line(result, rule.metric());
        if (i.bound() != null && option.hasKey("series") && option.getArray("series").length() > 0) {
            JsonObject line = Json.createObject();
            line.put("yAxis", i.bound());
            line.put("name", "bound");
            JsonArray data = Json.createArray();
            data.set(0, line);
            JsonObject markLine = Json.createObject();
            markLine.put("data", data);
            markLine.put("symbol", "none");
            option.getArray("series").getObject(0).put("markLine", markLine);
        }
        Chart chart = new Chart(option);
        chart.setId("alert-chart");
        chart.setWidthFull();
        chart.setHeight("280px");
        return Optional.of(chart);
    }
}

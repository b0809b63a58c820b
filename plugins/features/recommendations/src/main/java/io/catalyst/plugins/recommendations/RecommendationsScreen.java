package io.catalyst.plugins.recommendations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.api.ui.kit.Kit;
import io.catalyst.plugins.recommendations.rules.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/** The company's recommendations as cards, filtered by channel, kind and status, and how each kind performed. */
@Extension
public class RecommendationsScreen implements UiScreen {

    static final String ALL = "all";

    @Override
    public String route() {
        return "recommendations";
    }

    @Override
    public String title() {
        return "Recommendations";
    }

    @Override
    public String navLabel() {
        return "Recommendations";
    }

    @Override
    public String navIcon() {
        return "vaadin:lightbulb";
    }

    @Override
    public String requiredPermission() {
        return Recommendations.FIGURES;
    }

    @Override
    public Component create(PluginContext ctx) {
        Div screen = new Div();
        screen.setId("recommendations-screen");
        screen.getStyle().set("max-width", "960px").set("width", "100%").set("box-sizing", "border-box");
        Kit kit = Kit.of(ctx.metrics().catalogue(), ctx.tenant().currency(), Locale.ENGLISH);
        Select<String> channel = select("Channel", List.of(ALL, "meta-ads", "google-ads", "tiktok-ads",
                "linkedin-ads"));
        List<String> kinds = new ArrayList<>(List.of(ALL));
        Arrays.stream(Kind.values()).map(Kind::id).forEach(kinds::add);
        Select<String> kind = select("Kind", kinds);
        Select<String> status = select("Status", List.of("open", "snoozed", "accepted", "dismissed", "resolved", ALL));
        Div list = new Div();
        list.setId("recommendations-list");
        Runnable refill = () -> fill(ctx, kit, list, channel.getValue(), kind.getValue(), status.getValue());
        channel.addValueChangeListener(e -> refill.run());
        kind.addValueChangeListener(e -> refill.run());
        status.addValueChangeListener(e -> refill.run());
        Div filters = RecoCards.row();
        filters.add(channel, kind, status);
        if (ctx.user().isPresent() && ctx.isPermitted(Recommendations.ACT)) {
            Button evaluate = new Button("Evaluate now", e -> {
                Recommendations.evaluate(ctx, Instant.now());
                refill.run();
            });
            evaluate.setId("recommendations-evaluate");
            filters.add(evaluate);
        }
        screen.add(new H2("Recommendations"), filters, list, performance(ctx));
        refill.run();
        return screen;
    }

    static void fill(PluginContext ctx, Kit kit, Div list, String channel, String kind, String status) {
        list.removeAll();
        List<Reco> recos = RecoStore.list(ctx, ALL.equals(channel) ? null : channel, ALL.equals(kind) ? null : kind,
                ALL.equals(status) ? null : status.toUpperCase(Locale.ROOT), ctx.metrics().today(), 100);
        if (recos.isEmpty()) {
            list.add(new EmptyState(VaadinIcon.LIGHTBULB, "No recommendations here",
                    "The rules run every morning over the last weeks' figures. Change the filters, or wait for the"
                            + " first data load."));
            return;
        }
        recos.forEach(r -> list.add(RecoCards.card(ctx, kit, r, false,
                () -> fill(ctx, kit, list, channel, kind, status))));
    }

    /** Per kind: acceptance rate and measured outcomes. */
    static Div performance(PluginContext ctx) {
        Div section = new Div();
        section.setId("recommendations-performance");
        section.add(new H3("How recommendations performed"));
        for (Outcomes.KindPerformance p : Outcomes.performance(RecoStore.lastYear(ctx), ctx.metrics().today())) {
            Div line = RecoCards.row();
            line.add(new Span(RecoCards.label(p.kind()) + ":"), new Span(p.raised() + " raised"),
                    new Span(p.acceptanceRate() == null ? "no decisions yet"
                            : Math.round(p.acceptanceRate() * 100) + "% accepted"),
                    new Span(p.measured() == 0 ? "no outcome measured yet"
                            : p.improved() + " of " + p.measured() + " improved"
                            + (p.averageChange() == null ? "" : String.format(Locale.ROOT, ", average change %+.0f%%",
                            p.averageChange() * 100))));
            section.add(line);
        }
        return section;
    }

    private static Select<String> select(String label, List<String> items) {
        Select<String> s = new Select<>();
        s.setLabel(label);
        s.setItems(items);
        s.setValue(items.get(0));
        return s;
    }
}

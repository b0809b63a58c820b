package io.catalyst.plugins.recommendations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.api.ui.kit.Kit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pf4j.Extension;

/** One recommendation at {@code recommendation?id=...}: its facts, full chart, confidence and outcome. */
@Extension
public class RecommendationScreen implements UiScreen {

    @Override
    public String route() {
        return "recommendation";
    }

    @Override
    public String title() {
        return "Recommendation";
    }

    @Override
    public boolean inNavigation() {
        return false;
    }

    @Override
    public String navIcon() {
        return null;
    }

    @Override
    public String requiredPermission() {
        return Recommendations.FIGURES;
    }

    @Override
    public Component create(PluginContext ctx) {
        return create(ctx, Map.of());
    }

    @Override
    public Component create(PluginContext ctx, Map<String, List<String>> parameters) {
        Div screen = new Div();
        screen.setId("recommendation-screen");
        screen.getStyle().set("max-width", "960px").set("width", "100%").set("box-sizing", "border-box");
        show(ctx, screen, parameters.getOrDefault("id", List.of()).stream().findFirst().orElse(null));
        return screen;
    }

    static void show(PluginContext ctx, Div screen, String id) {
        screen.removeAll();
        screen.add(new Anchor("plugins/recommendations/recommendations", "All recommendations"));
        Optional<Reco> reco = Optional.empty();
        try {
            reco = id == null ? Optional.empty() : RecoStore.get(ctx, UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            // shown as missing below
        }
        if (reco.isEmpty()) {
            screen.add(new EmptyState(VaadinIcon.LIGHTBULB, "No such recommendation",
                    "It may belong to another company, or the link is wrong."));
            return;
        }
        Kit kit = Kit.of(ctx.metrics().catalogue(), ctx.tenant().currency(), Locale.ENGLISH);
        screen.add(RecoCards.card(ctx, kit, reco.get(), true, () -> show(ctx, screen, id)));
    }
}

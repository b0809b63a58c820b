package io.catalyst.plugins.alerts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.plugins.alerts.engine.State;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** The company's alerts grouped by state, firing first, each with its figures and actions. */
@Extension
public class AlertsScreen implements UiScreen {

    /** The order states are shown in; normal ones are folded away. */
    static final List<State> ORDER = List.of(State.FIRING, State.PENDING, State.RECOVERING, State.ERROR,
            State.NO_DATA, State.NORMAL);

    @Override
    public String route() {
        return "alerts";
    }

    @Override
    public String title() {
        return "Alerts";
    }

    @Override
    public String navIcon() {
        return "vaadin:bell";
    }

    @Override
    public String requiredPermission() {
        return AlertsExtensions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        Div screen = new Div();
        screen.setId("alerts-screen");
        screen.getStyle().set("max-width", "960px");
        Div content = new Div();
        content.setId("alerts-list");
        H2 title = new H2("Alerts");
        screen.add(title);
        if (ctx.isPermitted(AlertsExtensions.WRITE)) {
            Button evaluate = new Button("Evaluate now", e -> {
                Alerts.evaluate(ctx, Instant.now());
                fill(ctx, content);
            });
            evaluate.setId("alerts-evaluate");
            screen.add(evaluate);
        }
        screen.add(content);
        fill(ctx, content);
        return screen;
    }

    static void fill(PluginContext ctx, Div content) {
        content.removeAll();
        List<AlertStore.StoredInstance> all = AlertStore.instanceList(ctx, null, 1000);
        if (all.isEmpty()) {
            content.add(new EmptyState(VaadinIcon.BELL, "No alerts yet",
                    "Rules are evaluated every 15 minutes and whenever new figures arrive. See the rules under"
                            + " Alert rules."));
            return;
        }
        Map<UUID, String> names = AlertStore.rules(ctx).stream()
                .collect(Collectors.toMap(r -> r.rule().id(), r -> r.rule().name()));
        Map<State, List<AlertStore.StoredInstance>> byState = all.stream().collect(Collectors.groupingBy(
                s -> s.instance().state(), () -> new EnumMap<>(State.class), Collectors.toList()));
        for (State state : ORDER) {
            List<AlertStore.StoredInstance> group = byState.getOrDefault(state, List.of());
            if (group.isEmpty()) {
                continue;
            }
            Div cards = new Div();
            group.forEach(s -> cards.add(AlertCards.card(ctx, s, names.getOrDefault(s.instance().ruleId(), "?"),
                    () -> fill(ctx, content))));
            String heading = state.name().charAt(0) + state.name().substring(1).toLowerCase().replace('_', ' ')
                    + " (" + group.size() + ")";
            if (state == State.NORMAL || state == State.NO_DATA) {
                content.add(new Details(heading, cards));
            } else {
                H3 h = new H3(heading);
                h.setId("alerts-" + state.name().toLowerCase());
                content.add(h, cards);
            }
        }
    }
}

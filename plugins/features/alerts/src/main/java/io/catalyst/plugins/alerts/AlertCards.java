package io.catalyst.plugins.alerts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.kit.Formats;
import io.catalyst.plugins.alerts.engine.Instance;
import io.catalyst.plugins.alerts.engine.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What the alert screens share: an alert as a card (fits a phone), its actions, and the figures in words. */
final class AlertCards {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private AlertCards() {
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? "–" : WHEN.format(at.atZone(zone));
    }

    static String number(Double value) {
        return value == null ? Formats.MISSING : Formats.of(Locale.ENGLISH, null).decimal(BigDecimal.valueOf(value));
    }

    /** A card: state, what, value against bound, since when, why, and the actions the user may take. */
    static Div card(PluginContext ctx, AlertStore.StoredInstance stored, String ruleName, Runnable changed) {
        Instance i = stored.instance();
        ZoneId zone = ctx.tenant().timezone();
        Div card = new Div();
        card.addClassName("alert-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "8px")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-s)")
                .set("max-width", "100%").set("box-sizing", "border-box");
        Span state = badge(i.state().name().replace('_', ' '), i.silencedBy() != null ? "contrast"
                : switch (i.state()) {
                    case FIRING -> "error";
                    case PENDING, RECOVERING -> "warning";
                    case NORMAL -> "success";
                    default -> "contrast";
                });
        Anchor title = new Anchor(Alerts.link(i.id()), ruleName + ": " + i.label());
        title.getElement().setAttribute("router-link", true); // navigates inside the app, without a page load
        title.getStyle().set("font-weight", "600").set("margin-left", "var(--lumo-space-s)");
        card.add(new Div(state, title));
        card.add(new Div(new Span("Value " + number(i.value()) + " against " + number(i.bound()) + " · since "
                + when(i.since(), zone))));
        if (i.reason() != null) {
            Paragraph reason = new Paragraph(i.reason());
            reason.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)")
                    .set("overflow-wrap", "anywhere");
            card.add(reason);
        }
        List<String> notes = new java.util.ArrayList<>();
        if (i.snoozedAt(Instant.now())) {
            notes.add("snoozed until " + when(i.snoozedUntil(), zone));
        }
        if (i.ackedAt() != null) {
            notes.add("acknowledged " + when(i.ackedAt(), zone));
        }
        if (stored.taskStatus() != null) {
            notes.add("task " + stored.taskStatus().toLowerCase(Locale.ROOT));
        }
        if (!notes.isEmpty()) {
            card.add(new Div(new Span(String.join(" · ", notes))));
        }
        if (ctx.isPermitted(AlertsExtensions.WRITE)) {
            card.add(actions(ctx, i, changed));
        }
        return card;
    }

    private static Component actions(PluginContext ctx, Instance i, Runnable changed) {
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        actions.add(small("Snooze 1 h", () -> AlertStore.snooze(ctx, i.id(), Instant.now().plus(Duration.ofHours(1))),
                changed));
        actions.add(small("Snooze 1 day", () -> AlertStore.snooze(ctx, i.id(), Instant.now().plus(Duration.ofDays(1))),
                changed));
        if (i.ackedAt() == null) {
            actions.add(small("Acknowledge", () -> AlertStore.acknowledge(ctx, i.id(),
                    ctx.user().map(u -> u.name()).orElse("?")), changed));
        }
        actions.add(small("Create task", () -> AlertStore.rule(ctx, i.ruleId())
                .ifPresent(r -> Alerts.requestTask(ctx, r.rule(), i)), changed));
        return actions;
    }

    private static Button small(String text, Runnable action, Runnable changed) {
        Button b = new Button(text, e -> {
            action.run();
            changed.run();
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge " + theme);
        return s;
    }

    static String describe(Rule r) {
        String what = r.metric() == null ? "connections" : r.metric();
        return r.kind().id() + " · " + what + " per " + r.level().id().replace('_', ' ') + " · " + r.severity().id();
    }

    static UUID uuidOrNull(String text) {
        try {
            return text == null || text.length() != 36 ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

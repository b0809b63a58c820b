package io.catalyst.plugins.tasks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import io.catalyst.api.PluginContext;
import io.catalyst.api.host.Members.Member;
import io.catalyst.api.tasks.TaskRequest.Priority;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small pieces the task screens share: badges, names, the flex rows that wrap on phones. */
final class TaskUi {

    private TaskUi() {
    }

    /** A link to a route of the application that the router follows without reloading the page. */
    static Anchor link(String route, String text) {
        Anchor a = new Anchor(route, text);
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge " + theme);
        return s;
    }

    static Span status(TaskStatus s) {
        return badge(s.label(), switch (s) {
            case DONE -> "success";
            case CANCELLED -> "contrast";
            case IN_REVIEW, IN_PROGRESS -> "";
            case OPEN -> "contrast pill";
        });
    }

    static Span priority(Priority p) {
        return badge(label(p), switch (p) {
            case URGENT -> "error primary";
            case HIGH -> "error";
            case NORMAL -> "";
            case LOW -> "contrast";
        });
    }

    static Span sla(SlaPolicy.State sla) {
        Span s = badge(sla == null ? "" : sla.text(), sla != null && sla.breached() ? "error" : "success");
        s.addClassName("task-sla");
        s.getStyle().set("white-space", "normal").set("max-width", "100%"); // wraps in a narrow grid cell
        s.setVisible(sla != null);
        return s;
    }

    static String label(Priority p) {
        return p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Member names by id, to show assignees; read once per screen. */
    static Map<UUID, String> names(PluginContext ctx) {
        return ctx.members().list().stream().collect(Collectors.toMap(Member::id, Member::name, (a, b) -> a));
    }

    static String assignee(Task t, Map<UUID, String> names) {
        if (t.assigneeId() != null) {
            return names.getOrDefault(t.assigneeId(), "Former member");
        }
        return t.assigneeRole() == null ? "Unassigned" : "Role: " + t.assigneeRole();
    }

    /** A row of children that wraps onto more lines on narrow screens. */
    static <C extends Component> C wrapRow(C c) {
        c.getElement().getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap",
                "var(--lumo-space-s, .5rem)").set("align-items", "center");
        return c;
    }

    static <T> List<T> sorted(List<T> items, Function<T, String> by) {
        return items.stream().sorted((a, b) -> by.apply(a).compareToIgnoreCase(by.apply(b))).toList();
    }
}

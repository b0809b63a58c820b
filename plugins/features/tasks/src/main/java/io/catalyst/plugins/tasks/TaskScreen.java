package io.catalyst.plugins.tasks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.host.Members.Member;
import io.catalyst.api.tasks.TaskRequest.Priority;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.pf4j.Extension;

/** One task, at {@code plugins/tasks/task?id=...}: every field editable, its checklist, comments and history. */
@Extension
public class TaskScreen implements UiScreen {

    @Override
    public String route() {
        return "task";
    }

    @Override
    public String title() {
        return "Task";
    }

    @Override
    public boolean inNavigation() {
        return false; // opened from a list, a card or a notification, by its address
    }

    @Override
    public String navIcon() {
        return "vaadin:clipboard-check";
    }

    @Override
    public String requiredPermission() {
        return Tasks.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        return create(ctx, Map.of());
    }

    @Override
    public Component create(PluginContext ctx, Map<String, List<String>> parameters) {
        TaskView view = new TaskView(ctx);
        view.show(parameters.getOrDefault("id", List.of()).stream().findFirst().orElse(null));
        return view;
    }

    /** The task's page. */
    static class TaskView extends Div {
        private static final long serialVersionUID = 1L;
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        private final transient PluginContext ctx;
        private final boolean write;
        private final ZoneId zone;
        private String shownId;
        private Task task;

        TaskView(PluginContext ctx) {
            this.ctx = ctx;
            this.write = ctx.isPermitted(Tasks.WRITE);
            this.zone = ctx.tenant().timezone();
            setId("task-screen");
            getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m, 1rem)")
                    .set("max-width", "60rem").set("width", "100%").set("box-sizing", "border-box");
        }

        /** Shows the task of an id from the address; the same "not found" for a bad, foreign or invisible id. */
        void show(String id) {
            shownId = id;
            removeAll();
            try {
                task = Tasks.get(ctx, id);
            } catch (PluginProblem p) {
                task = null;
                add(TaskUi.link("plugins/tasks/tasks", "← All tasks"), id == null
                        ? new EmptyState(VaadinIcon.TASKS, "No task chosen", "Open a task from the list.")
                        : new EmptyState(VaadinIcon.SEARCH, "No such task",
                                "It may have been removed, or it is not shared with you."));
                return;
            }
            render();
        }

        private void reload() {
            task = TaskStore.find(ctx, task.id(), Tasks.internal(ctx)).orElse(null);
            if (task == null) {
                show(shownId);
            } else {
                removeAll();
                render();
            }
        }

        private void render() {
            H2 title = new H2(task.title());
            title.getStyle().set("margin", "0").set("overflow-wrap", "anywhere");
            Div badges = TaskUi.wrapRow(new Div(TaskUi.status(task.status()), TaskUi.priority(task.priority()),
                    TaskUi.sla(Tasks.sla(ctx, task))));
            if (!task.clientVisible()) {
                badges.add(TaskUi.badge("Internal", "contrast"));
            }
            add(TaskUi.link("plugins/tasks/tasks", "← All tasks"), title, badges, moves());
            subject().ifPresent(this::add);
            add(fields(), checklist(), comments(), history());
        }

        /** Buttons for the moves the workflow allows now. */
        private Div moves() {
            Div row = TaskUi.wrapRow(new Div());
            row.setId("task-moves");
            if (!write) {
                return row;
            }
            for (TaskStatus to : task.status().next().stream().sorted().toList()) {
                String label = to == TaskStatus.OPEN && task.status().closed() ? "Reopen"
                        : to == TaskStatus.OPEN ? "Back to open" : "Move to " + to.label().toLowerCase();
                Button b = new Button(label, e -> act(() -> Tasks.transition(ctx, task, to, Actor.of(ctx))));
                b.getElement().setAttribute("data-status", to.name());
                if (to == TaskStatus.DONE) {
                    b.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
                }
                row.add(b);
            }
            return row;
        }

        /** What the task is about, one click away, with the figures it was raised on. */
        private java.util.Optional<Div> subject() {
            if (task.subjectKind() == null && task.link() == null) {
                return java.util.Optional.empty();
            }
            Div box = new Div();
            box.setId("task-subject");
            box.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius",
                    "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)");
            String about = task.subjectKind() == null ? "Open what this is about"
                    : task.subjectKind() + ": " + (task.subjectLabel() == null ? task.subjectId() : task.subjectLabel());
            box.add(task.link() == null ? new Span(about) : TaskUi.link(task.link(), about));
            Map<String, String> figures = TaskJson.figures(task.subjectSnapshot());
            if (!figures.isEmpty()) {
                Div row = TaskUi.wrapRow(new Div());
                row.addClassName("task-snapshot");
                figures.forEach((k, v) -> row.add(TaskUi.badge(k + ": " + v, "contrast")));
                box.add(new Paragraph("When it was raised:"), row);
            }
            if (task.requested()) {
                Span from = new Span("Requested by the " + task.sourcePlugin() + " plugin");
                from.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)");
                box.add(from);
            }
            return java.util.Optional.of(box);
        }

        private Div fields() {
            TextField title = new TextField("Title", task.title(), "");
            title.setMaxLength(Input.MAX_TITLE);
            title.setWidthFull();
            title.setId("task-title");
            TextArea body = new TextArea("Description");
            body.setValue(task.body() == null ? "" : task.body());
            body.setMaxLength(Input.MAX_TEXT);
            body.setWidthFull();
            Select<Priority> priority = new Select<>();
            priority.setLabel("Priority");
            priority.setItems(Priority.values());
            priority.setItemLabelGenerator(TaskUi::label);
            priority.setValue(task.priority());
            DatePicker due = new DatePicker("Due", task.due());
            TextField labels = new TextField("Labels", String.join(", ", task.labels()), "comma separated");
            Checkbox client = new Checkbox("Visible to the client", task.clientVisible());
            client.setEnabled(Tasks.internal(ctx));
            ComboBox<Member> assignee = new ComboBox<>("Assignee");
            List<Member> members = TaskUi.sorted(ctx.members().list(), Member::name);
            assignee.setItems(members);
            assignee.setItemLabelGenerator(Member::name);
            assignee.setClearButtonVisible(true);
            members.stream().filter(m -> m.id().equals(task.assigneeId())).findFirst().ifPresent(assignee::setValue);
            if (task.assigneeId() == null && task.assigneeRole() != null) {
                assignee.setPlaceholder("Role: " + task.assigneeRole());
            }
            Div row = TaskUi.wrapRow(new Div(priority, due, assignee, labels));
            for (Component c : List.of(priority, due, assignee, labels)) {
                c.getElement().getStyle().set("flex", "1 1 160px").set("min-width", "0");
            }
            Div box = new Div(title, row, body, client);
            box.setId("task-fields");
            if (!write) {
                List.<HasValue<?, ?>>of(title, body, priority, due, labels, client, assignee)
                        .forEach(c -> c.setReadOnly(true));
                return box;
            }
            Button save = new Button("Save changes", e -> act(() -> {
                List<String> l = Input.labelsOf(Arrays.stream(labels.getValue().split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
                if (title.getValue().isBlank()) {
                    throw PluginProblem.badRequest("title: must not be blank");
                }
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("title", title.getValue().strip());
                changes.put("body", body.getValue().isBlank() ? null : body.getValue().strip());
                changes.put("priority", priority.getValue());
                changes.put("due", due.getValue());
                changes.put("clientVisible", client.getValue());
                Task edited = Tasks.edit(ctx, task, changes, l, Actor.of(ctx));
                UUID who = assignee.getValue() == null ? null : assignee.getValue().id();
                if (!Objects.equals(who, edited.assigneeId()) && !(who == null && edited.assigneeRole() != null)) {
                    edited = Tasks.assign(ctx, edited, who, null, Actor.of(ctx));
                }
                return edited;
            }));
            save.setId("save-task");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button pickUp = new Button("Assign to me", e -> act(() -> Tasks.assign(ctx, task,
                    ctx.user().orElseThrow().id(), null, Actor.of(ctx))));
            pickUp.setVisible(ctx.user().isPresent() && !ctx.user().get().id().equals(task.assigneeId()));
            box.add(TaskUi.wrapRow(new Div(save, pickUp)));
            return box;
        }

        private Div checklist() {
            Div box = new Div(new H3("Checklist"));
            box.setId("task-checklist");
            List<TaskStore.CheckItem> items = TaskStore.checklist(ctx, task.id());
            long done = items.stream().filter(TaskStore.CheckItem::done).count();
            if (!items.isEmpty()) {
                box.add(new Span(done + " of " + items.size() + " done"));
            }
            for (TaskStore.CheckItem item : items) {
                Checkbox c = new Checkbox(item.text(), item.done());
                c.setReadOnly(!write);
                c.getStyle().set("display", "flex");
                c.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        TaskStore.updateCheckItem(ctx, task.id(), item.id(), null, e.getValue());
                        TaskStore.record(ctx, task.id(), Actor.of(ctx), "checklist", null,
                                (e.getValue() ? "[x] " : "[ ] ") + item.text());
                        reload();
                    }
                });
                Div line = TaskUi.wrapRow(new Div(c));
                if (write) {
                    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                        TaskStore.removeCheckItem(ctx, task.id(), item.id());
                        TaskStore.record(ctx, task.id(), Actor.of(ctx), "checklist", item.text(), null);
                        reload();
                    });
                    remove.setAriaLabel("Remove " + item.text());
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    line.add(remove);
                }
                box.add(line);
            }
            if (write) {
                TextField text = new TextField();
                text.setPlaceholder("Add an item");
                text.setMaxLength(Input.MAX_ITEM);
                text.getStyle().set("flex", "1 1 200px");
                Button add = new Button("Add", e -> {
                    if (!text.getValue().isBlank()) {
                        TaskStore.addCheckItem(ctx, task.id(), UUID.randomUUID(), text.getValue().strip());
                        TaskStore.record(ctx, task.id(), Actor.of(ctx), "checklist", null, text.getValue().strip());
                        reload();
                    }
                });
                add.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(text);
                box.add(TaskUi.wrapRow(new Div(text, add)));
            }
            return box;
        }

        private Div comments() {
            Div box = new Div(new H3("Comments"));
            box.setId("task-comments");
            for (TaskStore.Comment c : TaskStore.comments(ctx, task.id())) {
                Span who = new Span(c.authorName() + " · " + WHEN.format(c.createdAt().atZone(zone)));
                who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size",
                        "var(--lumo-font-size-s)");
                Paragraph text = new Paragraph(c.body());
                text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("margin", "0");
                Div item = new Div(who, text);
                item.addClassName("task-comment");
                item.getStyle().set("margin-bottom", "var(--lumo-space-s)");
                box.add(item);
            }
            if (write) {
                TextArea text = new TextArea();
                text.setPlaceholder("Write a comment; @name or @email mentions someone");
                text.setMaxLength(Input.MAX_COMMENT);
                text.setWidthFull();
                text.setId("comment-text");
                Button post = new Button("Comment", e -> {
                    if (!text.getValue().isBlank()) {
                        act(() -> {
                            Tasks.comment(ctx, task, text.getValue().strip(), Actor.of(ctx));
                            return task;
                        });
                    }
                });
                post.setId("post-comment");
                box.add(text, post);
            }
            return box;
        }

        private Div history() {
            Div box = new Div(new H3("History"));
            box.setId("task-history");
            List<TaskStore.Activity> all = new ArrayList<>(TaskStore.history(ctx, task.id()));
            java.util.Collections.reverse(all);
            for (TaskStore.Activity a : all) {
                String change = a.from() == null && a.to() == null ? a.field()
                        : a.from() == null ? a.field() + ": " + a.to()
                        : a.field() + ": " + a.from() + " → " + (a.to() == null ? "none" : a.to());
                Div line = new Div(new Span(WHEN.format(a.at().atZone(zone)) + " · " + a.actorName() + " · "),
                        new Span(change));
                line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("overflow-wrap", "anywhere");
                box.add(line);
            }
            return box;
        }

        /** Runs a change, then shows the task again; a refusal is shown, not thrown. */
        private void act(java.util.function.Supplier<Task> change) {
            try {
                change.get();
            } catch (PluginProblem p) {
                Notification.show(p.detail());
                return;
            }
            reload();
        }
    }
}

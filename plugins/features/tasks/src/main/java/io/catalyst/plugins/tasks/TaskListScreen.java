package io.catalyst.plugins.tasks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.host.Members.Member;
import io.catalyst.api.tasks.TaskRequest.Priority;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/** The task lists: my tasks, due today, overdue, all; as a filtered grid or as a board with a column per status. */
@Extension
public class TaskListScreen implements UiScreen {

    @Override
    public String route() {
        return "tasks";
    }

    @Override
    public String title() {
        return "Tasks";
    }

    @Override
    public String navIcon() {
        return "vaadin:tasks";
    }

    @Override
    public String requiredPermission() {
        return Tasks.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        return new TaskListView(ctx);
    }

    /** The screen's state: the view, the filters and whether the board shows. */
    static class TaskListView extends Div {
        private static final long serialVersionUID = 1L;

        private final transient PluginContext ctx;
        private final Map<UUID, String> names;
        private final Tabs views = new Tabs();
        private final Map<Tab, TaskQuery.View> viewOf = new java.util.HashMap<>();
        final Select<String> status = new Select<>();
        final ComboBox<Member> assignee = new ComboBox<>("Assignee");
        final Select<String> priority = new Select<>();
        final TextField label = new TextField("Label");
        final TextField text = new TextField("Search");
        final Checkbox board = new Checkbox("Board");
        final Grid<Task> grid = new Grid<>();
        final Div boardView = new Div();
        final Span count = new Span();
        private final Div content = new Div();
        private List<Task> tasks = List.of();

        TaskListView(PluginContext ctx) {
            this.ctx = ctx;
            this.names = TaskUi.names(ctx);
            setId("tasks-screen");
            getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m, 1rem)")
                    .set("width", "100%").set("box-sizing", "border-box");
            H2 heading = new H2("Tasks");
            heading.getStyle().set("margin", "0");
            Div top = TaskUi.wrapRow(new Div(heading));
            top.getStyle().set("justify-content", "space-between");
            if (ctx.isPermitted(Tasks.WRITE)) {
                Button add = new Button("New task", VaadinIcon.PLUS.create(), e -> newTask());
                add.setId("new-task");
                add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                top.add(add);
            }
            for (TaskQuery.View v : TaskQuery.View.values()) {
                Tab tab = new Tab(v.label());
                tab.setId("view-" + v.name().toLowerCase());
                viewOf.put(tab, v);
                views.add(tab);
            }
            views.addSelectedChangeListener(e -> refresh());
            add(top, views, filters(), count, content);
            grid();
            refresh();
        }

        private Div filters() {
            status.setLabel("Status");
            status.setItems(statusChoices());
            status.setValue("Not closed");
            priority.setLabel("Priority");
            priority.setItems(priorityChoices());
            priority.setValue("Any");
            assignee.setItems(TaskUi.sorted(ctx.members().list(), Member::name));
            assignee.setItemLabelGenerator(Member::name);
            assignee.setClearButtonVisible(true);
            label.setClearButtonVisible(true);
            text.setClearButtonVisible(true);
            text.setPlaceholder("Title or text");
            label.setValueChangeMode(ValueChangeMode.LAZY);
            text.setValueChangeMode(ValueChangeMode.LAZY);
            status.addValueChangeListener(e -> refresh());
            priority.addValueChangeListener(e -> refresh());
            assignee.addValueChangeListener(e -> refresh());
            label.addValueChangeListener(e -> refresh());
            text.addValueChangeListener(e -> refresh());
            board.setId("board-toggle");
            board.addValueChangeListener(e -> show());
            for (Component c : List.of(status, priority, assignee, label, text)) {
                c.getElement().getStyle().set("flex", "1 1 150px").set("min-width", "0");
            }
            Div row = TaskUi.wrapRow(new Div(status, priority, assignee, label, text, board));
            row.addClassName("task-filters");
            row.getStyle().set("align-items", "end");
            return row;
        }

        private static List<String> statusChoices() {
            List<String> c = new java.util.ArrayList<>(List.of("Not closed", "Any"));
            for (TaskStatus s : TaskStatus.values()) {
                c.add(s.label());
            }
            return c;
        }

        private static List<String> priorityChoices() {
            List<String> c = new java.util.ArrayList<>(List.of("Any"));
            for (Priority p : Priority.values()) {
                c.add(TaskUi.label(p));
            }
            return c;
        }

        private void grid() {
            grid.setId("tasks-grid");
            grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
            // the first column carries everything a phone needs; the others add detail on wider screens
            grid.addComponentColumn(t -> {
                Anchor title = TaskUi.link(Task.route(t.id()), t.title());
                title.getStyle().set("font-weight", "600");
                Div meta = TaskUi.wrapRow(new Div(TaskUi.status(t.status()), TaskUi.priority(t.priority())));
                if (t.due() != null) {
                    Span due = TaskUi.badge("Due " + t.due(), t.overdue(Tasks.today(ctx)) ? "error" : "contrast");
                    meta.add(due);
                }
                meta.add(TaskUi.sla(state(t)));
                return new Div(title, meta);
            }).setHeader("Task").setFlexGrow(3).setKey("task");
            grid.addColumn(t -> TaskUi.assignee(t, names)).setHeader("Assignee").setKey("assignee").setAutoWidth(true);
            grid.addColumn(t -> String.join(", ", t.labels())).setHeader("Labels").setKey("labels");
            grid.addColumn(t -> t.createdAt() == null ? "" : t.createdAt().atZone(ctx.tenant().timezone())
                    .toLocalDate().toString()).setHeader("Created").setKey("created").setAutoWidth(true);
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.getPage().retrieveExtendedClientDetails(d -> {
                    boolean narrow = d.getWindowInnerWidth() < 640;
                    List.of("labels", "created").forEach(k -> grid.getColumnByKey(k).setVisible(!narrow));
                });
            }
        }

        private SlaPolicy.State state(Task t) {
            return SlaPolicy.of(ctx.settings(), ctx.tenant().timezone()).state(t.status(), t.priority(),
                    t.createdAt(), t.firstResponseAt(), t.closedAt(), Instant.now());
        }

        TaskQuery query() {
            TaskQuery.View view = viewOf.getOrDefault(views.getSelectedTab(), TaskQuery.View.ALL);
            Set<TaskStatus> statuses = switch (status.getValue() == null ? "Any" : status.getValue()) {
                case "Any" -> Set.of();
                case "Not closed" -> Set.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.IN_REVIEW);
                default -> Set.of(TaskStatus.parse(status.getValue()).orElse(TaskStatus.OPEN));
            };
            if (board.getValue()) {
                statuses = Set.of(); // the board shows every column
            }
            Priority p = priority.getValue() == null || priority.getValue().equals("Any") ? null
                    : Priority.valueOf(priority.getValue().toUpperCase(java.util.Locale.ROOT));
            String l = label.getValue().isBlank() ? null : label.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            String q = text.getValue().isBlank() ? null : text.getValue().strip();
            return new TaskQuery(view, statuses, assignee.getValue() == null ? null : assignee.getValue().id(), false,
                    p, l == null || l.length() > 40 ? null : l, q == null || q.length() > 200 ? null : q,
                    TaskQuery.MAX_LIMIT, 0);
        }

        void refresh() {
            TaskStore.Page page = TaskStore.list(ctx, query(), Tasks.internal(ctx),
                    ctx.user().map(u -> u.id()).orElse(null), Tasks.today(ctx));
            tasks = page.tasks();
            count.setText(page.total() == 1 ? "1 task" : page.total() + " tasks"
                    + (page.total() > tasks.size() ? " (the first " + tasks.size() + " shown)" : ""));
            show();
        }

        private void show() {
            content.removeAll();
            if (tasks.isEmpty()) {
                EmptyState empty = new EmptyState(VaadinIcon.TASKS, "No tasks here",
                        "Nothing matches this view and these filters.");
                if (ctx.isPermitted(Tasks.WRITE)) {
                    empty.withAction("New task", e -> newTask());
                }
                content.add(empty);
                return;
            }
            if (board.getValue()) {
                fillBoard();
                content.add(boardView);
            } else {
                grid.setItems(tasks);
                content.add(grid);
            }
        }

        /** A column per status; cards move by drag and drop, or with their "Move to" menu on phones and keyboards. */
        private void fillBoard() {
            boardView.removeAll();
            boardView.setId("tasks-board");
            TaskUi.wrapRow(boardView).getStyle().set("align-items", "flex-start");
            Map<TaskStatus, Div> columns = new EnumMap<>(TaskStatus.class);
            boolean write = ctx.isPermitted(Tasks.WRITE);
            for (TaskStatus s : TaskStatus.values()) {
                Div column = new Div(new H3(s.label() + " (" + tasks.stream().filter(t -> t.status() == s).count()
                        + ")"));
                column.addClassName("task-column");
                column.getElement().setAttribute("data-status", s.name());
                column.getStyle().set("flex", "1 1 200px").set("min-width", "0").set("box-sizing", "border-box")
                        .set("padding", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-l)")
                        .set("background", "var(--lumo-contrast-5pct)").set("min-height", "4rem");
                if (write) {
                    DropTarget<Div> drop = DropTarget.create(column);
                    drop.addDropListener(e -> e.getDragData().ifPresent(id -> move((UUID) id, s)));
                }
                columns.put(s, column);
                boardView.add(column);
            }
            for (Task t : tasks) {
                columns.get(t.status()).add(card(t, write));
            }
        }

        private Div card(Task t, boolean write) {
            Anchor title = TaskUi.link(Task.route(t.id()), t.title());
            Div meta = TaskUi.wrapRow(new Div(TaskUi.priority(t.priority()), new Span(TaskUi.assignee(t, names))));
            if (t.due() != null) {
                meta.add(TaskUi.badge("Due " + t.due(), t.overdue(Tasks.today(ctx)) ? "error" : "contrast"));
            }
            Div card = new Div(title, meta);
            card.addClassName("task-card");
            card.getElement().setAttribute("data-id", t.id().toString());
            card.getStyle().set("background", "var(--lumo-base-color)").set("padding", "var(--lumo-space-s)")
                    .set("margin-top", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("box-shadow", "var(--lumo-box-shadow-xs)");
            if (write) {
                DragSource<Div> drag = DragSource.create(card);
                drag.setDragData(t.id());
                Select<TaskStatus> moveTo = new Select<>();
                moveTo.setPlaceholder("Move to…");
                moveTo.setAriaLabel("Move " + t.title() + " to");
                moveTo.setItems(t.status().next().stream().sorted().toList());
                moveTo.setItemLabelGenerator(TaskStatus::label);
                moveTo.addClassName("task-move");
                moveTo.setWidthFull();
                moveTo.addValueChangeListener(e -> {
                    if (e.getValue() != null && e.isFromClient()) {
                        move(t.id(), e.getValue());
                    }
                });
                card.add(moveTo);
            }
            return card;
        }

        void move(UUID id, TaskStatus to) {
            try {
                Task t = TaskStore.find(ctx, id, Tasks.internal(ctx))
                        .orElseThrow(() -> PluginProblem.notFound("The task is gone."));
                if (t.status() != to) {
                    Tasks.transition(ctx, t, to, Actor.of(ctx));
                }
            } catch (PluginProblem p) {
                Notification.show(p.detail());
            }
            refresh();
        }

        private void newTask() {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("New task");
            dialog.setWidth("min(36rem, 95vw)");
            TextField title = new TextField("Title");
            title.setMaxLength(Input.MAX_TITLE);
            title.setRequired(true);
            title.setWidthFull();
            title.setId("new-task-title");
            TextArea body = new TextArea("Description");
            body.setMaxLength(Input.MAX_TEXT);
            body.setWidthFull();
            Select<Priority> prio = new Select<>();
            prio.setLabel("Priority");
            prio.setItems(Priority.values());
            prio.setItemLabelGenerator(TaskUi::label);
            prio.setValue(Priority.NORMAL);
            ComboBox<Member> who = new ComboBox<>("Assignee");
            who.setItems(TaskUi.sorted(ctx.members().list(), Member::name));
            who.setItemLabelGenerator(Member::name);
            DatePicker due = new DatePicker("Due");
            Checkbox client = new Checkbox("Visible to the client", !Tasks.internal(ctx));
            client.setEnabled(Tasks.internal(ctx));
            Div fields = TaskUi.wrapRow(new Div(prio, who, due));
            Button save = new Button("Create", e -> {
                if (title.getValue().isBlank()) {
                    title.setInvalid(true);
                    title.setErrorMessage("A task needs a title");
                    return;
                }
                try {
                    Task t = Tasks.create(ctx, new Tasks.Draft(title.getValue().strip(),
                            body.getValue().isBlank() ? null : body.getValue().strip(), prio.getValue(),
                            due.getValue(), List.of(), client.getValue(), null,
                            who.getValue() == null ? null : who.getValue().id(), null, List.of()), Actor.of(ctx));
                    dialog.close();
                    refresh();
                    Notification.show("Created: " + t.title());
                } catch (PluginProblem p) {
                    Notification.show(p.detail());
                }
            });
            save.setId("create-task");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(new Div(title, body, fields, client));
            dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
            dialog.open();
        }
    }
}

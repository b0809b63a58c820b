package io.catalyst.plugins.tasks;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestRoute;
import io.catalyst.api.tasks.TaskRequest.Priority;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/** The REST API under {@code /api/plugins/tasks/}: tasks, their workflow, people, checklist, comments, analytics. */
public final class TasksApi {

    private TasksApi() {
    }

    /** One route: its method, path template and permission, and a handler. */
    abstract static class Route extends RestRoute {
        Route(HttpMethod method, String path, String permission) {
            super(method, path, permission);
        }

        static Task task(PluginRequest r, PluginContext ctx) {
            return Tasks.get(ctx, r.pathParams().get("id"));
        }

        static PluginResponse ok(JsonObjectBuilder o) {
            return PluginResponse.json(o.build().toString());
        }

        static PluginResponse task(PluginContext ctx, Task t, int status) {
            return PluginResponse.json(status, TaskJson.task(t, Tasks.sla(ctx, t)).build().toString());
        }
    }

    /**
     * {@code GET /tasks?view=all|mine|today|overdue&status=OPEN,IN_PROGRESS&assignee=<id>|me|none&priority=HIGH
     * &label=x&q=words&limit=50&offset=0}: a page of tasks, most urgent first.
     */
    @Extension
    public static class ListTasks extends Route {
        public ListTasks() {
            super(HttpMethod.GET, "/tasks", Tasks.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            TaskQuery q = query(r, ctx);
            TaskStore.Page page = TaskStore.list(ctx, q, Tasks.internal(ctx), ctx.user().map(u -> u.id())
                    .orElse(null), Tasks.today(ctx));
            SlaPolicy policy = SlaPolicy.of(ctx.settings(), ctx.tenant().timezone());
            Instant now = Instant.now();
            JsonArrayBuilder items = Json.createArrayBuilder();
            page.tasks().forEach(t -> items.add(TaskJson.task(t, policy.state(t.status(), t.priority(),
                    t.createdAt(), t.firstResponseAt(), t.closedAt(), now))));
            return ok(Json.createObjectBuilder().add("items", items).add("total", page.total())
                    .add("limit", q.limit()).add("offset", q.offset()));
        }

        static TaskQuery query(PluginRequest r, PluginContext ctx) {
            Map<String, String> errors = new LinkedHashMap<>();
            TaskQuery.View view = TaskQuery.View.parse(r.query("view").orElse("all")).orElse(null);
            if (view == null) {
                errors.put("view", "must be one of all, mine, today, overdue");
            }
            Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
            for (String s : r.query("status").orElse("").split(",")) {
                if (!s.isBlank()) {
                    TaskStatus.parse(s).ifPresentOrElse(statuses::add, () -> errors.put("status",
                            "must be among OPEN, IN_PROGRESS, IN_REVIEW, DONE, CANCELLED"));
                }
            }
            String assigneeText = r.query("assignee").orElse("");
            UUID assignee = null;
            boolean none = false;
            if (assigneeText.equals("me")) {
                assignee = ctx.user().map(u -> u.id()).orElse(null);
            } else if (assigneeText.equals("none")) {
                none = true;
            } else if (!assigneeText.isEmpty()) {
                assignee = Input.parseUuid(assigneeText);
                if (assignee == null) {
                    errors.put("assignee", "must be a member's id, me or none");
                }
            }
            Priority priority = null;
            String p = r.query("priority").orElse("");
            if (!p.isEmpty()) {
                try {
                    priority = Priority.valueOf(p.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.put("priority", "must be one of LOW, NORMAL, HIGH, URGENT");
                }
            }
            String label = r.query("label").filter(s -> !s.isBlank()).map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .orElse(null);
            if (label != null && label.length() > 40) {
                errors.put("label", "is at most 40 characters");
            }
            String text = r.query("q").filter(s -> !s.isBlank()).map(String::strip).orElse(null);
            if (text != null && text.length() > 200) {
                errors.put("q", "is at most 200 characters");
            }
            int limit = number(r.query("limit").orElse("50"), 1, TaskQuery.MAX_LIMIT, "limit", errors);
            int offset = number(r.query("offset").orElse("0"), 0, 1_000_000, "offset", errors);
            if (!errors.isEmpty()) {
                StringBuilder m = new StringBuilder();
                errors.forEach((f, e) -> m.append(m.length() == 0 ? "" : "; ").append(f).append(": ").append(e));
                throw new PluginProblem(400, "Invalid filter", m.toString());
            }
            return new TaskQuery(view, statuses, assignee, none, priority, label, text, limit, offset);
        }

        private static int number(String text, int min, int max, String field, Map<String, String> errors) {
            if (text.matches("[0-9]{1,7}")) {
                int n = Integer.parseInt(text);
                if (n >= min && n <= max) {
                    return n;
                }
            }
            errors.put(field, "is a whole number from " + min + " to " + max);
            return min;
        }
    }

    /** {@code POST /tasks}: creates a task. */
    @Extension
    public static class CreateTask extends Route {
        public CreateTask() {
            super(HttpMethod.POST, "/tasks", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Input in = Input.of(r.body());
            Tasks.Draft d = new Tasks.Draft(in.text("title", Input.MAX_TITLE, true),
                    in.text("body", Input.MAX_TEXT, false), in.priority("priority"), in.date("due"),
                    in.labels("labels"), in.bool("clientVisible"), in.route("link"), in.uuid("assignee"),
                    in.text("role", 100, false), in.texts("checklist", Input.MAX_ITEM));
            in.check();
            return task(ctx, Tasks.create(ctx, d, Actor.of(ctx)), 201);
        }
    }

    /** {@code GET /tasks/{id}}: one task with its SLA, checklist and watchers. */
    @Extension
    public static class GetTask extends Route {
        public GetTask() {
            super(HttpMethod.GET, "/tasks/{id}", Tasks.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            return ok(TaskJson.task(t, Tasks.sla(ctx, t))
                    .add("checklist", TaskJson.checklist(TaskStore.checklist(ctx, t.id())))
                    .add("watchers", TaskJson.strings(TaskStore.watchers(ctx, t.id()))));
        }
    }

    /** {@code PUT /tasks/{id}}: changes any of title, body, priority, due, labels, clientVisible, link. */
    @Extension
    public static class UpdateTask extends Route {
        public UpdateTask() {
            super(HttpMethod.PUT, "/tasks/{id}", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            Input in = Input.of(r.body());
            Map<String, Object> changes = new LinkedHashMap<>();
            if (in.has("title")) {
                changes.put("title", in.text("title", Input.MAX_TITLE, true));
            }
            if (in.has("body")) {
                changes.put("body", in.text("body", Input.MAX_TEXT, false));
            }
            if (in.has("priority")) {
                Priority p = in.priority("priority");
                if (p == null) {
                    in.error("priority", "must be one of LOW, NORMAL, HIGH, URGENT");
                }
                changes.put("priority", p);
            }
            if (in.has("due")) {
                changes.put("due", in.date("due"));
            }
            if (in.has("clientVisible")) {
                Boolean v = in.bool("clientVisible");
                if (v == null) {
                    in.error("clientVisible", "must be true or false");
                }
                changes.put("clientVisible", v);
            }
            if (in.has("link")) {
                changes.put("link", in.route("link"));
            }
            List<String> labels = in.labels("labels");
            for (String f : List.of("status", "assignee", "role")) {
                if (in.has(f)) {
                    in.error(f, "is changed with POST /tasks/{id}/transition or PUT /tasks/{id}/assignee");
                }
            }
            in.check();
            return task(ctx, Tasks.edit(ctx, t, changes, labels, Actor.of(ctx)), 200);
        }
    }

    /** {@code POST /tasks/{id}/transition} with {@code {"status": "IN_PROGRESS"}}. */
    @Extension
    public static class Transition extends Route {
        public Transition() {
            super(HttpMethod.POST, "/tasks/{id}/transition", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            Input in = Input.of(r.body());
            TaskStatus to = in.status("status");
            in.check();
            return task(ctx, Tasks.transition(ctx, t, to, Actor.of(ctx)), 200);
        }
    }

    /** {@code PUT /tasks/{id}/assignee} with {@code {"assignee": "<member id>"}}, {@code {"role": "analyst"}} or {}. */
    @Extension
    public static class Assign extends Route {
        public Assign() {
            super(HttpMethod.PUT, "/tasks/{id}/assignee", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            Input in = Input.of(r.body());
            UUID user = in.uuid("assignee");
            String role = in.text("role", 100, false);
            in.check();
            return task(ctx, Tasks.assign(ctx, t, user, role, Actor.of(ctx)), 200);
        }
    }

    /** {@code GET /tasks/{id}/watchers}: the watchers' ids and names. */
    @Extension
    public static class Watchers extends Route {
        public Watchers() {
            super(HttpMethod.GET, "/tasks/{id}/watchers", Tasks.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (UUID id : TaskStore.watchers(ctx, t.id())) {
                JsonObjectBuilder w = Json.createObjectBuilder().add("id", id.toString());
                TaskJson.put(w, "name", Tasks.who(ctx, id, null));
                a.add(w);
            }
            return PluginResponse.json(a.build().toString());
        }
    }

    /** {@code PUT /tasks/{id}/watchers/{userId}}: a member watches the task. */
    @Extension
    public static class Watch extends Route {
        public Watch() {
            super(HttpMethod.PUT, "/tasks/{id}/watchers/{userId}", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            UUID user = member(r, ctx);
            if (TaskStore.watch(ctx, t.id(), user)) {
                TaskStore.record(ctx, t.id(), Actor.of(ctx), "watcher", null, Tasks.who(ctx, user, null));
            }
            return PluginResponse.noContent();
        }

        static UUID member(PluginRequest r, PluginContext ctx) {
            UUID user = Input.parseUuid(r.pathParams().get("userId"));
            if (user == null || ctx.members().find(user).isEmpty()) {
                throw PluginProblem.notFound("There is no such member.");
            }
            return user;
        }
    }

    /** {@code DELETE /tasks/{id}/watchers/{userId}}. */
    @Extension
    public static class Unwatch extends Route {
        public Unwatch() {
            super(HttpMethod.DELETE, "/tasks/{id}/watchers/{userId}", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            UUID user = Input.parseUuid(r.pathParams().get("userId"));
            if (user != null && TaskStore.unwatch(ctx, t.id(), user)) {
                TaskStore.record(ctx, t.id(), Actor.of(ctx), "watcher", Tasks.who(ctx, user, null), null);
            }
            return PluginResponse.noContent();
        }
    }

    /** {@code GET /tasks/{id}/checklist}. */
    @Extension
    public static class Checklist extends Route {
        public Checklist() {
            super(HttpMethod.GET, "/tasks/{id}/checklist", Tasks.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            return PluginResponse.json(TaskJson.checklist(TaskStore.checklist(ctx, task(r, ctx).id())).build()
                    .toString());
        }
    }

    /** {@code POST /tasks/{id}/checklist} with {@code {"text": "..."}}: adds an item at the end. */
    @Extension
    public static class AddCheckItem extends Route {
        public AddCheckItem() {
            super(HttpMethod.POST, "/tasks/{id}/checklist", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            Input in = Input.of(r.body());
            String text = in.text("text", Input.MAX_ITEM, true);
            in.check();
            UUID id = UUID.randomUUID();
            TaskStore.addCheckItem(ctx, t.id(), id, text);
            TaskStore.record(ctx, t.id(), Actor.of(ctx), "checklist", null, text);
            return PluginResponse.json(201, TaskStore.checklist(ctx, t.id()).stream().filter(i -> i.id().equals(id))
                    .findFirst().map(i -> TaskJson.checkItem(i).build().toString()).orElse("{}"));
        }
    }

    /** {@code PUT /tasks/{id}/checklist/{itemId}} with {@code {"done": true}} and/or {@code {"text": "..."}}. */
    @Extension
    public static class UpdateCheckItem extends Route {
        public UpdateCheckItem() {
            super(HttpMethod.PUT, "/tasks/{id}/checklist/{itemId}", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            UUID item = Input.parseUuid(r.pathParams().get("itemId"));
            Input in = Input.of(r.body());
            String text = in.has("text") ? in.text("text", Input.MAX_ITEM, true) : null;
            Boolean done = in.bool("done");
            in.check();
            if (item == null || !TaskStore.updateCheckItem(ctx, t.id(), item, text, done)) {
                throw PluginProblem.notFound("There is no such checklist item.");
            }
            TaskStore.CheckItem after = TaskStore.checklist(ctx, t.id()).stream().filter(i -> i.id().equals(item))
                    .findFirst().orElseThrow(() -> PluginProblem.notFound("There is no such checklist item."));
            TaskStore.record(ctx, t.id(), Actor.of(ctx), "checklist", null,
                    (after.done() ? "[x] " : "[ ] ") + after.text());
            return ok(TaskJson.checkItem(after));
        }
    }

    /** {@code DELETE /tasks/{id}/checklist/{itemId}}. */
    @Extension
    public static class RemoveCheckItem extends Route {
        public RemoveCheckItem() {
            super(HttpMethod.DELETE, "/tasks/{id}/checklist/{itemId}", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            UUID item = Input.parseUuid(r.pathParams().get("itemId"));
            if (item == null || !TaskStore.removeCheckItem(ctx, t.id(), item)) {
                throw PluginProblem.notFound("There is no such checklist item.");
            }
            TaskStore.record(ctx, t.id(), Actor.of(ctx), "checklist", "item removed", null);
            return PluginResponse.noContent();
        }
    }

    /** {@code GET /tasks/{id}/comments}: oldest first. */
    @Extension
    public static class Comments extends Route {
        public Comments() {
            super(HttpMethod.GET, "/tasks/{id}/comments", Tasks.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            TaskStore.comments(ctx, task(r, ctx).id()).forEach(c -> a.add(TaskJson.comment(c)));
            return PluginResponse.json(a.build().toString());
        }
    }

    /** {@code POST /tasks/{id}/comments} with {@code {"body": "... @Ada Tester ..."}}. */
    @Extension
    public static class AddComment extends Route {
        public AddComment() {
            super(HttpMethod.POST, "/tasks/{id}/comments", Tasks.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            Task t = task(r, ctx);
            Input in = Input.of(r.body());
            String body = in.text("body", Input.MAX_COMMENT, true);
            in.check();
            return PluginResponse.json(201, TaskJson.comment(Tasks.comment(ctx, t, body, Actor.of(ctx))).build()
                    .toString());
        }
    }

    /** {@code GET /tasks/{id}/history}: every change, oldest first. */
    @Extension
    public static class History extends Route {
        public History() {
            super(HttpMethod.GET, "/tasks/{id}/history", Tasks.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            TaskStore.history(ctx, task(r, ctx).id()).forEach(x -> a.add(TaskJson.activity(x)));
            return PluginResponse.json(a.build().toString());
        }
    }

    /** {@code GET /analytics?weeks=12}: created and completed per week, cycle time, overdue rate, per assignee. */
    @Extension
    public static class Analytics extends Route {
        public Analytics() {
            super(HttpMethod.GET, "/analytics", Tasks.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest r, PluginContext ctx) {
            String w = r.query("weeks").orElse("12");
            if (!w.matches("[0-9]{1,2}") || Integer.parseInt(w) < 1 || Integer.parseInt(w) > 52) {
                throw PluginProblem.badRequest("weeks is a whole number from 1 to 52");
            }
            TaskAnalytics.Report report = report(ctx, Integer.parseInt(w));
            JsonArrayBuilder weeks = Json.createArrayBuilder();
            report.weeks().forEach(x -> weeks.add(Json.createObjectBuilder().add("week", x.monday().toString())
                    .add("created", x.created()).add("completed", x.completed())));
            JsonArrayBuilder people = Json.createArrayBuilder();
            report.assignees().forEach(p -> {
                JsonObjectBuilder o = Json.createObjectBuilder();
                TaskJson.put(o, "assignee", p.assignee());
                TaskJson.put(o, "name", p.assignee() == null ? "Unassigned" : Tasks.who(ctx, p.assignee(), null));
                o.add("open", p.open()).add("done", p.done()).add("overdue", p.overdue());
                hours(o, "medianCycleHours", p.medianCycle());
                people.add(o);
            });
            JsonObjectBuilder o = Json.createObjectBuilder().add("weeks", weeks).add("open", report.open())
                    .add("done", report.done()).add("overdue", report.overdue())
                    .add("overdueRate", Math.round(report.overdueRate() * 10_000) / 10_000.0);
            hours(o, "medianCycleHours", report.medianCycle());
            hours(o, "p90CycleHours", report.p90Cycle());
            return ok(o.add("assignees", people));
        }

        static TaskAnalytics.Report report(PluginContext ctx, int weeks) {
            LocalDate today = Tasks.today(ctx);
            Instant since = today.minusWeeks(weeks).atStartOfDay(ctx.tenant().timezone()).toInstant();
            return TaskAnalytics.of(TaskStore.facts(ctx, since, Tasks.internal(ctx)), weeks, today,
                    ctx.tenant().timezone());
        }

        /** Hours to one decimal, or null. */
        private static void hours(JsonObjectBuilder o, String key, Duration d) {
            if (d == null) {
                o.addNull(key);
            } else {
                o.add(key, Math.round(d.toMinutes() / 6.0) / 10.0);
            }
        }
    }
}

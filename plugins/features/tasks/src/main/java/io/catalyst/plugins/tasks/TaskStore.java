package io.catalyst.plugins.tasks;

import io.catalyst.api.PluginContext;
import io.catalyst.api.tasks.TaskRequest.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the plugin's tables. Row-level security keeps every statement to the context's company; the visibility
 * of internal tasks is this class's job ({@code internal}: whether the caller may see agency-internal tasks).
 */
final class TaskStore {

    /** One page and how many match in all. */
    record Page(List<Task> tasks, int total) {
    }

    record CheckItem(UUID id, int position, String text, boolean done) {
    }

    record Comment(UUID id, UUID authorId, String authorName, String body, Instant createdAt) {
    }

    record Activity(UUID actorId, String actorName, String field, String from, String to, Instant at) {
    }

    /** The columns an edit may change, by their field names in the API. */
    static final Map<String, String> COLUMNS = Map.of("title", "title", "body", "body", "priority", "priority",
            "due", "due", "clientVisible", "client_visible", "link", "link", "assignee", "assignee_id",
            "role", "assignee_role", "status", "status");

    private static final String SELECT = "select t.id, t.title, t.body, t.status, t.priority, t.assignee_id,"
            + " t.assignee_role, t.due, t.client_visible, t.link, t.subject_kind, t.subject_id, t.subject_label,"
            + " t.subject_snapshot, t.source_plugin, t.dedupe_key, t.created_by, t.created_by_name, t.created_at,"
            + " t.updated_at, t.first_response_at, t.closed_at,"
            + " (select string_agg(l.label, ',' order by l.label) from task_label l where l.task_id = t.id) as labels"
            + " from task t";

    private TaskStore() {
    }

    static Optional<Task> find(PluginContext ctx, UUID id, boolean internal) {
        return ctx.data().query(SELECT + " where t.id = ?" + (internal ? "" : " and t.client_visible"), id).stream()
                .findFirst().map(TaskStore::task);
    }

    static Optional<Task> findRequested(PluginContext ctx, String sourcePlugin, String dedupeKey) {
        return ctx.data().query(SELECT + " where t.source_plugin = ? and t.dedupe_key = ?", sourcePlugin, dedupeKey)
                .stream().findFirst().map(TaskStore::task);
    }

    static Page list(PluginContext ctx, TaskQuery q, boolean internal, UUID me, LocalDate today) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (!internal) {
            where.append(" and t.client_visible");
        }
        switch (q.view()) {
            case MINE -> {
                where.append(" and t.assignee_id = ?");
                params.add(me);
            }
            case TODAY -> {
                where.append(" and t.due = ? and t.status not in ('DONE', 'CANCELLED')");
                params.add(today);
            }
            case OVERDUE -> {
                where.append(" and t.due < ? and t.status not in ('DONE', 'CANCELLED')");
                params.add(today);
            }
            case ALL -> {
            }
        }
        if (!q.statuses().isEmpty()) {
            where.append(" and t.status in (").append(String.join(", ", q.statuses().stream().map(s -> "?")
                    .toList())).append(')');
            q.statuses().stream().map(Enum::name).sorted().forEach(params::add);
        }
        if (q.assignee() != null) {
            where.append(" and t.assignee_id = ?");
            params.add(q.assignee());
        }
        if (q.unassigned()) {
            where.append(" and t.assignee_id is null");
        }
        if (q.priority() != null) {
            where.append(" and t.priority = ?");
            params.add(q.priority().name());
        }
        if (q.label() != null) {
            where.append(" and exists (select 1 from task_label l where l.task_id = t.id and l.label = ?)");
            params.add(q.label());
        }
        if (q.text() != null) {
            where.append(" and (t.title ilike ? escape '\\' or t.body ilike ? escape '\\')");
            String like = "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        Number total = (Number) ctx.data().query("select count(*) as n from task t" + where, params.toArray())
                .get(0).get("n");
        List<Object> paged = new ArrayList<>(params);
        paged.add(q.limit());
        paged.add(q.offset());
        List<Task> tasks = ctx.data().query(SELECT + where + " order by t.status in ('DONE', 'CANCELLED'),"
                + " case t.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,"
                + " t.due nulls last, t.created_at desc, t.id limit ? offset ?", paged.toArray())
                .stream().map(TaskStore::task).toList();
        return new Page(tasks, total == null ? 0 : total.intValue());
    }

    static void insert(PluginContext ctx, Task t) {
        ctx.data().update("insert into task (id, title, body, status, priority, assignee_id, assignee_role, due,"
                        + " client_visible, link, subject_kind, subject_id, subject_label, subject_snapshot,"
                        + " source_plugin, dedupe_key, created_by, created_by_name)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.id(), t.title(), t.body(), t.status().name(), t.priority().name(), t.assigneeId(),
                t.assigneeRole(), t.due(), t.clientVisible(), t.link(), t.subjectKind(), t.subjectId(),
                t.subjectLabel(), t.subjectSnapshot(), t.sourcePlugin(), t.dedupeKey(), t.createdBy(),
                t.createdByName());
        setLabels(ctx, t.id(), t.labels());
    }

    /** Sets columns named by their API field ({@link #COLUMNS}), never by caller-given names. */
    static void set(PluginContext ctx, UUID id, Map<String, Object> fields) {
        if (fields.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("update task set updated_at = now()");
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String column = COLUMNS.get(e.getKey());
            if (column == null) {
                throw new IllegalArgumentException("not a task column: " + e.getKey());
            }
            sql.append(", ").append(column).append(" = ?");
            Object v = e.getValue();
            params.add(v instanceof Enum<?> en ? en.name() : v);
        }
        if (fields.containsKey("status")) {
            // closed_at marks when a task was done or cancelled, and is cleared when it reopens
            boolean closed = ((TaskStatus) fields.get("status")).closed();
            sql.append(closed ? ", closed_at = now()" : ", closed_at = null");
        }
        params.add(id);
        ctx.data().update(sql.append(" where id = ?").toString(), params.toArray());
    }

    static void setSubject(PluginContext ctx, UUID id, String kind, String subjectId, String label, String snapshot) {
        ctx.data().update("update task set subject_kind = ?, subject_id = ?, subject_label = ?, subject_snapshot = ?,"
                + " updated_at = now() where id = ?", kind, subjectId, label, snapshot, id);
    }

    static void setLabels(PluginContext ctx, UUID id, List<String> labels) {
        ctx.data().update("delete from task_label where task_id = ?", id);
        for (String label : labels) {
            ctx.data().update("insert into task_label (task_id, label) values (?, ?) on conflict do nothing", id,
                    label);
        }
    }

    /** Marks the first response, once, if the actor is not the task's creator; true when this was it. */
    static boolean markFirstResponse(PluginContext ctx, UUID id, UUID actor) {
        return actor != null && ctx.data().update("update task set first_response_at = now() where id = ?"
                + " and first_response_at is null and (created_by is null or created_by <> ?)", id, actor) > 0;
    }

    // ---- watchers -----------------------------------------------------------------------------------------------

    static List<UUID> watchers(PluginContext ctx, UUID task) {
        return ctx.data().query("select user_id from task_watcher where task_id = ? order by user_id", task).stream()
                .map(r -> (UUID) r.get("user_id")).toList();
    }

    static boolean watch(PluginContext ctx, UUID task, UUID user) {
        return ctx.data().update("insert into task_watcher (task_id, user_id) values (?, ?) on conflict do nothing",
                task, user) > 0;
    }

    static boolean unwatch(PluginContext ctx, UUID task, UUID user) {
        return ctx.data().update("delete from task_watcher where task_id = ? and user_id = ?", task, user) > 0;
    }

    // ---- checklist ----------------------------------------------------------------------------------------------

    static List<CheckItem> checklist(PluginContext ctx, UUID task) {
        return ctx.data().query("select id, position, text, done from task_check_item where task_id = ?"
                + " order by position, id", task).stream()
                .map(r -> new CheckItem((UUID) r.get("id"), ((Number) r.get("position")).intValue(),
                        (String) r.get("text"), Boolean.TRUE.equals(r.get("done")))).toList();
    }

    static void addCheckItem(PluginContext ctx, UUID task, UUID id, String text) {
        ctx.data().update("insert into task_check_item (id, task_id, position, text) values (?, ?,"
                + " (select coalesce(max(position), 0) + 1 from task_check_item where task_id = ?), ?)",
                id, task, task, text);
    }

    static boolean updateCheckItem(PluginContext ctx, UUID task, UUID item, String text, Boolean done) {
        return ctx.data().update("update task_check_item set text = coalesce(?, text), done = coalesce(?, done)"
                + " where task_id = ? and id = ?", text, done, task, item) > 0;
    }

    static boolean removeCheckItem(PluginContext ctx, UUID task, UUID item) {
        return ctx.data().update("delete from task_check_item where task_id = ? and id = ?", task, item) > 0;
    }

    // ---- comments and history -----------------------------------------------------------------------------------

    static List<Comment> comments(PluginContext ctx, UUID task) {
        return ctx.data().query("select id, author_id, author_name, body, created_at from task_comment"
                + " where task_id = ? order by created_at, id", task).stream()
                .map(r -> new Comment((UUID) r.get("id"), (UUID) r.get("author_id"), (String) r.get("author_name"),
                        (String) r.get("body"), instant(r.get("created_at")))).toList();
    }

    static Comment addComment(PluginContext ctx, UUID task, Actor author, String body) {
        Comment c = new Comment(UUID.randomUUID(), author.id(), author.name(), body, Instant.now());
        ctx.data().update("insert into task_comment (id, task_id, author_id, author_name, body, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", c.id(), task, c.authorId(), c.authorName(), body,
                c.createdAt().atOffset(java.time.ZoneOffset.UTC));
        return c;
    }

    static List<Activity> history(PluginContext ctx, UUID task) {
        return ctx.data().query("select actor_id, actor_name, field, from_value, to_value, at from task_activity"
                + " where task_id = ? order by at, id", task).stream()
                .map(r -> new Activity((UUID) r.get("actor_id"), (String) r.get("actor_name"),
                        (String) r.get("field"), (String) r.get("from_value"), (String) r.get("to_value"),
                        instant(r.get("at")))).toList();
    }

    static void record(PluginContext ctx, UUID task, Actor actor, String field, Object from, Object to) {
        ctx.data().update("insert into task_activity (id, task_id, actor_id, actor_name, field, from_value, to_value)"
                + " values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), task, actor.id(), actor.name(), field,
                text(from), text(to));
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    // ---- assignment, reminders, analytics -----------------------------------------------------------------------

    /** Open tasks per assigned member. */
    static Map<UUID, Integer> openTasksByAssignee(PluginContext ctx) {
        Map<UUID, Integer> counts = new HashMap<>();
        ctx.data().query("select assignee_id, count(*) as n from task where assignee_id is not null"
                + " and status not in ('DONE', 'CANCELLED') group by assignee_id")
                .forEach(r -> counts.put((UUID) r.get("assignee_id"), ((Number) r.get("n")).intValue()));
        return counts;
    }

    /** Open tasks with an assignee due on or before the day, at most {@code limit}. */
    static List<Task> dueBy(PluginContext ctx, LocalDate day, int limit) {
        return ctx.data().query(SELECT + " where t.due <= ? and t.assignee_id is not null"
                + " and t.status not in ('DONE', 'CANCELLED') order by t.due, t.id limit ?", day, limit).stream()
                .map(TaskStore::task).toList();
    }

    /** Claims the reminder of a task for a day; false when it was sent already. */
    static boolean claimReminder(PluginContext ctx, UUID task, LocalDate day) {
        return ctx.data().update("insert into task_due_notice (task_id, day) values (?, ?) on conflict do nothing",
                task, day) > 0;
    }

    /** What the analytics need of the tasks created or closed since a time, or still open. */
    static List<TaskAnalytics.Fact> facts(PluginContext ctx, Instant since, boolean internal) {
        return ctx.data().query("select status, assignee_id, created_at, closed_at, due from task"
                + " where (created_at >= ? or closed_at >= ? or status not in ('DONE', 'CANCELLED'))"
                + (internal ? "" : " and client_visible") + " limit 100000",
                since.atOffset(java.time.ZoneOffset.UTC), since.atOffset(java.time.ZoneOffset.UTC)).stream()
                .map(r -> new TaskAnalytics.Fact(TaskStatus.valueOf((String) r.get("status")),
                        (UUID) r.get("assignee_id"), instant(r.get("created_at")), instant(r.get("closed_at")),
                        (LocalDate) r.get("due"))).toList();
    }

    // ---- rows ---------------------------------------------------------------------------------------------------

    private static Task task(Map<String, Object> r) {
        String labels = (String) r.get("labels");
        return new Task((UUID) r.get("id"), (String) r.get("title"), (String) r.get("body"),
                TaskStatus.valueOf((String) r.get("status")), Priority.valueOf((String) r.get("priority")),
                (UUID) r.get("assignee_id"), (String) r.get("assignee_role"), (LocalDate) r.get("due"),
                Boolean.TRUE.equals(r.get("client_visible")), (String) r.get("link"), (String) r.get("subject_kind"),
                (String) r.get("subject_id"), (String) r.get("subject_label"), (String) r.get("subject_snapshot"),
                (String) r.get("source_plugin"), (String) r.get("dedupe_key"), (UUID) r.get("created_by"),
                (String) r.get("created_by_name"), instant(r.get("created_at")), instant(r.get("updated_at")),
                instant(r.get("first_response_at")), instant(r.get("closed_at")),
                labels == null || labels.isEmpty() ? List.of() : Arrays.asList(labels.split(",")));
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}

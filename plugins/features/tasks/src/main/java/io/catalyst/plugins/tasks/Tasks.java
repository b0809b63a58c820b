package io.catalyst.plugins.tasks;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.host.Members.Member;
import io.catalyst.api.host.Notification;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.api.tasks.TaskRequest.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What can be done to tasks, for REST, screens and the task contract alike: each change is stored, written to the
 * task's history, audited where it matters, and notifies the people it concerns.
 */
final class Tasks {

    static final String READ = "tasks:read";
    static final String WRITE = "tasks:write";
    static final String INTERNAL = "tasks:internal";
    static final String MANAGE = "tasks:manage";

    /** A new task as given by a person. */
    record Draft(String title, String body, Priority priority, LocalDate due, List<String> labels,
                 Boolean clientVisible, String link, UUID assignee, String role, List<String> checklist) {
    }

    private Tasks() {
    }

    /** Whether the caller sees and makes agency-internal tasks. */
    static boolean internal(PluginContext ctx) {
        return ctx.isPermitted(INTERNAL);
    }

    /** The task, if the caller may see it; 404 otherwise, so an invisible task looks like none at all. */
    static Task get(PluginContext ctx, String id) {
        UUID uuid = Input.parseUuid(id);
        return Optional.ofNullable(uuid).flatMap(u -> TaskStore.find(ctx, u, internal(ctx)))
                .orElseThrow(() -> PluginProblem.notFound("There is no such task."));
    }

    static LocalDate today(PluginContext ctx) {
        return LocalDate.now(ctx.tenant().timezone());
    }

    static SlaPolicy.State sla(PluginContext ctx, Task t) {
        return SlaPolicy.of(ctx.settings(), ctx.tenant().timezone()).state(t.status(), t.priority(), t.createdAt(),
                t.firstResponseAt(), t.closedAt(), Instant.now());
    }

    static Task create(PluginContext ctx, Draft d, Actor actor) {
        boolean internalAllowed = internal(ctx);
        boolean visible = d.clientVisible() == null ? !internalAllowed : d.clientVisible();
        if (!visible && !internalAllowed) {
            throw new PluginProblem(403, "Forbidden", "Only members who may see internal tasks can create one;"
                    + " set clientVisible to true.");
        }
        checkMember(ctx, d.assignee(), "assignee");
        UUID id = UUID.randomUUID();
        Task task = new Task(id, d.title(), d.body(), TaskStatus.OPEN,
                d.priority() == null ? Priority.NORMAL : d.priority(), d.assignee(),
                d.assignee() == null ? blankToNull(d.role()) : null, d.due(), visible, d.link(), null, null, null,
                null, null, null, actor.id(), actor.name(), null, null, null, null,
                d.labels() == null ? List.of() : d.labels());
        TaskStore.insert(ctx, task);
        TaskStore.record(ctx, id, actor, "created", null, task.title());
        if (actor.id() != null) {
            TaskStore.watch(ctx, id, actor.id());
        }
        for (String item : d.checklist()) {
            TaskStore.addCheckItem(ctx, id, UUID.randomUUID(), item);
        }
        Task stored = TaskStore.find(ctx, id, true).orElseThrow();
        announceAssignment(ctx, stored, actor);
        ctx.audit().record("task:created", "task/" + id, null, TaskJson.task(stored, null).build().toString());
        return stored;
    }

    /**
     * Applies field changes given by API field name ({@link TaskStore#COLUMNS}), recording each in the history.
     * Labels are given apart; null leaves them.
     */
    static Task edit(PluginContext ctx, Task t, Map<String, Object> changes, List<String> labels, Actor actor) {
        if (Boolean.FALSE.equals(changes.get("clientVisible")) && !internal(ctx)) {
            throw new PluginProblem(403, "Forbidden", "Only members who may see internal tasks can make one internal.");
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        Map<String, Object> before = current(t);
        changes.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                changed.put(field, value);
                TaskStore.record(ctx, t.id(), actor, field, before.get(field), value);
            }
        });
        TaskStore.set(ctx, t.id(), changed);
        if (labels != null && !labels.equals(t.labels())) {
            TaskStore.setLabels(ctx, t.id(), labels);
            TaskStore.record(ctx, t.id(), actor, "labels", String.join(", ", t.labels()), String.join(", ", labels));
        }
        Task after = TaskStore.find(ctx, t.id(), true).orElseThrow();
        if (!changed.isEmpty()) {
            ctx.audit().record("task:updated", "task/" + t.id(), json(before, changed.keySet()),
                    json(current(after), changed.keySet()));
        }
        return after;
    }

    /** Moves a task along its workflow; 409 for a move the workflow does not allow. */
    static Task transition(PluginContext ctx, Task t, TaskStatus to, Actor actor) {
        try {
            t.status().checkMove(to);
        } catch (IllegalArgumentException e) {
            throw new PluginProblem(409, "Not allowed now", "Cannot move the task: " + e.getMessage() + ".");
        }
        TaskStore.set(ctx, t.id(), Map.of("status", to));
        TaskStore.record(ctx, t.id(), actor, "status", t.status(), to);
        TaskStore.markFirstResponse(ctx, t.id(), actor.id());
        Task after = TaskStore.find(ctx, t.id(), true).orElseThrow();
        ctx.audit().record("task:" + (to == TaskStatus.OPEN && t.status().closed() ? "reopened" : "moved"),
                "task/" + t.id(), "{\"status\":\"" + t.status() + "\"}", "{\"status\":\"" + to + "\"}");
        if (to.closed() && t.requested()) {
            ctx.events().publish(TaskRequest.CLOSED_TOPIC, closedPayload(after));
        }
        return after;
    }

    static Map<String, Object> closedPayload(Task t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(TaskRequest.SOURCE, t.sourcePlugin());
        p.put("dedupeKey", t.dedupeKey());
        p.put("status", t.status().name());
        p.put("taskId", t.id().toString());
        return p;
    }

    /** Assigns a member, or a role until someone picks the task up, or nobody (both null). */
    static Task assign(PluginContext ctx, Task t, UUID user, String role, Actor actor) {
        checkMember(ctx, user, "assignee");
        String newRole = user == null ? blankToNull(role) : null;
        if (Objects.equals(user, t.assigneeId()) && Objects.equals(newRole, t.assigneeRole())) {
            return t;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("assignee", user);
        fields.put("role", newRole);
        TaskStore.set(ctx, t.id(), fields);
        TaskStore.record(ctx, t.id(), actor, "assignee", who(ctx, t.assigneeId(), t.assigneeRole()),
                who(ctx, user, newRole));
        Task after = TaskStore.find(ctx, t.id(), true).orElseThrow();
        announceAssignment(ctx, after, actor);
        ctx.audit().record("task:assigned", "task/" + t.id(), null, "{\"assignee\":"
                + (user == null ? "null" : "\"" + user + "\"") + "}");
        return after;
    }

    /** Adds a comment: mentioned members become watchers and are told; the other watchers hear of it. */
    static TaskStore.Comment comment(PluginContext ctx, Task t, String body, Actor actor) {
        TaskStore.Comment comment = TaskStore.addComment(ctx, t.id(), actor, body);
        TaskStore.record(ctx, t.id(), actor, "comment", null, body.length() > 80 ? body.substring(0, 80) + "…" : body);
        TaskStore.markFirstResponse(ctx, t.id(), actor.id());
        Set<UUID> mentioned = new HashSet<>();
        for (Member m : Mentions.in(body, ctx.members().list())) {
            if (!t.clientVisible() && !mayHaveInternal(m)) {
                continue; // a client's user is never pointed at an internal task
            }
            TaskStore.watch(ctx, t.id(), m.id());
            if (!m.id().equals(actor.id())) {
                mentioned.add(m.id());
            }
        }
        if (!mentioned.isEmpty()) {
            ctx.notifications().notifyUsers(mentioned, new Notification("task.mentioned",
                    actor.name() + " mentioned you on: " + t.title(), body, Task.route(t.id())));
        }
        Set<UUID> watchers = new HashSet<>(TaskStore.watchers(ctx, t.id()));
        watchers.removeAll(mentioned);
        watchers.remove(actor.id());
        if (!watchers.isEmpty()) {
            ctx.notifications().notifyUsers(watchers, new Notification("task.commented",
                    actor.name() + " commented on: " + t.title(), body, Task.route(t.id())));
        }
        return comment;
    }

    /** Whether a member's roles are the agency's (only analysts and admins hold tasks:internal by default). */
    private static boolean mayHaveInternal(Member m) {
        return !(m.roles().size() == 1 && m.roles().contains("viewer"));
    }

    // ---- the task contract --------------------------------------------------------------------------------------

    /** Creates or updates the task a plugin requested. */
    static Task request(PluginContext ctx, TaskRequest r, String source) {
        Actor actor = Actor.plugin(source);
        String snapshot = r.subject() == null ? null : TaskJson.value(r.subject().snapshot()).toString();
        List<String> labels = Input.labelsOf(r.labels());
        String link = r.link() != null && Input.isRoute(r.link()) && r.link().length() <= 2000 ? r.link() : null;
        Optional<Task> existing = TaskStore.findRequested(ctx, source, r.dedupeKey());
        if (existing.isEmpty()) {
            Assignment.Assignee who = Assignment.decide(r.assignee(), r.role(), ctx.members().list(),
                    r.assignee() == null && r.role() != null ? TaskStore.openTasksByAssignee(ctx) : Map.of());
            UUID id = UUID.randomUUID();
            Task task = new Task(id, r.title(), clip(r.body(), Input.MAX_TEXT), TaskStatus.OPEN, r.priority(),
                    who.userId(), who.role(), r.due(), r.clientVisible(), link,
                    r.subject() == null ? null : clip(r.subject().kind(), 100),
                    r.subject() == null ? null : clip(r.subject().id(), 200),
                    r.subject() == null ? null : clip(r.subject().label(), 200), snapshot, source, r.dedupeKey(),
                    null, actor.name(), null, null, null, null, labels);
            TaskStore.insert(ctx, task);
            TaskStore.record(ctx, id, actor, "created", null, task.title());
            Task stored = TaskStore.find(ctx, id, true).orElseThrow();
            announceAssignment(ctx, stored, actor);
            ctx.audit().record("task:requested", "task/" + id, null, "{\"sourcePlugin\":" + TaskJson.value(source)
                    + ",\"dedupeKey\":" + TaskJson.value(r.dedupeKey()) + "}");
            return stored;
        }
        Task t = existing.get();
        Map<String, Object> changes = requestChanges(t, r, link);
        Task after = edit(ctx, t, changes, null, actor);
        if (r.subject() != null) {
            TaskStore.setSubject(ctx, t.id(), clip(r.subject().kind(), 100), clip(r.subject().id(), 200),
                    clip(r.subject().label(), 200), snapshot);
        }
        TaskStore.record(ctx, t.id(), actor, "requested again", null, r.dedupeKey());
        if (t.status().closed() && r.reopen()) {
            after = transition(ctx, after, TaskStatus.OPEN, actor);
        }
        return TaskStore.find(ctx, t.id(), true).orElse(after);
    }

    /** The fields a repeated request changes: title, body, link, priority, due date. */
    static Map<String, Object> requestChanges(Task t, TaskRequest r, String link) {
        Map<String, Object> changes = new LinkedHashMap<>();
        String body = clip(r.body(), Input.MAX_TEXT);
        if (!t.title().equals(r.title())) {
            changes.put("title", r.title());
        }
        if (!Objects.equals(t.body(), body)) {
            changes.put("body", body);
        }
        if (!Objects.equals(t.link(), link)) {
            changes.put("link", link);
        }
        if (t.priority() != r.priority()) {
            changes.put("priority", r.priority());
        }
        if (!Objects.equals(t.due(), r.due())) {
            changes.put("due", r.due());
        }
        return changes;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void announceAssignment(PluginContext ctx, Task t, Actor actor) {
        Notification n = new Notification("task.assigned", "Assigned to you: " + t.title(),
                "By " + actor.name() + (t.due() == null ? "" : ", due " + t.due()) + ". Priority "
                        + t.priority().name().toLowerCase() + ".", Task.route(t.id()));
        if (t.assigneeId() != null) {
            TaskStore.watch(ctx, t.id(), t.assigneeId());
            if (!t.assigneeId().equals(actor.id())) {
                ctx.notifications().notifyUsers(Set.of(t.assigneeId()), n);
            }
        } else if (t.assigneeRole() != null) {
            ctx.notifications().notifyRole(t.assigneeRole(), new Notification("task.assigned",
                    "For your role (" + t.assigneeRole() + "): " + t.title(), n.message(), n.link()));
        }
    }

    private static void checkMember(PluginContext ctx, UUID user, String field) {
        if (user != null && ctx.members().find(user).isEmpty()) {
            throw new PluginProblem(400, "Invalid task", field + ": is not a member of this company");
        }
    }

    /** How a person reads an assignee in the history: a member's name, "role analyst", or nobody. */
    static String who(PluginContext ctx, UUID user, String role) {
        if (user != null) {
            return ctx.members().find(user).map(Member::name).orElse(user.toString());
        }
        return role == null ? null : "role " + role;
    }

    private static Map<String, Object> current(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", t.title());
        m.put("body", t.body());
        m.put("priority", t.priority());
        m.put("due", t.due());
        m.put("clientVisible", t.clientVisible());
        m.put("link", t.link());
        return m;
    }

    private static String json(Map<String, Object> values, Set<String> keys) {
        Map<String, Object> picked = new LinkedHashMap<>();
        keys.forEach(k -> picked.put(k, values.get(k) == null ? null : values.get(k).toString()));
        return TaskJson.value(picked).toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}

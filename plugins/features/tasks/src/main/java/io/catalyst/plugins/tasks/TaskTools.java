package io.catalyst.plugins.tasks;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolParameter.Type;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.ai.ToolSpec;
import io.catalyst.api.host.Members.Member;
import io.catalyst.api.tasks.TaskRequest.Priority;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * The tasks plugin's tools for the AI assistant: create a task (after the user confirmed it) and list tasks. The
 * arguments come from the model: every one is checked here as a REST body would be, and a bad one is a 400 whose
 * words tell the model what to send instead.
 */
public final class TaskTools {

    /** The tasks screen, the link of a list. */
    static final String TASKS_SCREEN = "plugins/tasks/tasks";
    /** The most tasks a list answers. */
    static final int LIST_LIMIT = 20;
    /** The longest e-mail address (RFC 5321). */
    private static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    private static final List<String> STATUSES = List.of("open", "in_progress", "in_review", "done", "cancelled");

    private TaskTools() {
    }

    /** A task as the model asked for it, checked; the assignee still by e-mail address. */
    record Ask(String title, String body, Priority priority, LocalDate due, String assigneeEmail) {
    }

    /** Reads and checks the arguments of create_task; 400 with words for anything wrong. */
    static Ask ask(Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        String title = text(args, "title", Input.MAX_TITLE, true);
        if (title.chars().anyMatch(Character::isISOControl)) {
            throw PluginProblem.badRequest("title: one line of text, without line breaks.");
        }
        String body = text(args, "body", Input.MAX_TEXT, false);
        String p = text(args, "priority", 20, false);
        Priority priority = Priority.NORMAL;
        if (p != null) {
            if (!PRIORITIES.contains(p.toLowerCase(Locale.ROOT))) {
                throw PluginProblem.badRequest("priority: one of low, normal, high, urgent (not '" + clip(p, 20)
                        + "').");
            }
            priority = Priority.valueOf(p.toUpperCase(Locale.ROOT));
        }
        LocalDate due = date(text(args, "due", 40, false));
        String email = text(args, "assignee_email", MAX_EMAIL, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw PluginProblem.badRequest("assignee_email: a member's e-mail address like dana@agency.example (not '"
                    + clip(email, 60) + "'); leave it out for an unassigned task.");
        }
        return new Ask(title, body, priority, due, email);
    }

    /** The member with this address (case does not matter), or 400. */
    static Member member(PluginContext ctx, String email) {
        return ctx.members().list().stream().filter(m -> m.email() != null && m.email().equalsIgnoreCase(email))
                .findFirst().orElseThrow(() -> PluginProblem.badRequest("assignee_email: no member of this company"
                        + " has the address " + email + ". Ask the user for a member's address, or leave"
                        + " assignee_email out for an unassigned task."));
    }

    /** What the user confirms: "Create the task 'X', high priority, due 2026-12-12, for dana@agency.example?". */
    static String question(Ask a, String assignee) {
        StringBuilder q = new StringBuilder("Create the task '").append(a.title()).append("', ")
                .append(a.priority().name().toLowerCase(Locale.ROOT)).append(" priority");
        if (a.due() != null) {
            q.append(", due ").append(a.due());
        }
        q.append(assignee == null ? ", unassigned" : ", for " + assignee);
        if (a.body() != null) {
            q.append(", with the description '").append(clip(a.body().replaceAll("\\s+", " "), 120)).append('\'');
        }
        return q.append('?').toString();
    }

    // ---- the tools ----------------------------------------------------------------------------------------------

    /** {@code tasks_create_task}: creates a task as the REST API and the task list's dialog do, once confirmed. */
    @Extension
    public static class CreateTask implements AssistantTool {

        @Override
        public ToolSpec spec() {
            return new ToolSpec("create_task", "Creates a task in the company's task list, as the user. Use it when"
                    + " the user asks to create, add or remember a to-do. The user confirms before it is created.",
                    List.of(ToolParameter.required("title", Type.STRING, "What is to be done, one line, at most "
                                    + Input.MAX_TITLE + " characters"),
                            ToolParameter.optional("body", Type.STRING, "Details: what, why, links to look at"),
                            ToolParameter.oneOf("priority", false, "How urgent; normal when left out", PRIORITIES),
                            ToolParameter.optional("due", Type.STRING, "The due date, as YYYY-MM-DD"),
                            ToolParameter.optional("assignee_email", Type.STRING, "The e-mail address of the company"
                                    + " member who should do it; left out, the task is unassigned")));
        }

        @Override
        public String requiredPermission() {
            return Tasks.WRITE;
        }

        @Override
        public boolean changesData() {
            return true;
        }

        @Override
        public String confirmation(PluginContext ctx, Map<String, Object> arguments) {
            Ask a = ask(arguments);
            return question(a, a.assigneeEmail() == null ? null : member(ctx, a.assigneeEmail()).name());
        }

        @Override
        public ToolResult call(PluginContext ctx, Map<String, Object> arguments) {
            Ask a = ask(arguments);
            Member assignee = a.assigneeEmail() == null ? null : member(ctx, a.assigneeEmail());
            Task t = Tasks.create(ctx, new Tasks.Draft(a.title(), a.body(), a.priority(), a.due(), List.of(), null,
                    null, assignee == null ? null : assignee.id(), null, List.of()), Actor.of(ctx));
            StringBuilder text = new StringBuilder("Created the task '").append(t.title()).append("' (")
                    .append(t.priority().name().toLowerCase(Locale.ROOT)).append(" priority");
            if (t.due() != null) {
                text.append(", due ").append(t.due());
            }
            text.append(assignee == null ? ", unassigned" : ", assigned to " + assignee.name());
            text.append(t.clientVisible() ? ", visible to the client" : ", internal to the agency").append(").");
            text.append(" Open it at ").append(Task.route(t.id())).append('.');
            return new ToolResult(text.toString(), List.of(), Task.route(t.id()));
        }
    }

    /** {@code tasks_list_tasks}: the open tasks, most urgent first, at most 20. */
    @Extension
    public static class ListTasks implements AssistantTool {

        @Override
        public ToolSpec spec() {
            return new ToolSpec("list_tasks", "Lists the company's tasks, most urgent first, at most "
                    + LIST_LIMIT + ": by default the open ones (open, in progress, in review). Use it for questions"
                    + " such as 'what is on my plate' or 'what is overdue'.",
                    List.of(ToolParameter.oneOf("status", false, "Only tasks of this status", STATUSES),
                            ToolParameter.optional("assigned_to_me", Type.BOOLEAN, "Only the user's own tasks"),
                            ToolParameter.optional("overdue", Type.BOOLEAN, "Only tasks past their due date")));
        }

        @Override
        public String requiredPermission() {
            return Tasks.READ;
        }

        @Override
        public ToolResult call(PluginContext ctx, Map<String, Object> arguments) {
            Map<String, Object> args = arguments == null ? Map.of() : arguments;
            String s = text(args, "status", 30, false);
            TaskStatus status = null;
            if (s != null) {
                status = STATUSES.contains(s.toLowerCase(Locale.ROOT)) ? TaskStatus.parse(s).orElse(null) : null;
                if (status == null) {
                    throw PluginProblem.badRequest("status: one of " + String.join(", ", STATUSES) + " (not '"
                            + clip(s, 30) + "'); leave it out for all open tasks.");
                }
            }
            boolean mine = flag(args, "assigned_to_me");
            boolean overdue = flag(args, "overdue");
            UUID me = ctx.user().map(u -> u.id()).orElse(null);
            if (mine && me == null) {
                throw PluginProblem.badRequest("assigned_to_me: there is no signed-in user to ask for.");
            }
            Set<TaskStatus> statuses = status != null ? Set.of(status)
                    : EnumSet.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.IN_REVIEW);
            TaskQuery q = new TaskQuery(overdue ? TaskQuery.View.OVERDUE : TaskQuery.View.ALL, statuses,
                    mine ? me : null, false, null, null, null, LIST_LIMIT, 0);
            LocalDate today = Tasks.today(ctx);
            TaskStore.Page page = TaskStore.list(ctx, q, Tasks.internal(ctx), me, today);

            String what = (status == null ? "open" : status.label().toLowerCase(Locale.ROOT)) + " "
                    + (page.total() == 1 ? "task" : "tasks") + (mine ? " assigned to you" : "")
                    + (overdue ? " past their due date" : "");
            StringBuilder text = new StringBuilder().append(page.total()).append(' ').append(what);
            if (page.tasks().isEmpty()) {
                text.append('.');
            } else {
                text.append(page.total() > page.tasks().size() ? "; the " + page.tasks().size() + " most urgent:"
                        : ":");
            }
            for (Task t : page.tasks()) {
                text.append("\n- '").append(t.title()).append("' · ")
                        .append(t.priority().name().toLowerCase(Locale.ROOT)).append(" · ")
                        .append(t.status().label().toLowerCase(Locale.ROOT));
                if (t.due() != null) {
                    text.append(" · due ").append(t.due()).append(t.overdue(today) ? " (overdue)" : "");
                }
                String who = Tasks.who(ctx, t.assigneeId(), t.assigneeRole());
                text.append(" · ").append(who == null ? "unassigned" : who).append(" · ").append(Task.route(t.id()));
            }
            ToolResult.Figure count = new ToolResult.Figure(Character.toUpperCase(what.charAt(0)) + what.substring(1),
                    BigDecimal.valueOf(page.total()), "integer", TASKS_SCREEN);
            return new ToolResult(text.toString(), List.of(count), TASKS_SCREEN);
        }
    }

    // ---- arguments ----------------------------------------------------------------------------------------------

    /** A text argument, stripped; null when absent or blank and not required. */
    static String text(Map<String, Object> args, String name, int max, boolean required) {
        Object v = args.get(name);
        if (v != null && !(v instanceof String)) {
            throw PluginProblem.badRequest(name + ": text, not " + v.getClass().getSimpleName() + ".");
        }
        String t = v == null ? "" : ((String) v).strip();
        if (t.isEmpty()) {
            if (required) {
                throw PluginProblem.badRequest(name + " is required and must not be blank.");
            }
            return null;
        }
        if (t.length() > max) {
            throw PluginProblem.badRequest(name + ": at most " + max + " characters (it has " + t.length() + ").");
        }
        return t;
    }

    static boolean flag(Map<String, Object> args, String name) {
        Object v = args.get(name);
        if (v != null && !(v instanceof Boolean)) {
            throw PluginProblem.badRequest(name + ": true or false.");
        }
        return Boolean.TRUE.equals(v);
    }

    /** An ISO date between 2000 and 2199 (as the REST API takes it), or null. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            if (d.getYear() < 2000 || d.getYear() > 2199) {
                throw PluginProblem.badRequest("due: a date between 2000 and 2199.");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw PluginProblem.badRequest("due: a date like 2026-12-31 (not '" + clip(text, 40) + "').");
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}

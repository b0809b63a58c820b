package io.catalyst.plugins.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.FakePluginData;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The assistant's tools in the real plugin runtime: create_task (confirmed first) and list_tasks. */
@ExtendWith(PluginTestKitExtension.class)
class TaskToolsTest {

    private static final UUID TASK = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID DANA = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

    private static AssistantTool tool(PluginTestKit kit, String name) {
        return kit.extensions(AssistantTool.class).stream().filter(t -> t.spec().name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** Calls a tool through the runtime, as the host does after its own checks. */
    private static ToolResult call(PluginTestKit kit, String name, Map<String, Object> args) {
        return kit.call(tool(kit, name), "tool " + name, t -> t.call(kit.context(), args));
    }

    private static String confirm(PluginTestKit kit, Map<String, Object> args) {
        return kit.call(tool(kit, "create_task"), "confirmation", t -> t.confirmation(kit.context(), args));
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The task as the database answers after the insert. */
    private static Map<String, Object> row(String title, String priority, UUID assignee, LocalDate due) {
        Map<String, Object> r = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        r.put("id", TASK);
        r.put("title", title);
        r.put("status", "OPEN");
        r.put("priority", priority);
        r.put("assignee_id", assignee);
        r.put("due", due);
        r.put("client_visible", false);
        r.put("created_by", FakePluginContext.USER.id());
        r.put("created_by_name", FakePluginContext.USER.name());
        r.put("created_at", now);
        r.put("updated_at", now);
        return r;
    }

    private static List<FakePluginData.Statement> statements(PluginTestKit kit, String sqlPart) {
        return kit.context().fakeData().statements().stream().filter(s -> s.sql().contains(sqlPart)).toList();
    }

    @Test
    void offersBothToolsWithTheTasksPermissions(PluginTestKit kit) {
        assertThat(kit.extensions(AssistantTool.class)).extracting(t -> t.spec().name())
                .containsExactlyInAnyOrder("create_task", "list_tasks");
        AssistantTool create = tool(kit, "create_task");
        assertThat(create.requiredPermission()).isEqualTo("tasks:write");
        assertThat(create.changesData()).isTrue();
        assertThat(create.spec().parameters()).extracting(ToolParameter::name)
                .containsExactly("title", "body", "priority", "due", "assignee_email");
        assertThat(create.spec().parameters()).filteredOn(ToolParameter::required).extracting(ToolParameter::name)
                .containsExactly("title");
        assertThat(create.spec().parameters().get(2).allowed()).containsExactly("low", "normal", "high", "urgent");
        AssistantTool list = tool(kit, "list_tasks");
        assertThat(list.requiredPermission()).isEqualTo("tasks:read");
        assertThat(list.changesData()).isFalse();
        assertThat(kit.declaredPermissions()).contains(create.requiredPermission(), list.requiredPermission());
    }

    @Test
    void theConfirmationSaysExactlyWhatWillBeCreated(PluginTestKit kit) {
        kit.context().member(DANA, "dana@agency.example", "Dana Fischer", "analyst");
        assertThat(confirm(kit, args("title", " Pause the Spring Sale ad set ", "priority", "high", "due",
                "2026-12-12", "assignee_email", "dana@agency.example")))
                .isEqualTo("Create the task 'Pause the Spring Sale ad set', high priority, due 2026-12-12, for"
                        + " Dana Fischer?");
        assertThat(confirm(kit, args("title", "Call Acme", "body", "About the\nQ1 budget")))
                .isEqualTo("Create the task 'Call Acme', normal priority, unassigned, with the description 'About"
                        + " the Q1 budget'?");
        assertThat(kit.context().fakeData().statements()).as("asking changes nothing").isEmpty();
    }

    @Test
    void createsTheTaskAsTheUiDoesAuditedAndAssigned(PluginTestKit kit) {
        kit.context().member(DANA, "dana@agency.example", "Dana Fischer", "analyst");
        kit.context().fakeData().whenQuery("where t.id = ?", List.of(row("Pause the Spring Sale ad set", "HIGH",
                DANA, LocalDate.parse("2026-12-12"))));

        ToolResult result = call(kit, "create_task", args("title", "Pause the Spring Sale ad set", "body",
                "CPA doubled since Monday", "priority", "high", "due", "2026-12-12", "assignee_email",
                "Dana@Agency.example"));

        FakePluginData.Statement insert = statements(kit, "insert into task (").get(0);
        List<Object> p = insert.params();
        assertThat(p.subList(1, 10)).containsExactly("Pause the Spring Sale ad set", "CPA doubled since Monday",
                "OPEN", "HIGH", DANA, null, LocalDate.parse("2026-12-12"), false, null);
        assertThat(p.subList(16, 18)).containsExactly(FakePluginContext.USER.id(), FakePluginContext.USER.name());
        assertThat(statements(kit, "insert into task_activity").get(0).params()).contains("created",
                "Pause the Spring Sale ad set");
        assertThat(kit.context().auditEntries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("task:created");
            assertThat(e.target()).isEqualTo("task/" + p.get(0));
            assertThat(e.after()).contains("Pause the Spring Sale ad set");
        });
        assertThat(kit.context().sentNotifications()).singleElement().satisfies(n -> {
            assertThat(n.userIds()).containsExactly(DANA);
            assertThat(n.notification().kind()).isEqualTo("task.assigned");
        });
        assertThat(result.link()).isEqualTo("plugins/tasks/task?id=" + TASK);
        assertThat(result.text()).isEqualTo("Created the task 'Pause the Spring Sale ad set' (high priority, due"
                + " 2026-12-12, assigned to Dana Fischer, internal to the agency). Open it at plugins/tasks/task?id="
                + TASK + ".");
    }

    @Test
    void anUnassignedTaskOfAClientUserIsClientVisibleWithNormalPriority(PluginTestKit kit) {
        kit.context().revoke("tasks:internal");
        Map<String, Object> stored = row("Send the report", "NORMAL", null, null);
        stored.put("client_visible", true);
        kit.context().fakeData().whenQuery("where t.id = ?", List.of(stored));

        ToolResult result = call(kit, "create_task", args("title", "Send the report"));

        List<Object> p = statements(kit, "insert into task (").get(0).params();
        assertThat(p.subList(1, 10)).containsExactly("Send the report", null, "OPEN", "NORMAL", null, null, null,
                true, null);
        assertThat(result.text()).contains("'Send the report'", "normal priority", "unassigned",
                "visible to the client");
    }

    @Test
    void badArgumentsAre400sWithWordsAndCreateNothing(PluginTestKit kit) {
        Map<Map<String, Object>, String> bad = new LinkedHashMap<>();
        bad.put(args(), "title is required");
        bad.put(args("title", "   "), "title is required");
        bad.put(args("title", "x".repeat(201)), "title: at most 200 characters");
        bad.put(args("title", "two\nlines"), "title: one line");
        bad.put(args("title", 42), "title: text");
        bad.put(args("title", "x", "priority", "asap"), "priority: one of low, normal, high, urgent");
        bad.put(args("title", "x", "due", "next friday"), "due: a date like 2026-12-31");
        bad.put(args("title", "x", "due", "2026-02-30"), "due: a date like 2026-12-31");
        bad.put(args("title", "x", "due", "1999-12-31"), "due: a date between 2000 and 2199");
        bad.put(args("title", "x", "assignee_email", "dana"), "assignee_email: a member's e-mail address");
        bad.put(args("title", "x", "assignee_email", "nobody@agency.example"),
                "no member of this company has the address nobody@agency.example");
        bad.put(args("title", "x", "body", List.of("a")), "body: text");
        bad.forEach((args, words) -> assertThatThrownBy(() -> call(kit, "create_task", args)).as(args.toString())
                .isInstanceOfSatisfying(PluginProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.detail()).contains(words);
                }));
        assertThatThrownBy(() -> confirm(kit, args("title", "x", "due", "soon")))
                .isInstanceOfSatisfying(PluginProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThat(statements(kit, "insert into task")).isEmpty();
        assertThat(kit.context().auditEntries()).isEmpty();
        assertThat(kit.state()).as("the plugin stays in service").isEqualTo("STARTED");
    }

    @Test
    void listsTheOpenTasksMostUrgentFirst(PluginTestKit kit) {
        kit.context().member(DANA, "dana@agency.example", "Dana Fischer", "analyst");
        Map<String, Object> late = row("Fix tracking", "URGENT", DANA, LocalDate.now(
                FakePluginContext.TENANT.timezone()).minusDays(2));
        Map<String, Object> later = row("Brief for spring", "NORMAL", null, null);
        later.put("id", UUID.fromString("33333333-3333-3333-3333-333333333333"));
        later.put("status", "IN_PROGRESS");
        later.put("assignee_role", "analyst");
        kit.context().fakeData().whenQuery("select count(*)", List.of(Map.of("n", 23L)))
                .whenQuery("order by t.status in", List.of(late, later));

        ToolResult result = call(kit, "list_tasks", Map.of());

        FakePluginData.Statement page = statements(kit, "order by t.status in").get(0);
        assertThat(page.sql()).contains("t.status in (?, ?, ?)").doesNotContain("t.assignee_id = ?");
        assertThat(page.params()).containsExactly("IN_PROGRESS", "IN_REVIEW", "OPEN", 20, 0);
        assertThat(result.text()).startsWith("23 open tasks; the 2 most urgent:")
                .contains("\n- 'Fix tracking' · urgent · open · due " + late.get("due") + " (overdue) · Dana Fischer"
                        + " · plugins/tasks/task?id=" + TASK)
                .contains("\n- 'Brief for spring' · normal · in progress · role analyst · plugins/tasks/task?id="
                        + "33333333-3333-3333-3333-333333333333");
        assertThat(result.figures()).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo(BigDecimal.valueOf(23));
            assertThat(f.format()).isEqualTo("integer");
            assertThat(f.label()).isEqualTo("Open tasks");
        });
        assertThat(result.link()).isEqualTo("plugins/tasks/tasks");
    }

    @Test
    void listsMyOverdueTasksOfOneStatus(PluginTestKit kit) {
        kit.context().fakeData().whenQuery("select count(*)", List.of(Map.of("n", 0L)));

        ToolResult result = call(kit, "list_tasks", args("status", "in_progress", "assigned_to_me", true,
                "overdue", true));

        FakePluginData.Statement page = statements(kit, "order by t.status in").get(0);
        assertThat(page.sql()).contains("t.due < ?", "t.status in (?)", "t.assignee_id = ?");
        assertThat(page.params()).containsExactly(LocalDate.now(FakePluginContext.TENANT.timezone()), "IN_PROGRESS",
                FakePluginContext.USER.id(), 20, 0);
        assertThat(result.text()).isEqualTo("0 in progress tasks assigned to you past their due date.");
    }

    @Test
    void aBadListFilterIsA400(PluginTestKit kit) {
        for (Map<String, Object> args : List.of(args("status", "finished"), args("status", 3),
                args("assigned_to_me", "yes"))) {
            assertThatThrownBy(() -> call(kit, "list_tasks", args)).as(args.toString())
                    .isInstanceOfSatisfying(PluginProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        }
        assertThat(kit.state()).isEqualTo("STARTED");
    }
}

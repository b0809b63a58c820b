package io.catalyst.plugins.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.FakePluginData;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plugin in the real plugin runtime: routes, permissions, validation, the task contract and reminders. */
@ExtendWith(PluginTestKitExtension.class)
class TasksPluginTest {

    private static final UUID TASK = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID CLEO = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    /** A task row as the database answers it. */
    private static Map<String, Object> row(String status, boolean clientVisible, String source) {
        Map<String, Object> r = new LinkedHashMap<>();
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        r.put("id", TASK);
        r.put("title", "Check the CPA spike");
        r.put("body", null);
        r.put("status", status);
        r.put("priority", "HIGH");
        r.put("assignee_id", null);
        r.put("assignee_role", null);
        r.put("due", null);
        r.put("client_visible", clientVisible);
        r.put("link", null);
        r.put("subject_kind", "campaign");
        r.put("subject_id", "c-42");
        r.put("subject_label", "Winter sale");
        r.put("subject_snapshot", "{\"cpa\":41.5,\"spend\":1200}");
        r.put("source_plugin", source);
        r.put("dedupe_key", source == null ? null : "alert:cpa:c-42");
        r.put("created_by", FakePluginContext.USER.id());
        r.put("created_by_name", FakePluginContext.USER.name());
        r.put("created_at", created);
        r.put("updated_at", created);
        r.put("first_response_at", null);
        r.put("closed_at", null);
        r.put("labels", "paid-social,winter");
        return r;
    }

    private static void stubTask(PluginTestKit kit, Map<String, Object> row) {
        kit.context().fakeData().whenQuery("where t.id = ?", List.of(row));
    }

    private static List<FakePluginData.Statement> updates(PluginTestKit kit, String sqlPart) {
        return kit.context().fakeData().statements().stream().filter(s -> s.sql().contains(sqlPart)).toList();
    }

    @Test
    void declaresItsPermissionsForTheBuiltInRoles(PluginTestKit kit) {
        assertThat(kit.declaredPermissions()).containsExactlyInAnyOrder("tasks:read", "tasks:write",
                "tasks:internal", "tasks:manage");
        assertThat(kit.extensions(io.catalyst.api.security.PluginPermissions.class).get(0).permissions())
                .anySatisfy(p -> {
                    assertThat(p.name()).isEqualTo("tasks:read");
                    assertThat(p.grantedTo()).containsExactlyInAnyOrder("analyst", "viewer");
                })
                .anySatisfy(p -> {
                    assertThat(p.name()).isEqualTo("tasks:internal");
                    assertThat(p.grantedTo()).containsExactly("analyst");
                })
                .anySatisfy(p -> {
                    assertThat(p.name()).isEqualTo("tasks:manage");
                    assertThat(p.grantedTo()).isEmpty();
                });
        assertThat(kit.jobs()).extracting(j -> j.name()).containsExactly("due-reminders");
    }

    @Test
    void writingNeedsTasksWrite(PluginTestKit kit) {
        kit.context().revoke("tasks:write");
        assertThat(kit.rest(HttpMethod.POST, "/tasks", "{\"title\":\"x\"}").status()).isEqualTo(403);
        assertThat(kit.rest(HttpMethod.POST, "/tasks/" + TASK + "/comments", "{\"body\":\"x\"}").status())
                .isEqualTo(403);
        kit.context().revoke("tasks:read");
        assertThat(kit.rest(HttpMethod.GET, "/tasks").status()).isEqualTo(403);
    }

    @Test
    void anUnknownOrInvisibleTaskIsNotFound(PluginTestKit kit) {
        assertThat(kit.rest(HttpMethod.GET, "/tasks/not-a-uuid").status()).isEqualTo(404);
        assertThat(kit.rest(HttpMethod.GET, "/tasks/" + TASK).status()).isEqualTo(404);
        // without tasks:internal the lookup itself keeps to client-visible tasks, so an internal one is not found
        kit.context().revoke("tasks:internal");
        kit.rest(HttpMethod.GET, "/tasks/" + TASK + "/history");
        assertThat(kit.context().fakeData().statements()).last()
                .satisfies(s -> assertThat(s.sql()).endsWith("where t.id = ? and t.client_visible"));
        assertThat(kit.rest(HttpMethod.POST, "/tasks/" + TASK + "/transition", "{\"status\":\"DONE\"}").status())
                .isEqualTo(404);
    }

    @Test
    void aClientUserCreatesOnlyClientVisibleTasks(PluginTestKit kit) {
        kit.context().revoke("tasks:internal");
        PluginResponse refused = kit.rest(HttpMethod.POST, "/tasks", "{\"title\":\"x\",\"clientVisible\":false}");
        assertThat(refused.status()).isEqualTo(403);
        stubTask(kit, row("OPEN", true, null));
        assertThat(kit.rest(HttpMethod.POST, "/tasks", "{\"title\":\"Brief for spring\"}").status()).isEqualTo(201);
        assertThat(updates(kit, "insert into task (").get(0).params().get(8)).isEqualTo(true);
    }

    @Test
    void hostileInputIsA400WithWords(PluginTestKit kit) {
        String longTitle = "x".repeat(5000);
        PluginResponse r = kit.rest(HttpMethod.POST, "/tasks", "{\"title\":\"" + longTitle + "\",\"due\":\"soon\","
                + "\"priority\":\"ASAP\",\"assignee\":\"bob\",\"labels\":[\"a,b\"],\"link\":\"https://evil.example\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("title: is longer than 200 characters", "due: must be a date like 2026-12-31",
                "priority: must be one of LOW, NORMAL, HIGH, URGENT", "assignee: must be a member's id",
                "labels: labels are 1 to 40", "link: must be a route in the application");
        assertThat(kit.rest(HttpMethod.POST, "/tasks", "{not json").body()).contains("not valid JSON");
        assertThat(kit.rest(HttpMethod.POST, "/tasks", "[1,2]").status()).isEqualTo(400);
        assertThat(kit.rest(HttpMethod.POST, "/tasks", "{\"title\":42}").body()).contains("title: must be text");
        assertThat(kit.rest(HttpMethod.POST, "/tasks", "{\"title\":\"x\",\"assignee\":\"" + UUID.randomUUID()
                + "\"}").body()).contains("assignee: is not a member of this company");
        PluginResponse filter = kit.rest(HttpMethod.GET, "/tasks?limit=abc&status=FINISHED&view=someday&assignee=x");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.body()).contains("view: must be one of", "status: must be among", "assignee: must be",
                "limit: is a whole number from 1 to 500");
        assertThat(kit.rest(HttpMethod.GET, "/analytics?weeks=1000").status()).isEqualTo(400);

        stubTask(kit, row("OPEN", false, null));
        PluginResponse status = kit.rest(HttpMethod.POST, "/tasks/" + TASK + "/transition", "{\"status\":\"LATER\"}");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body()).contains("status: must be one of OPEN, IN_PROGRESS");
        assertThat(kit.rest(HttpMethod.PUT, "/tasks/" + TASK, "{\"status\":\"DONE\"}").body())
                .contains("status: is changed with POST /tasks/{id}/transition");
        assertThat(kit.state()).as("the plugin stays in service").isEqualTo("STARTED");
    }

    @Test
    void listsWithFiltersAndPaging(PluginTestKit kit) {
        kit.context().fakeData().whenQuery("select count(*)", List.of(Map.of("n", 1L)));
        kit.context().fakeData().whenQuery("order by t.status in", List.of(row("OPEN", false, null)));
        PluginResponse r = kit.rest(HttpMethod.GET, "/tasks?view=overdue&status=open,in-progress&priority=high"
                + "&label=Winter&q=50%25_off&limit=20&offset=40");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"total\":1", "\"title\":\"Check the CPA spike\"", "\"labels\":[\"paid-social\","
                + "\"winter\"]", "\"snapshot\":{\"cpa\":41.5,\"spend\":1200}", "\"sla\":{\"clock\":\"RESPONSE\"");
        FakePluginData.Statement page = updates(kit, "order by t.status in").get(0);
        assertThat(page.sql()).contains("t.due < ?", "t.status in (?, ?)", "t.priority = ?", "l.label = ?",
                "ilike ? escape");
        assertThat(page.params()).containsSubsequence("IN_PROGRESS", "OPEN", "HIGH", "winter", "%50\\%\\_off%",
                "%50\\%\\_off%", 20, 40);
    }

    @Test
    void createsAssignsAndNotifiesTheAssignee(PluginTestKit kit) {
        kit.context().member(BEN, "ben@agency.example", "Ben Analyst", "analyst");
        Map<String, Object> stored = row("OPEN", false, null);
        stored.put("assignee_id", BEN);
        stubTask(kit, stored);
        PluginResponse r = kit.rest(HttpMethod.POST, "/tasks", "{\"title\":\"Check the CPA spike\",\"priority\":"
                + "\"high\",\"assignee\":\"" + BEN + "\",\"due\":\"2026-12-10\",\"labels\":[\"Winter\"],"
                + "\"checklist\":[\"Pull numbers\",\"Call client\"],\"link\":\"plugins/dashboards/campaigns\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(updates(kit, "insert into task_check_item")).hasSize(2);
        assertThat(updates(kit, "insert into task_label").get(0).params().get(1)).isEqualTo("winter");
        assertThat(kit.context().sentNotifications()).singleElement().satisfies(n -> {
            assertThat(n.userIds()).containsExactly(BEN);
            assertThat(n.notification().kind()).isEqualTo("task.assigned");
            assertThat(n.notification().link()).isEqualTo("plugins/tasks/task?id=" + TASK);
        });
        assertThat(kit.context().auditEntries()).extracting(e -> e.action()).containsExactly("task:created");
    }

    @Test
    void movesAlongTheWorkflowAndTellsTheRequesterWhenDone(PluginTestKit kit) {
        stubTask(kit, row("IN_REVIEW", false, "alerts"));
        assertThat(kit.rest(HttpMethod.POST, "/tasks/" + TASK + "/transition", "{\"status\":\"done\"}").status())
                .isEqualTo(200);
        assertThat(updates(kit, "update task set updated_at = now(), status = ?").get(0).sql())
                .contains("closed_at = now()");
        assertThat(updates(kit, "insert into task_activity").get(0).params()).containsSubsequence("status",
                "IN_REVIEW", "DONE");
        assertThat(kit.context().publishedEvents()).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(TaskRequest.CLOSED_TOPIC);
            assertThat(e.payload()).containsEntry("sourcePlugin", "alerts").containsEntry("dedupeKey", "alert:cpa:c-42")
                    .containsEntry("taskId", TASK.toString());
        });

        stubTask(kit, row("OPEN", false, null));
        PluginResponse refused = kit.rest(HttpMethod.POST, "/tasks/" + TASK + "/transition",
                "{\"status\":\"IN_REVIEW\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("cannot move to in review");
    }

    @Test
    void aCommentNotifiesMentionedMembersAndOtherWatchers(PluginTestKit kit) {
        kit.context().member(BEN, "ben@agency.example", "Ben Analyst", "analyst");
        kit.context().member(CLEO, "cleo@client.example", "Cleo Client", "viewer");
        stubTask(kit, row("OPEN", false, null));
        kit.context().fakeData().whenQuery("select user_id from task_watcher", List.of(
                Map.of("user_id", FakePluginContext.USER.id()), Map.of("user_id", BEN), Map.of("user_id", CLEO)));
        PluginResponse r = kit.rest(HttpMethod.POST, "/tasks/" + TASK + "/comments",
                "{\"body\":\"@Ben Analyst can you look? cc @cleo@client.example\"}");
        assertThat(r.status()).isEqualTo(201);
        // Ben is mentioned; Cleo is a client's user and the task is internal, so she is not pointed at it
        assertThat(kit.context().sentNotifications()).extracting(n -> n.notification().kind(), n -> n.userIds())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("task.mentioned", Set.of(BEN)),
                        org.assertj.core.groups.Tuple.tuple("task.commented", Set.of(CLEO)));
        assertThat(updates(kit, "insert into task_watcher")).extracting(s -> s.params().get(1)).containsExactly(BEN);
        assertThat(updates(kit, "first_response_at = now()")).hasSize(1);
    }

    private static Map<String, Object> request(String key) {
        Map<String, Object> p = new LinkedHashMap<>(new TaskRequest(key, "CPA above target on Winter sale",
                "CPA is 41.50, target 30", "plugins/alerts/alert?id=7",
                new TaskRequest.Subject("campaign", "c-42", "Winter sale", Map.of("cpa", 41.5)),
                TaskRequest.Priority.URGENT, null, "analyst", LocalDate.parse("2026-12-10"), false, true,
                List.of("alert")).toPayload());
        p.put(TaskRequest.SOURCE, "alerts");
        return p;
    }

    @Test
    void aTaskRequestMakesOneTaskAssignedToTheLeastBusyAnalyst(PluginTestKit kit) {
        kit.context().member(BEN, "ben@agency.example", "Ben Analyst", "analyst");
        kit.context().fakeData().whenQuery("group by assignee_id", List.of(
                Map.of("assignee_id", FakePluginContext.USER.id(), "n", 4L), Map.of("assignee_id", BEN, "n", 1L)));
        Map<String, Object> stored = row("OPEN", false, "alerts");
        stored.put("assignee_id", BEN);
        stubTask(kit, stored);
        assertThat(kit.deliver(TaskRequest.TOPIC, request("alert:cpa:c-42"))).isEqualTo(1);

        FakePluginData.Statement insert = updates(kit, "insert into task (").get(0);
        assertThat(insert.params()).containsSubsequence("CPA above target on Winter sale",
                "CPA is 41.50, target 30", "OPEN", "URGENT", BEN);
        assertThat(insert.params()).contains("{\"cpa\":41.5}", "alerts", "alert:cpa:c-42", "plugin alerts");
        assertThat(kit.context().sentNotifications()).singleElement()
                .satisfies(n -> assertThat(n.userIds()).containsExactly(BEN));
        assertThat(kit.state()).as("the plugin stays in service").isEqualTo("STARTED");
    }

    @Test
    void theSameKeyAgainUpdatesAndReopensInsteadOfDuplicating(PluginTestKit kit) {
        Map<String, Object> done = row("DONE", false, "alerts");
        kit.context().fakeData().whenQuery("t.source_plugin = ? and t.dedupe_key = ?", List.of(done));
        stubTask(kit, done);
        kit.deliver(TaskRequest.TOPIC, request("alert:cpa:c-42"));

        assertThat(updates(kit, "insert into task (")).isEmpty();
        assertThat(updates(kit, "t.source_plugin = ? and t.dedupe_key = ?").get(0).params())
                .containsExactly("alerts", "alert:cpa:c-42");
        assertThat(updates(kit, "insert into task_activity")).extracting(s -> s.params().get(4))
                .contains("title", "body", "link", "priority", "due", "requested again", "status");
        assertThat(updates(kit, "update task set subject_kind")).hasSize(1);
        assertThat(updates(kit, "closed_at = null")).hasSize(1); // reopened
    }

    @Test
    void aMalformedRequestIsDroppedWithoutFailingThePlugin(PluginTestKit kit) {
        Map<String, Object> bad = new LinkedHashMap<>(request("k"));
        bad.put("due", "next week");
        kit.deliver(TaskRequest.TOPIC, bad);
        Map<String, Object> noTitle = new LinkedHashMap<>(request("k"));
        noTitle.remove("title");
        kit.deliver(TaskRequest.TOPIC, noTitle);
        Map<String, Object> noSource = new LinkedHashMap<>(request("k"));
        noSource.remove(TaskRequest.SOURCE);
        kit.deliver(TaskRequest.TOPIC, noSource);
        Map<String, Object> badLabel = new LinkedHashMap<>(request("k"));
        badLabel.put("labels", List.of("a,b"));
        kit.deliver(TaskRequest.TOPIC, badLabel);
        assertThat(updates(kit, "insert into task (")).isEmpty();
        assertThat(kit.state()).as("the plugin stays in service").isEqualTo("STARTED");
    }

    @Test
    void remindsAssigneesOfDueTasksOncePerDay(PluginTestKit kit) {
        Map<String, Object> due = row("OPEN", false, null);
        due.put("assignee_id", BEN);
        due.put("due", LocalDate.now(FakePluginContext.TENANT.timezone()).minusDays(1));
        kit.context().fakeData().whenQuery("where t.due <= ?", List.of(due));
        kit.context().fakeData().whenUpdate("insert into task_due_notice", 1);
        kit.runJob("due-reminders");
        kit.context().fakeData().whenUpdate("insert into task_due_notice", 0); // already reminded today
        kit.runJob("due-reminders");
        assertThat(kit.context().sentNotifications()).singleElement().satisfies(n -> {
            assertThat(n.userIds()).containsExactly(BEN);
            assertThat(n.notification().kind()).isEqualTo("task.due");
            assertThat(n.notification().title()).isEqualTo("Overdue: Check the CPA spike");
        });
    }
}

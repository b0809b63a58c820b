package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonObject;
import elemental.json.JsonType;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tasks plugin on the real server and database: a task's whole life over REST (workflow, checklist, comments,
 * history, analytics), its tables under forced row-level security, another company's tasks and internal tasks
 * invisible (404, never 403), a client's viewer who may read but not write, and hostile input answered with 400.
 * The task contract (tasks.requested) is tested through the plugin's listener with the testkit: no plugin here
 * publishes it.
 */
class TasksIT {

    private static Fixture.Tenant agency;
    private static String admin;
    private static String analyst;
    private static String viewer;
    private static String otherAdmin;

    @BeforeAll
    static void installAndEnable() throws Exception {
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("catalyst.tasks.plugin",
                "../plugins/features/tasks/target/tasks-plugin.jar")));
        HttpResponse<String> installed = Fixture.installPlugin(jar);
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(Server.json(installed).getString("state")).as(installed.body()).isEqualTo("STARTED");

        agency = Fixture.tenant("tenant-admin");
        admin = Fixture.token(agency, List.of("*")).bearer();
        enable(admin);
        analyst = Fixture.token(member(agency, "analyst"), List.of("*")).bearer();
        viewer = Fixture.token(member(agency, "viewer"), List.of("*")).bearer();

        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        otherAdmin = Fixture.token(other, List.of("*")).bearer();
        enable(otherAdmin);
    }

    /** Someone with a role in the company (their own fixture company aside). */
    private static Fixture.Tenant member(Fixture.Tenant company, String role) throws Exception {
        Fixture.Tenant person = Fixture.tenant("viewer");
        Fixture.join(person, company, role);
        return new Fixture.Tenant(company.id(), company.slug(), person.userId(), person.email());
    }

    private static void enable(String bearer) {
        HttpResponse<String> r = Fixture.call("PUT", "/api/tenant/plugins/tasks/enablement", bearer,
                "{\"enabled\":true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static HttpResponse<String> call(String method, String path, String bearer, String json) {
        return Fixture.call(method, "/api/plugins/tasks" + path, bearer, json);
    }

    private static JsonObject ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Server.json(r);
    }

    @Test
    void aTaskLivesThroughItsWorkflowWithChecklistCommentsAndHistory() {
        JsonObject created = ok(call("POST", "/tasks", analyst, "{\"title\":\"Rework the spring briefing\","
                + "\"priority\":\"HIGH\",\"due\":\"2026-12-31\",\"labels\":[\"Briefing\",\"spring\"],"
                + "\"checklist\":[\"Collect numbers\"],\"clientVisible\":false}"), 201);
        String id = created.getString("id");
        assertThat(created.getString("status")).isEqualTo("OPEN");
        assertThat(created.getObject("sla").getString("text")).startsWith("SLA: ");
        assertThat(created.getString("route")).isEqualTo("plugins/tasks/task?id=" + id);

        ok(call("POST", "/tasks/" + id + "/transition", analyst, "{\"status\":\"in-progress\"}"), 200);
        ok(call("POST", "/tasks/" + id + "/transition", analyst, "{\"status\":\"OPEN\"}"), 200); // back is allowed
        HttpResponse<String> skip = call("POST", "/tasks/" + id + "/transition", analyst,
                "{\"status\":\"IN_REVIEW\"}");
        assertThat(skip.statusCode()).as(skip.body()).isEqualTo(409);
        assertThat(skip.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        JsonObject item = ok(call("POST", "/tasks/" + id + "/checklist", analyst, "{\"text\":\"Call the client\"}"),
                201);
        ok(call("PUT", "/tasks/" + id + "/checklist/" + item.getString("id"), analyst, "{\"done\":true}"), 200);
        ok(call("POST", "/tasks/" + id + "/comments", admin, "{\"body\":\"Looks good so far\"}"), 201);
        JsonObject edited = ok(call("PUT", "/tasks/" + id, analyst, "{\"title\":\"Rework the spring briefing (v2)\","
                + "\"priority\":\"URGENT\"}"), 200);
        assertThat(edited.getString("priority")).isEqualTo("URGENT");
        // the admin's comment was the first response by someone other than the creator
        assertThat(edited.get("firstResponseAt").getType()).isEqualTo(JsonType.STRING);

        JsonObject full = ok(call("GET", "/tasks/" + id, analyst, null), 200);
        assertThat(full.getArray("checklist").length()).isEqualTo(2);
        assertThat(full.getArray("labels").toJson()).isEqualTo("[\"briefing\",\"spring\"]");
        String history = call("GET", "/tasks/" + id + "/history", analyst, null).body();
        assertThat(history).contains("\"field\":\"created\"", "\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\"",
                "\"field\":\"priority\",\"from\":\"HIGH\",\"to\":\"URGENT\"", "\"field\":\"comment\"");
        assertThat(call("GET", "/tasks/" + id + "/comments", analyst, null).body()).contains("Looks good so far");

        ok(call("POST", "/tasks/" + id + "/transition", analyst, "{\"status\":\"DONE\"}"), 200);
        assertThat(call("GET", "/tasks?view=all&status=DONE&label=briefing&q=spring", analyst, null).body())
                .contains(id);
        assertThat(call("GET", "/tasks?status=OPEN", analyst, null).body()).doesNotContain(id);
        JsonObject analytics = ok(call("GET", "/analytics?weeks=4", analyst, null), 200);
        assertThat(analytics.getArray("weeks").length()).isEqualTo(4);
        assertThat(analytics.getNumber("done")).isGreaterThanOrEqualTo(1);
        JsonObject reopened = ok(call("POST", "/tasks/" + id + "/transition", analyst, "{\"status\":\"OPEN\"}"), 200);
        assertThat(reopened.get("closedAt").getType()).isEqualTo(JsonType.NULL);
    }

    @Test
    void anotherCompanyAndAClientViewerCannotSeeInternalTasks() throws Exception {
        String internal = ok(call("POST", "/tasks", analyst, "{\"title\":\"Margin talk before renewal\"}"), 201)
                .getString("id");
        String shared = ok(call("POST", "/tasks", analyst, "{\"title\":\"Approve the April creatives\","
                + "\"clientVisible\":true}"), 201).getString("id");

        // another company: the same 404 as for no task at all
        assertThat(call("GET", "/tasks/" + internal, otherAdmin, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/tasks/" + shared, otherAdmin, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/tasks/" + shared + "/comments", otherAdmin, "{\"body\":\"hi\"}").statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/tasks", otherAdmin, null).body()).doesNotContain(internal, shared);

        // the client's viewer reads client-visible tasks only, and writes nothing
        assertThat(call("GET", "/tasks/" + internal, viewer, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/tasks/" + internal + "/history", viewer, null).statusCode()).isEqualTo(404);
        assertThat(ok(call("GET", "/tasks/" + shared, viewer, null), 200).getString("title"))
                .isEqualTo("Approve the April creatives");
        String list = call("GET", "/tasks?limit=500", viewer, null).body();
        assertThat(list).contains(shared).doesNotContain(internal);
        HttpResponse<String> create = call("POST", "/tasks", viewer, "{\"title\":\"Please call me\"}");
        assertThat(create.statusCode()).as(create.body()).isEqualTo(403);
        assertThat(call("POST", "/tasks/" + shared + "/comments", viewer, "{\"body\":\"ok\"}").statusCode())
                .isEqualTo(403);

        assertThat(Server.strings("select c.relname || ':' || c.relforcerowsecurity::text from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'plugin_tasks'"
                + " and c.relkind = 'r' and c.relname like 'task%' order by 1")).containsExactly(
                "task:true", "task_activity:true", "task_check_item:true", "task_comment:true",
                "task_due_notice:true", "task_label:true", "task_watcher:true");
    }

    @Test
    void hostileInputIsRefusedWithWordsNeverA500() {
        String huge = "x".repeat(5_000);
        HttpResponse<String> big = call("POST", "/tasks", analyst, "{\"title\":\"" + huge + "\"}");
        assertThat(big.statusCode()).as(big.body()).isEqualTo(400);
        assertThat(big.body()).contains("title: is longer than 200 characters");
        assertThat(call("POST", "/tasks", analyst, "{\"title\":").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/tasks", analyst, "{\"title\":\"x\",\"due\":\"2026-02-30\"}").body())
                .contains("due: must be a date");
        assertThat(call("GET", "/tasks/%27%20or%201=1--", analyst, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/tasks?limit=-1&view=x", analyst, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/tasks?q=%25%27%3B--", analyst, null).statusCode()).isEqualTo(200);
        String id = ok(call("POST", "/tasks", analyst, "{\"title\":\"Target\"}"), 201).getString("id");
        HttpResponse<String> status = call("POST", "/tasks/" + id + "/transition", analyst,
                "{\"status\":\"ARCHIVED\"}");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body()).contains("status: must be one of");
        assertThat(call("PUT", "/tasks/" + id + "/assignee", analyst, "{\"assignee\":\"" + java.util.UUID.randomUUID()
                + "\"}").body()).contains("assignee: is not a member of this company");
        // none of it counted as the plugin's failure
        assertThat(call("GET", "/tasks/" + id, analyst, null).statusCode()).isEqualTo(200);
    }
}

package io.catalyst.plugins.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.PluginProblem;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.FakePluginData;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Importing a call: what is refused before anything is written, and the follow-up task a next step asks for. */
@ExtendWith(PluginTestKitExtension.class)
class CallsImportTest {

    private static final String TRANSCRIPT = "Agent: Thanks for calling. What budget have you set aside?\n"
            + "Caller: About two thousand a month.\nAgent: Great, I will send the proposal tomorrow.";

    @Test
    void aTranscriptThatCannotBeReadIsRefusedAndNothingIsWritten(PluginTestKit kit) {
        FakePluginContext ctx = kit.context();
        trackers(ctx.fakeData());
        CallStore.Incoming bad = incoming("{\"utterances\": [{\"speaker\": \"A\", \"start\": 900, \"end\": 100,"
                + " \"text\": \"hi\"}]}", OffsetDateTime.now());

        assertThatThrownBy(() -> Calls.importCall(ctx, bad)).isInstanceOf(PluginProblem.class)
                .hasMessageStartingWith("The transcript cannot be read: ")
                .satisfies(e -> assertThat(((PluginProblem) e).status()).isEqualTo(400));
        assertThat(ctx.fakeData().statements()).extracting(FakePluginData.Statement::sql)
                .noneMatch(sql -> sql.contains("into sales_call"));
        assertThat(ctx.publishedEvents()).isEmpty();
    }

    @Test
    void aRecentCallWithANextStepAsksForAFollowUpTaskForItsRep(PluginTestKit kit) {
        UUID rep = UUID.randomUUID();
        FakePluginContext ctx = kit.context().member(rep, "maya@example.com", "Maya", "analyst");
        trackers(ctx.fakeData());
        UUID id = stored(ctx.fakeData());

        Calls.importCall(ctx, incoming(TRANSCRIPT, OffsetDateTime.now().minusHours(2)));

        assertThat(ctx.publishedEvents()).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(TaskRequest.TOPIC);
            assertThat(e.payload()).containsEntry("dedupeKey", "call:" + id + ":follow-up")
                    .containsEntry("title", "Follow up with Quinn Example")
                    .containsEntry("link", "plugins/calls/call?id=" + id)
                    .containsEntry("assignee", rep.toString());
            assertThat((String) e.payload().get("body")).contains("I will send the proposal tomorrow");
        });
        assertThat(ctx.fakeData().statements()).extracting(FakePluginData.Statement::sql)
                .anyMatch(sql -> sql.startsWith("update sales_call set follow_up"));
    }

    @Test
    void anOldCallsNextStepIsHistoryAndAsksForNothing(PluginTestKit kit) {
        FakePluginContext ctx = kit.context();
        trackers(ctx.fakeData());
        stored(ctx.fakeData());

        Calls.importCall(ctx, incoming(TRANSCRIPT, OffsetDateTime.now().minusDays(40)));

        assertThat(ctx.publishedEvents()).isEmpty();
    }

    @Test
    void theImportBodyIsCheckedFieldByField() {
        assertThatThrownBy(() -> CallsRest.incoming(CallsRest.body("{}"))).hasMessageContaining("transcript is"
                + " required");
        assertThatThrownBy(() -> CallsRest.incoming(CallsRest.body("{\"transcript\": \"  \"}")))
                .hasMessageContaining("transcript is empty");
        assertThatThrownBy(() -> CallsRest.incoming(CallsRest.body("{\"transcript\": \"A: hi\", \"format\":"
                + " \"mp3\"}"))).hasMessageContaining("format is auto, assemblyai, deepgram, text");
        assertThatThrownBy(() -> CallsRest.incoming(CallsRest.body("{\"transcript\": \"A: hi\", \"direction\":"
                + " \"sideways\"}"))).hasMessageContaining("direction is inbound or outbound");
        assertThatThrownBy(() -> CallsRest.incoming(CallsRest.body("{\"transcript\": \"A: hi\", \"startedAt\":"
                + " \"yesterday\"}"))).hasMessageContaining("startedAt is a date and time");
        assertThatThrownBy(() -> CallsRest.incoming(CallsRest.body("{\"transcript\": \"A: hi\","
                + " \"durationSeconds\": -1}"))).hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> CallsRest.body("[1]")).hasMessageContaining("Send a JSON object");
        CallStore.Incoming ok = CallsRest.incoming(CallsRest.body("{\"transcript\": {\"utterances\": []},"
                + " \"externalId\": \"crm-42\", \"rep\": \" maya@example.com \"}"));
        assertThat(ok.transcript()).isEqualTo("{\"utterances\":[]}");
        assertThat(ok.externalId()).isEqualTo("crm-42");
        assertThat(ok.rep()).isEqualTo("maya@example.com");
        assertThat(ok.source()).isEqualTo(Calls.IMPORT);
    }

    private static CallStore.Incoming incoming(String transcript, OffsetDateTime at) {
        return new CallStore.Incoming(Calls.IMPORT, "ext-1", null, at, 60, "inbound", true, "maya@example.com",
                "Quinn Example", null, null, null, null, null, null, transcript, null, null);
    }

    // the company's trackers as the database holds them
    private static void trackers(FakePluginData data) {
        data.whenQuery("from tracker order by name", List.of(
                tracker("Budget", "[\"budget\"]", "REP", "ANY"),
                tracker("Next steps", "[\"send the proposal\"]", "REP", "CLOSING")));
    }

    private static Map<String, Object> tracker(String name, String phrases, String side, String segment) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", UUID.randomUUID());
        r.put("name", name);
        r.put("phrases", phrases);
        r.put("side", side);
        r.put("segment", segment);
        return r;
    }

    // the insert answers the call's id, and reading it back answers the stored call
    private static UUID stored(FakePluginData data) {
        UUID id = UUID.randomUUID();
        data.whenQuery("insert into sales_call", List.of(Map.of("id", id)));
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("source", Calls.IMPORT);
        row.put("external_id", "ext-1");
        row.put("started_at", OffsetDateTime.now());
        row.put("customer_name", "Quinn Example");
        data.whenQuery("from sales_call where id", List.of(row));
        return id;
    }
}

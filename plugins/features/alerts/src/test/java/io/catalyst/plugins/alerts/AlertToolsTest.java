package io.catalyst.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.sdk.testkit.FakePluginData;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The assistant's firing_alerts tool in the real plugin runtime. */
@ExtendWith(PluginTestKitExtension.class)
class AlertToolsTest {

    private static final UUID CPA_RULE = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final UUID STALE_RULE = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002");
    private static final UUID CPA_ALERT = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");
    private static final UUID STALE_ALERT = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");
    private static final UUID GONE_ALERT = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000003");

    private static AssistantTool tool(PluginTestKit kit) {
        return kit.extensions(AssistantTool.class).stream().filter(t -> t.spec().name().equals("firing_alerts"))
                .findFirst().orElseThrow();
    }

    private static ToolResult call(PluginTestKit kit) {
        return kit.call(tool(kit), "tool firing_alerts", t -> t.call(kit.context(), Map.of()));
    }

    private static Map<String, Object> rule(UUID id, String definition) {
        Map<String, Object> r = new HashMap<>(Map.of("id", id, "definition", definition, "enabled", true,
                "starter", false, "backtest_firings", 0));
        r.put("updated_at", null);
        return r;
    }

    private static Map<String, Object> alert(UUID id, UUID rule, String entity, String label, String firingSince,
                                             Double value, Double bound, String reason) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("rule_id", rule);
        r.put("entity", entity);
        r.put("entity_label", label);
        r.put("state", "FIRING");
        r.put("since", OffsetDateTime.parse(firingSince));
        r.put("firing_since", OffsetDateTime.parse(firingSince));
        r.put("notified", true);
        r.put("escalated", false);
        r.put("value", value == null ? null : BigDecimal.valueOf(value));
        r.put("bound", bound == null ? null : BigDecimal.valueOf(bound));
        r.put("reason", reason);
        return r;
    }

    @Test
    void offersTheToolToWhoeverMayReadAlerts(PluginTestKit kit) {
        AssistantTool tool = tool(kit);
        assertThat(kit.extensions(AssistantTool.class)).hasSize(1);
        assertThat(tool.requiredPermission()).isEqualTo("alerts:read");
        assertThat(kit.declaredPermissions()).contains(tool.requiredPermission());
        assertThat(tool.changesData()).isFalse();
        assertThat(tool.spec().parameters()).isEmpty();
    }

    @Test
    void nothingFiringSaysSo(PluginTestKit kit) {
        ToolResult result = call(kit);
        assertThat(result.text()).isEqualTo("No alerts are firing.");
        assertThat(result.figures()).isEmpty();
        assertThat(result.link()).isEqualTo("plugins/alerts/alerts");
    }

    @Test
    void listsFiringAlertsWithTheirFiguresAndLinks(PluginTestKit kit) {
        Map<String, Object> acked = alert(CPA_ALERT, CPA_RULE, "meta-ads:M1", "Summer Sale",
                "2026-12-06T13:00:00Z", 41.5, 30.0, "cpa 41.5 is beyond 30 over the last 7 days");
        acked.put("acked_at", OffsetDateTime.parse("2026-12-06T15:00:00Z"));
        acked.put("task_status", "REQUESTED");
        kit.context().fakeData()
                .whenQuery("from alert_rule", List.of(
                        rule(CPA_RULE, "{\"name\": \"CPA above target\", \"metric\": \"cpa\", \"level\":"
                                + " \"campaign\", \"kind\": \"threshold\", \"params\": {\"threshold\": 30},"
                                + " \"severity\": \"critical\"}"),
                        rule(STALE_RULE, "{\"name\": \"Stale data\", \"kind\": \"stale\"}")))
                .whenQuery("from alert_instance where state = ?", List.of(acked,
                        alert(STALE_ALERT, STALE_RULE, "c-1", "Meta", "2026-12-07T08:30:00Z", null, 24.0,
                                "Meta has never loaded"),
                        alert(GONE_ALERT, UUID.randomUUID(), "x", null, "2026-12-01T00:00:00Z", 3.0, 1.0, null)));

        ToolResult result = call(kit);

        FakePluginData.Statement query = kit.context().fakeData().statements().stream()
                .filter(s -> s.sql().contains("from alert_instance")).findFirst().orElseThrow();
        assertThat(query.params()).containsExactly("FIRING", 21);
        assertThat(result.text()).isEqualTo("""
                3 alerts are firing (times in Europe/Berlin):
                - [critical] CPA above target: Summer Sale · firing since 2026-12-06 14:00 · CPA 41.5 against\
                 threshold 30 · cpa 41.5 is beyond 30 over the last 7 days · acknowledged, task requested ·\
                 plugins/alerts/alert?id=%s
                - [warning] Stale data: Meta · firing since 2026-12-07 09:30 · Meta has never loaded ·\
                 plugins/alerts/alert?id=%s
                - A deleted rule: x · firing since 2026-12-01 01:00 · plugins/alerts/alert?id=%s"""
                .formatted(CPA_ALERT, STALE_ALERT, GONE_ALERT));
        assertThat(result.figures()).extracting(ToolResult.Figure::label, f -> f.value().doubleValue(),
                        ToolResult.Figure::format, ToolResult.Figure::link)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CPA above target, Summer Sale: CPA", 41.5, "money",
                                "plugins/alerts/alert?id=" + CPA_ALERT),
                        org.assertj.core.groups.Tuple.tuple("CPA above target, Summer Sale: threshold", 30.0, "money",
                                "plugins/alerts/alert?id=" + CPA_ALERT));
        assertThat(result.link()).isEqualTo("plugins/alerts/alerts");
    }

    @Test
    void atMostTwentyAndTheRestCounted(PluginTestKit kit) {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(alert(UUID.randomUUID(), CPA_RULE, "meta-ads:M" + i, "Campaign " + i, "2026-12-06T13:00:00Z",
                    40.0 + i, 30.0, null));
        }
        kit.context().fakeData()
                .whenQuery("from alert_rule", List.of(rule(CPA_RULE, "{\"name\": \"CPA above target\", \"metric\":"
                        + " \"cpa\", \"level\": \"campaign\", \"kind\": \"threshold\", \"params\": {\"threshold\":"
                        + " 30}}")))
                .whenQuery("from alert_instance where state = ?", many);

        ToolResult result = call(kit);

        assertThat(result.text()).startsWith("More than 20 alerts are firing; the 20 newest");
        assertThat(result.text().lines().count()).isEqualTo(21);
        assertThat(result.figures()).hasSize(40).allSatisfy(f -> assertThat(f.link()).startsWith(
                "plugins/alerts/alert?id="));
    }

    @Test
    void withoutFiguresPermissionTheMetricKeepsItsIdAndAPlainFormat(PluginTestKit kit) {
        kit.context().revoke("dashboards:read");
        kit.context().fakeData()
                .whenQuery("from alert_rule", List.of(rule(CPA_RULE, "{\"name\": \"CPA above target\", \"metric\":"
                        + " \"cpa\", \"level\": \"campaign\", \"kind\": \"threshold\", \"params\": {\"threshold\":"
                        + " 30}}")))
                .whenQuery("from alert_instance where state = ?", List.of(alert(CPA_ALERT, CPA_RULE, "meta-ads:M1",
                        "Summer Sale", "2026-12-06T13:00:00Z", 41.5, 30.0, null)));

        ToolResult result = call(kit);

        assertThat(result.text()).contains("cpa 41.5 against threshold 30");
        assertThat(result.figures()).extracting(ToolResult.Figure::format).containsExactly("number", "number");
    }
}

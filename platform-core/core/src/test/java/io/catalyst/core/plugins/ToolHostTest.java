package io.catalyst.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's check of the model's arguments, before any plugin sees them. */
class ToolHostTest {

    private static final ToolSpec SPEC = new ToolSpec("create_task", "Creates a task", List.of(
            ToolParameter.required("title", ToolParameter.Type.STRING, ""),
            ToolParameter.oneOf("priority", false, "", List.of("low", "high")),
            ToolParameter.optional("days", ToolParameter.Type.INTEGER, ""),
            ToolParameter.optional("budget", ToolParameter.Type.NUMBER, ""),
            ToolParameter.optional("labels", ToolParameter.Type.STRING_ARRAY, "")));

    @Test
    void argumentsAreTypedAndUnknownOnesDropped() {
        var args = ToolHost.checked(SPEC, "{\"title\":\"Review\",\"priority\":\"high\",\"days\":3,\"budget\":12.5,"
                + "\"labels\":[\"meta\"],\"tenant_id\":\"00000000-0000-0000-0000-000000000001\"}");

        assertThat(args).containsOnlyKeys("title", "priority", "days", "budget", "labels");
        assertThat(args.get("days")).isEqualTo(new BigDecimal("3"));
        assertThat(args.get("budget")).isEqualTo(new BigDecimal("12.5"));
        assertThat(args.get("labels")).isEqualTo(List.of("meta"));
    }

    @Test
    void badArgumentsAreRefusedWithWhatToChange() {
        assertThatThrownBy(() -> ToolHost.checked(SPEC, "{}")).isInstanceOf(PluginProblem.class)
                .hasMessageContaining("needs the argument title");
        assertThatThrownBy(() -> ToolHost.checked(SPEC, "{\"title\":\"x\",\"priority\":\"urgent\"}"))
                .hasMessageContaining("one of [low, high]");
        assertThatThrownBy(() -> ToolHost.checked(SPEC, "{\"title\":\"x\",\"days\":\"3\"}"))
                .hasMessageContaining("a whole number");
        assertThatThrownBy(() -> ToolHost.checked(SPEC, "{\"title\":\"x\",\"days\":99999999999}"))
                .hasMessageContaining("a whole number");
        assertThatThrownBy(() -> ToolHost.checked(SPEC, "{\"title\":\"x\",\"labels\":[1]}"))
                .hasMessageContaining("a list of at most 100 texts");
        assertThatThrownBy(() -> ToolHost.checked(SPEC, "[\"title\"]")).hasMessageContaining("a JSON object");
        assertThatThrownBy(() -> ToolHost.checked(SPEC, "{title:")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ToolHost.checked(SPEC, "{\"title\":\"" + "x".repeat(2_001) + "\"}"))
                .hasMessageContaining("at most 2,000 characters");
    }

    @Test
    void aToolIsNamedAfterItsPlugin() {
        assertThat(ToolHost.publicName("lead-scoring", "explain_lead")).isEqualTo("lead_scoring_explain_lead");
    }
}

package io.catalyst.api.ai;

import java.util.List;

/**
 * A model's reply. Since API 0.8.0.
 *
 * @param text      what it wrote; empty when it only asks for tools
 * @param toolCalls the tools it asks to call, in order; empty for a final answer
 * @param usage     the tokens charged for this call
 */
public record Reply(String text, List<ToolCall> toolCalls, Usage usage) {

    public Reply {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? Usage.NONE : usage;
    }

    public boolean wantsTools() {
        return !toolCalls.isEmpty();
    }
}

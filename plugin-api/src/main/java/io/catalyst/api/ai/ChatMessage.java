package io.catalyst.api.ai;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation sent to the model. Since API 0.8.0.
 *
 * @param role       who speaks
 * @param text       the text; for a tool result, what the tool answered
 * @param toolCalls  for an assistant message, the tools it asked for
 * @param toolCallId for a tool result, the id of the call it answers
 * @param toolName   for a tool result, the tool's name
 */
public record ChatMessage(Role role, String text, List<ToolCall> toolCalls, String toolCallId, String toolName) {

    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (role == Role.TOOL && (toolCallId == null || toolName == null)) {
            throw new IllegalArgumentException("a tool result names its call and tool");
        }
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text, List.of(), null, null);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text, List.of(), null, null);
    }

    public static ChatMessage assistant(String text, List<ToolCall> toolCalls) {
        return new ChatMessage(Role.ASSISTANT, text, toolCalls, null, null);
    }

    public static ChatMessage toolResult(ToolCall call, String result) {
        return new ChatMessage(Role.TOOL, result, List.of(), call.id(), call.name());
    }
}

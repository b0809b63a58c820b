package io.catalyst.api.ai;

import java.util.List;

/**
 * One call to the model: the conversation so far and the tools it may ask for. Since API 0.8.0.
 *
 * @param messages    in order, usually a system message first
 * @param tools       what the model may call; empty for none
 * @param maxTokens   the longest reply, in tokens; 0 for the platform's default
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, int maxTokens) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens is 0 (the default) or more");
        }
    }

    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(messages, List.of(), 0);
    }
}

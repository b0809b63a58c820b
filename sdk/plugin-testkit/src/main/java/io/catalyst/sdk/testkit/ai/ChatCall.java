package io.catalyst.sdk.testkit.ai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed {@code POST /v1/chat/completions} request, as {@link FakeOpenAi} received it. Immutable.
 *
 * @param model         the requested model name (null if absent)
 * @param stream        whether a streamed (SSE) answer was asked for
 * @param includeUsage  {@code stream_options.include_usage}
 * @param maxTokens     {@code max_completion_tokens}, else {@code max_tokens}, else null
 * @param messages      the conversation, in order
 * @param toolNames     the names of the functions offered in {@code tools}
 * @param authorization the Authorization header (e.g. {@code Bearer sk-...}), or null
 * @param json          the raw request body
 */
public record ChatCall(String model, boolean stream, boolean includeUsage, Integer maxTokens,
                       List<Message> messages, List<String> toolNames, String authorization, String json) {

    /** A tool call inside an assistant message of the request. */
    public record ToolCall(String id, String name, String arguments) {
    }

    /**
     * One message: {@code role} is system, user, assistant or tool (developer is kept as sent). {@code content} is
     * the text (parts joined), or null; {@code toolCallId} is set on tool messages, {@code toolCalls} on assistant ones.
     */
    public record Message(String role, String content, String toolCallId, List<ToolCall> toolCalls) {
        public Message {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }
    }

    public ChatCall {
        messages = List.copyOf(messages);
        toolNames = List.copyOf(toolNames);
    }

    /** The content of the last user message, or null. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return null;
    }

    /** The system message(s) joined by a newline, or null. */
    public String systemMessage() {
        String joined = null;
        for (Message m : messages) {
            if ("system".equals(m.role()) || "developer".equals(m.role())) {
                joined = joined == null ? m.content() : joined + "\n" + m.content();
            }
        }
        return joined;
    }

    /** The tool results so far in this request: tool_call_id to content, in order. */
    public Map<String, String> toolResults() {
        Map<String, String> results = new LinkedHashMap<>();
        for (Message m : messages) {
            if ("tool".equals(m.role())) {
                results.put(m.toolCallId(), m.content());
            }
        }
        return Collections.unmodifiableMap(results);
    }

    /**
     * The latest tool result for a tool_call_id or a tool name (the name is found through the assistant message that
     * made the call), or null when there is none.
     */
    public String toolResult(String toolCallIdOrName) {
        Map<String, String> nameById = new LinkedHashMap<>();
        String found = null;
        for (Message m : messages) {
            for (ToolCall c : m.toolCalls()) {
                nameById.put(c.id(), c.name());
            }
            if ("tool".equals(m.role()) && (toolCallIdOrName.equals(m.toolCallId())
                    || toolCallIdOrName.equals(nameById.get(m.toolCallId())))) {
                found = m.content();
            }
        }
        return found;
    }

    /** True when the last message is a tool result, i.e. the client is coming back with what a tool returned. */
    public boolean afterToolResult() {
        return !messages.isEmpty() && "tool".equals(messages.get(messages.size() - 1).role());
    }

    /** The number of tool calls the assistant already made in this conversation. */
    public int toolCallCount() {
        return messages.stream().mapToInt(m -> m.toolCalls().size()).sum();
    }
}

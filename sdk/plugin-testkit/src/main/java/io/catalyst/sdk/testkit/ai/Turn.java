package io.catalyst.sdk.testkit.ai;

import java.util.List;
import java.util.Objects;

/**
 * What {@link FakeOpenAi} answers to one call: text, tool calls, or both, with optional token usage.
 * Immutable; {@link #usage(int, int)} and {@link #withText(String)} return a copy.
 */
public final class Turn {

    /** A tool call to make; the fake gives it an id ({@code call_1}, {@code call_2}, ...) when it answers. */
    public record Call(String name, String arguments) {
        public Call {
            Objects.requireNonNull(name, "name");
            arguments = arguments == null ? "{}" : arguments;
        }
    }

    private final String text;
    private final List<Call> calls;
    private final Integer promptTokens;
    private final Integer completionTokens;

    private Turn(String text, List<Call> calls, Integer promptTokens, Integer completionTokens) {
        this.text = text;
        this.calls = List.copyOf(calls);
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
    }

    /** A plain text answer ({@code finish_reason: stop}). */
    public static Turn text(String text) {
        return new Turn(Objects.requireNonNull(text, "text"), List.of(), null, null);
    }

    /** An answer that asks the client to run tools ({@code finish_reason: tool_calls}). */
    public static Turn tools(Call... calls) {
        if (calls.length == 0) {
            throw new IllegalArgumentException("at least one tool call");
        }
        return new Turn(null, List.of(calls), null, null);
    }

    /** One tool call; {@code argumentsJson} is the JSON object the model "wrote", e.g. {@code {"a":1}}. */
    public static Call call(String name, String argumentsJson) {
        return new Call(name, argumentsJson);
    }

    /** Overrides the computed token usage (total = prompt + completion). */
    public Turn usage(int prompt, int completion) {
        return new Turn(text, calls, prompt, completion);
    }

    /** Adds text before the tool calls, as models sometimes do ("Let me look that up."). */
    public Turn withText(String text) {
        return new Turn(text, calls, promptTokens, completionTokens);
    }

    /** The text, or null for a tool-calls-only answer. */
    public String text() {
        return text;
    }

    public List<Call> calls() {
        return calls;
    }

    /** The overridden prompt token count, or null to compute it. */
    public Integer promptTokens() {
        return promptTokens;
    }

    /** The overridden completion token count, or null to compute it. */
    public Integer completionTokens() {
        return completionTokens;
    }

    @Override
    public String toString() {
        return "Turn[text=" + text + ", calls=" + calls + "]";
    }
}

package io.catalyst.plugins.assistant;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.AssistantTools;
import io.catalyst.api.ai.ChatMessage;
import io.catalyst.api.ai.ChatRequest;
import io.catalyst.api.ai.ModelException;
import io.catalyst.api.ai.Reply;
import io.catalyst.api.ai.ReplyHandler;
import io.catalyst.api.ai.ToolCall;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.ai.ToolSpec;
import io.catalyst.api.ai.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One question and its answer: the model is asked with the conversation and the tools; each round it may call tools
 * (run as the user, through the host), whose answers go back to it, until it writes the answer. At most
 * {@link #MAX_ROUNDS} rounds call tools: the last round offers none, so the model must answer with what it has. A
 * tool that changes data waits for the user's confirmation; declining is told to the model as such. The answer's
 * figures are checked against every figure the tools returned.
 */
final class Turn {

    static final int MAX_ROUNDS = 4;

    /** Hears the turn, on host threads (or the UI's, after a confirmation). */
    interface Listener {
        /** A piece of the model's text as it streams. */
        void text(String token);

        /** A tool is being called, in words. */
        void step(String description);

        /** A tool that changes data awaits the user: call {@code answer} with their choice. */
        void confirm(String question, Consumer<Boolean> answer);

        /** The answer, checked. */
        void answered(Answer answer);

        /** No answer: the model is unavailable or the credits are used; the message is for the user. */
        void failed(String message);
    }

    /** The final answer. */
    record Answer(String text, List<FigureCheck.Part> parts, List<ToolResult.Figure> figures, List<String> links,
                  List<String> tools, int rounds, Usage usage) {
        long unverified() {
            return FigureCheck.unverified(parts);
        }
    }

    private final PluginContext ctx;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Listener listener;
    private final List<ToolSpec> tools = new ArrayList<>();
    private final List<ToolResult.Figure> figures = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private final List<String> called = new ArrayList<>();
    private Usage usage = Usage.NONE;
    private int rounds;

    Turn(PluginContext ctx, String system, List<ChatMessage> history, String question, Listener listener) {
        this.ctx = ctx;
        this.listener = listener;
        messages.add(ChatMessage.system(system));
        messages.addAll(history);
        messages.add(ChatMessage.user(question));
    }

    void start() {
        try {
            ctx.assistantTools().available().forEach(t -> tools.add(t.spec()));
        } catch (RuntimeException e) {
            ctx.log().warning("assistant tools could not be listed: " + e.getMessage());
        }
        ask();
    }

    private void ask() {
        // the last round offers no tools: the model answers with what it found
        List<ToolSpec> offered = rounds < MAX_ROUNDS ? tools : List.of();
        ctx.model().stream(new ChatRequest(messages, offered, 0), new ReplyHandler() {
            @Override
            public void token(String text) {
                listener.text(text);
            }

            @Override
            public void complete(Reply reply) {
                usage = usage.plus(reply.usage());
                if (reply.wantsTools() && rounds < MAX_ROUNDS) {
                    rounds++;
                    messages.add(ChatMessage.assistant(reply.text(), reply.toolCalls()));
                    run(reply.toolCalls());
                } else {
                    finish(reply.text());
                }
            }

            @Override
            public void failed(ModelException error) {
                listener.failed(error.getMessage());
            }
        });
    }

    // the host runs the reads together; their answers go back in order, a confirmation pausing until the user answers
    private void run(List<ToolCall> calls) {
        for (ToolCall call : calls) {
            called.add(call.name());
            listener.step(Steps.describe(call));
        }
        List<AssistantTools.Outcome> outcomes;
        try {
            outcomes = ctx.assistantTools().callAll(calls);
        } catch (RuntimeException failure) {
            ctx.log().warning("tools " + called + " failed: " + failure);
            outcomes = calls.stream().<AssistantTools.Outcome>map(c -> new AssistantTools.Outcome.Failed(
                    "the tool failed; tell the user it is unavailable right now")).toList();
        }
        settle(calls, outcomes, 0);
    }

    private void settle(List<ToolCall> calls, List<AssistantTools.Outcome> outcomes, int index) {
        if (index == calls.size()) {
            ask();
            return;
        }
        ToolCall call = calls.get(index);
        AssistantTools.Outcome outcome = outcomes.get(index);
        if (outcome instanceof AssistantTools.Outcome.Done done) {
            answer(call, done.result());
            settle(calls, outcomes, index + 1);
        } else if (outcome instanceof AssistantTools.Outcome.Failed failed) {
            answer(call, ToolResult.text("error: " + failed.reason()));
            settle(calls, outcomes, index + 1);
        } else if (outcome instanceof AssistantTools.Outcome.NeedsConfirmation ask) {
            listener.confirm(ask.question(), yes -> {
                ToolResult result;
                if (!yes) {
                    result = ToolResult.text("The user declined; nothing was done. Do not try again unless asked.");
                } else {
                    try {
                        result = ctx.assistantTools().confirm(ask.ticket());
                    } catch (PluginProblem problem) {
                        result = ToolResult.text("error: " + problem.getMessage());
                    }
                }
                answer(call, result);
                settle(calls, outcomes, index + 1);
            });
        }
    }

    private void answer(ToolCall call, ToolResult result) {
        messages.add(ChatMessage.toolResult(call, result.text()));
        figures.addAll(result.figures());
        if (result.link() != null && !links.contains(result.link())) {
            links.add(result.link());
        }
    }

    private void finish(String text) {
        String reply = text == null || text.isBlank() ? "I could not write an answer. Please ask again." : text.strip();
        listener.answered(new Answer(reply, FigureCheck.check(reply, figures), List.copyOf(figures),
                List.copyOf(links), List.copyOf(called), rounds, usage));
    }
}

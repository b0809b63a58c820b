package io.catalyst.api.ai;

import java.util.List;
import java.util.Map;

/**
 * The tools other plugins offer the assistant ({@link AssistantTool}), as the current user may use them:
 * {@code ctx.assistantTools()}. Only in a context with a user. Since API 0.8.0.
 */
public interface AssistantTools {

    /** A tool as the assistant sees it: its public name, what the model is told, and whether it changes data. */
    record Tool(ToolSpec spec, String pluginId, boolean changesData) {
    }

    /** The tools of the tenant's enabled plugins that the user holds the permission for. */
    List<Tool> available();

    /**
     * Calls a tool as the user. A tool that changes data does not run: the answer is a
     * {@link Outcome.NeedsConfirmation} whose ticket {@link #confirm} runs, once, with these exact arguments.
     *
     * @param arguments the model's arguments as it wrote them (a JSON object)
     * @throws io.catalyst.api.PluginProblem with status 404 for an unknown tool, 403 without its permission, 400 for
     *                                       arguments the tool refused (its message says why)
     */
    Outcome call(String name, String arguments);

    /**
     * Calls several tools, as a model asks for them in one reply, and answers in the same order. Tools that change
     * nothing may run at the same time (the host runs them in parallel: three figures cost the time of the slowest);
     * a tool that changes data answers {@link Outcome.NeedsConfirmation} as with {@link #call}. A call that fails
     * answers {@link Outcome.Failed} with the reason, and the others still run.
     */
    default List<Outcome> callAll(List<io.catalyst.api.ai.ToolCall> calls) {
        List<Outcome> outcomes = new java.util.ArrayList<>();
        for (io.catalyst.api.ai.ToolCall c : calls) {
            try {
                outcomes.add(call(c.name(), c.arguments()));
            } catch (io.catalyst.api.PluginProblem problem) {
                outcomes.add(new Outcome.Failed(problem.getMessage()));
            }
        }
        return outcomes;
    }

    /**
     * Runs a tool the user confirmed. The ticket is good once, for the user it was made for, for ten minutes.
     *
     * @throws io.catalyst.api.PluginProblem with status 404 when the ticket is unknown, used or expired
     */
    ToolResult confirm(String ticket);

    /** What a call gave. */
    sealed interface Outcome {

        /** The tool ran. */
        record Done(ToolResult result) implements Outcome {
        }

        /** The tool changes data: show the user the question; run it with {@link AssistantTools#confirm}. */
        record NeedsConfirmation(String ticket, String question) implements Outcome {
        }

        /** The call was refused or failed (from {@link AssistantTools#callAll}); the reason is for the model. */
        record Failed(String reason) implements Outcome {
        }
    }
}

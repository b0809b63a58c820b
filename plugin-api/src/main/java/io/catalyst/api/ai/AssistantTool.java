package io.catalyst.api.ai;

import io.catalyst.api.PluginContext;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * A tool a plugin offers the AI assistant, such as "create a task" or "explain a lead's score". The assistant sees the
 * tools of the plugins the tenant enabled that the user may use, under the name {@code <plugin id>_<name>} with dashes
 * made underscores (the tasks plugin's {@code create_task} is {@code tasks_create_task}). Since API 0.8.0.
 *
 * <p>The host binds the call: {@code ctx} is for the asking user's tenant and permissions, so a tool never takes a
 * tenant (or a user) as an argument. Its arguments come from the model and are untrusted: check them as you would a
 * REST body, and answer a bad one with {@link io.catalyst.api.PluginProblem#badRequest} (the model sees the message
 * and may try again). A tool that {@link #changesData() changes data} runs only after the user confirmed the exact
 * arguments in the UI.
 */
public interface AssistantTool extends ExtensionPoint {

    /** How the model calls it, within this plugin: lower case letters, digits and underscores. */
    ToolSpec spec();

    /** The tenant-relative permission the user needs, e.g. {@code tasks:write}; null for every member. */
    String requiredPermission();

    /** Whether calling it changes anything (creates a task, sends a mail): then the user confirms first. */
    default boolean changesData() {
        return false;
    }

    /**
     * What the user is asked to confirm, in one sentence made from the arguments, e.g. "Create the task 'Pause the
     * Spring Sale ad set', due 12 December, for Dana Fischer?". Only asked for tools that change data; it may read
     * (never change) through {@code ctx}, to name what the arguments point at.
     */
    default String confirmation(PluginContext ctx, Map<String, Object> arguments) {
        return "Run " + spec().name() + " with " + arguments + "?";
    }

    /**
     * Runs the tool.
     *
     * @param arguments the model's arguments, parsed from JSON: text, numbers ({@link java.math.BigDecimal}),
     *                  booleans and lists of text
     */
    ToolResult call(PluginContext ctx, Map<String, Object> arguments);
}

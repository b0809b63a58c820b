package io.catalyst.api.ai;

import java.util.Objects;

/**
 * A tool the model asks to call.
 *
 * @param id        the provider's id of the call, echoed in the tool's result message
 * @param name      the tool's name
 * @param arguments the arguments as the model wrote them: a JSON object, untrusted
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }
}

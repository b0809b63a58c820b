package io.catalyst.api.ai;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool the model may call, as it is described to the model. Since API 0.8.0.
 *
 * @param name        lower case letters, digits and underscores, 1 to 64 characters
 * @param description what it does and when to use it, for the model
 * @param parameters  its arguments, all of simple types
 */
public record ToolSpec(String name, String description, List<ToolParameter> parameters) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public ToolSpec {
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a tool name is lower case letters, digits and underscores: " + name);
        }
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}

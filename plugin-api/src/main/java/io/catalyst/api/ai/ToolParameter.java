package io.catalyst.api.ai;

import java.util.List;
import java.util.Objects;

/**
 * One argument of a tool. Since API 0.8.0.
 *
 * @param name        the argument's name
 * @param type        its JSON type
 * @param description what it means, for the model
 * @param required    whether the model must give it
 * @param allowed     for text, the only values allowed (an enum); empty for any
 */
public record ToolParameter(String name, Type type, String description, boolean required, List<String> allowed) {

    /** JSON types a tool argument can have. */
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN, STRING_ARRAY }

    public ToolParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public static ToolParameter required(String name, Type type, String description) {
        return new ToolParameter(name, type, description, true, List.of());
    }

    public static ToolParameter optional(String name, Type type, String description) {
        return new ToolParameter(name, type, description, false, List.of());
    }

    public static ToolParameter oneOf(String name, boolean required, String description, List<String> allowed) {
        return new ToolParameter(name, Type.STRING, description, required, allowed);
    }
}

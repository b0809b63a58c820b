package io.catalyst.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Field paths into JSON: {@code data.list}, {@code pivotValues[0]} or {@code pivotValues.0}. A missing step gives
 * {@link MissingNode}, never an exception: providers leave fields out freely.
 */
final class JsonPaths {

    private JsonPaths() {
    }

    /** The node at {@code path}, or a missing node. A null or empty path is the root itself. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        if (path == null || path.isEmpty()) {
            return node;
        }
        List<String> steps = steps(path);
        if (steps.contains("")) {
            return MissingNode.getInstance(); // e.g. a path built from a setting left empty: "metrics."
        }
        for (String step : steps) {
            if (node.isArray() && step.chars().allMatch(Character::isDigit)) {
                node = node.path(Integer.parseInt(step));
            } else {
                node = node.path(step);
            }
            if (node.isMissingNode()) {
                return node;
            }
        }
        return node;
    }

    /** The value at {@code path} as text (objects and arrays as JSON), or null when absent or JSON null. */
    static String text(JsonNode root, String path) {
        return text(at(root, path));
    }

    /** A node as text, or null when absent or JSON null. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                steps.add(part.substring(0, bracket));
                steps.add(part.substring(bracket + 1, part.length() - 1));
            }
        }
        return steps;
    }
}

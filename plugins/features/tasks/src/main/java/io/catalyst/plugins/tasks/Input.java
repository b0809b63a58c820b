package io.catalyst.plugins.tasks;

import io.catalyst.api.PluginProblem;
import io.catalyst.api.tasks.TaskRequest.Priority;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request body read field by field. Every problem is collected as "field: what is expected", and {@link #check()}
 * answers them all at once as one 400, so a caller fixes a form in one go.
 */
final class Input {

    static final int MAX_BODY = 1_000_000;
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 20_000;
    static final int MAX_COMMENT = 10_000;
    static final int MAX_ITEM = 500;
    static final int MAX_LABELS = 20;
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _./+#-]{0,39}");

    private final JsonObject json;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private Input(JsonObject json) {
        this.json = json;
    }

    /** Reads a JSON object, or answers 400. */
    static Input of(String body) {
        if (body == null || body.isBlank()) {
            throw PluginProblem.badRequest("Send a JSON object as the request body.");
        }
        if (body.length() > MAX_BODY) {
            throw PluginProblem.badRequest("The request body is larger than " + MAX_BODY + " characters.");
        }
        try {
            JsonValue value = Json.createReader(new StringReader(body)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw PluginProblem.badRequest("Send a JSON object as the request body.");
            }
            return new Input(value.asJsonObject());
        } catch (JsonParsingException e) {
            throw PluginProblem.badRequest("The request body is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw PluginProblem.badRequest("The request body is not valid JSON.");
        }
    }

    boolean has(String field) {
        return json.containsKey(field);
    }

    /** Fails with every collected error as "field: message; field: message". */
    void check() {
        if (!errors.isEmpty()) {
            StringBuilder text = new StringBuilder();
            errors.forEach((f, m) -> text.append(text.length() == 0 ? "" : "; ").append(f).append(": ").append(m));
            throw new PluginProblem(400, "Invalid task", text.toString());
        }
    }

    void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** A string of 1 to {@code max} characters after trimming; null when absent or invalid. */
    String text(String field, int max, boolean required) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            error(field, "must be text");
            return null;
        }
        String t = s.getString().strip();
        if (t.isEmpty() && required) {
            error(field, "must not be blank");
            return null;
        }
        if (t.length() > max) {
            error(field, "is longer than " + max + " characters");
            return null;
        }
        return t.isEmpty() ? null : t;
    }

    Priority priority(String field) {
        String t = text(field, 20, false);
        if (t == null) {
            return null;
        }
        try {
            return Priority.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(field, "must be one of LOW, NORMAL, HIGH, URGENT");
            return null;
        }
    }

    TaskStatus status(String field) {
        String t = text(field, 30, true);
        if (t == null) {
            return null;
        }
        return TaskStatus.parse(t).orElseGet(() -> {
            error(field, "must be one of OPEN, IN_PROGRESS, IN_REVIEW, DONE, CANCELLED");
            return null;
        });
    }

    LocalDate date(String field) {
        String t = text(field, 10, false);
        if (t == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(t);
            if (d.getYear() < 2000 || d.getYear() > 2199) {
                error(field, "must be a date between 2000 and 2199");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            error(field, "must be a date like 2026-12-31");
            return null;
        }
    }

    UUID uuid(String field) {
        String t = text(field, 36, false);
        if (t == null) {
            return null;
        }
        UUID id = parseUuid(t);
        if (id == null) {
            error(field, "must be a member's id (a UUID)");
        }
        return id;
    }

    Boolean bool(String field) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        error(field, "must be true or false");
        return null;
    }

    /** A route inside the application, such as {@code plugins/alerts/alert?id=1}: never another site. */
    String route(String field) {
        String t = text(field, 2000, false);
        if (t != null && !isRoute(t)) {
            error(field, "must be a route in the application like plugins/alerts/alert?id=42");
            return null;
        }
        return t;
    }

    static boolean isRoute(String t) {
        return !t.startsWith("/") && !t.contains("\\") && !t.matches("(?s).*\\s.*")
                && !t.matches("(?i)^[a-z][a-z0-9+.-]*:.*");
    }

    List<String> labels(String field) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            error(field, "must be a list of labels");
            return null;
        }
        return labels(field, a.stream().map(x -> x instanceof JsonString s ? s.getString() : null).toList());
    }

    /** Checks labels from anywhere (REST or a task request): short words, no commas, at most 20. */
    List<String> labels(String field, List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String l : given) {
            String t = l == null ? null : l.strip().toLowerCase(Locale.ROOT);
            if (t == null || !LABEL.matcher(t).matches()) {
                error(field, "labels are 1 to 40 letters, digits, spaces or . _ / + # -");
                return null;
            }
            out.add(t);
        }
        if (out.size() > MAX_LABELS) {
            error(field, "at most " + MAX_LABELS + " labels");
            return null;
        }
        return List.copyOf(out);
    }

    /** Checks labels given outside a request body (a task request, a form): answers 400 when one is bad. */
    static List<String> labelsOf(List<String> given) {
        Input in = new Input(JsonValue.EMPTY_JSON_OBJECT);
        List<String> labels = in.labels("labels", given);
        in.check();
        return labels;
    }

    /** A list of checklist items' texts. */
    List<String> texts(String field, int max) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray a) || a.size() > 100) {
            error(field, "must be a list of at most 100 texts");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonValue x : a) {
            String t = x instanceof JsonString s ? s.getString().strip() : "";
            if (t.isEmpty() || t.length() > max) {
                error(field, "each item is 1 to " + max + " characters");
                return List.of();
            }
            out.add(t);
        }
        return out;
    }

    /** A UUID, or null for anything else (callers answer 404 for a path, 400 for a body). */
    static UUID parseUuid(String text) {
        if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return UUID.fromString(text);
    }
}

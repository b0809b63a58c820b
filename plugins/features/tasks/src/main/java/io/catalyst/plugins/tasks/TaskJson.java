package io.catalyst.plugins.tasks;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The REST answers' JSON. */
final class TaskJson {

    private TaskJson() {
    }

    static JsonObjectBuilder task(Task t, SlaPolicy.State sla) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", t.id().toString())
                .add("title", t.title());
        put(o, "body", t.body());
        o.add("status", t.status().name()).add("priority", t.priority().name());
        put(o, "assignee", t.assigneeId());
        put(o, "role", t.assigneeRole());
        put(o, "due", t.due());
        o.add("clientVisible", t.clientVisible());
        put(o, "link", t.link());
        if (t.subjectKind() != null) {
            JsonObjectBuilder s = Json.createObjectBuilder().add("kind", t.subjectKind());
            put(s, "id", t.subjectId());
            put(s, "label", t.subjectLabel());
            s.add("snapshot", t.subjectSnapshot() == null ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new StringReader(t.subjectSnapshot())).readObject());
            o.add("subject", s);
        }
        if (t.sourcePlugin() != null) {
            o.add("request", Json.createObjectBuilder().add("sourcePlugin", t.sourcePlugin())
                    .add("dedupeKey", t.dedupeKey()));
        }
        o.add("labels", strings(t.labels()));
        put(o, "createdBy", t.createdBy());
        o.add("createdByName", t.createdByName());
        put(o, "createdAt", t.createdAt());
        put(o, "updatedAt", t.updatedAt());
        put(o, "firstResponseAt", t.firstResponseAt());
        put(o, "closedAt", t.closedAt());
        o.add("route", Task.route(t.id()));
        if (sla != null) {
            o.add("sla", Json.createObjectBuilder().add("clock", sla.clock().name())
                    .add("deadline", sla.deadline().toString()).add("marginMinutes", sla.margin().toMinutes())
                    .add("breached", sla.breached()).add("text", sla.text()));
        }
        return o;
    }

    static JsonArrayBuilder checklist(List<TaskStore.CheckItem> items) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        items.forEach(i -> a.add(checkItem(i)));
        return a;
    }

    static JsonObjectBuilder checkItem(TaskStore.CheckItem i) {
        return Json.createObjectBuilder().add("id", i.id().toString()).add("position", i.position())
                .add("text", i.text()).add("done", i.done());
    }

    static JsonObjectBuilder comment(TaskStore.Comment c) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", c.id().toString());
        put(o, "authorId", c.authorId());
        return o.add("authorName", c.authorName()).add("body", c.body()).add("createdAt", c.createdAt().toString());
    }

    static JsonObjectBuilder activity(TaskStore.Activity a) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        put(o, "actorId", a.actorId());
        o.add("actorName", a.actorName()).add("field", a.field());
        put(o, "from", a.from());
        put(o, "to", a.to());
        return o.add("at", a.at().toString());
    }

    static JsonArrayBuilder strings(Collection<?> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(v -> a.add(v.toString()));
        return a;
    }

    static void put(JsonObjectBuilder o, String key, Object value) {
        if (value == null) {
            o.addNull(key);
        } else {
            o.add(key, value.toString());
        }
    }

    /** A JSON-like value (an event payload's) as JSON text: maps, lists, strings, numbers, booleans, null. */
    static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Number n) {
            try {
                return Json.createValue(new BigDecimal(n.toString()));
            } catch (NumberFormatException e) {
                return Json.createValue(n.toString()); // NaN or infinity: JSON has no such number
            }
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            m.forEach((k, x) -> o.add(String.valueOf(k), value(x)));
            return o.build();
        }
        if (v instanceof Collection<?> c) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            c.forEach(x -> a.add(value(x)));
            return a.build();
        }
        return Json.createValue(v.toString());
    }

    /** A snapshot's figures for display, in their order: metric to value as text. */
    static Map<String, String> figures(String snapshot) {
        Map<String, String> out = new LinkedHashMap<>();
        if (snapshot != null) {
            JsonObject o = Json.createReader(new StringReader(snapshot)).readObject();
            o.forEach((k, v) -> out.put(k, v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
        }
        return out;
    }
}

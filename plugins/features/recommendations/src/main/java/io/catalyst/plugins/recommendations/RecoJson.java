package io.catalyst.plugins.recommendations;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import io.catalyst.plugins.recommendations.rules.Evidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Facts and evidence to and from the JSON text the table keeps, and a recommendation as REST answers it. */
final class RecoJson {

    private RecoJson() {
    }

    static String facts(Map<String, Object> facts) {
        return object(facts).toJson();
    }

    @SuppressWarnings("unchecked")
    private static JsonObject object(Map<String, ?> map) {
        JsonObject o = Json.createObject();
        map.forEach((k, v) -> {
            if (v == null) {
                o.put(k, Json.createNull());
            } else if (v instanceof Number n) {
                o.put(k, n.doubleValue());
            } else if (v instanceof Map<?, ?> m) {
                o.put(k, object((Map<String, ?>) m));
            } else {
                o.put(k, v.toString());
            }
        });
        return o;
    }

    /** The facts back, in their order: numbers as Double, strings, nested objects as maps. */
    static Map<String, Object> facts(String json) {
        return toMap(Json.parse(json));
    }

    private static Map<String, Object> toMap(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : o.keys()) {
            JsonValue v = o.get(k);
            out.put(k, switch (v.getType()) {
                case NUMBER -> v.asNumber();
                case OBJECT -> toMap((JsonObject) v);
                case NULL -> null;
                default -> v.asString();
            });
        }
        return out;
    }

    static String evidence(Evidence e) {
        JsonObject o = Json.createObject();
        o.put("dimension", e.dimension());
        JsonArray metrics = Json.createArray();
        e.metrics().forEach(m -> metrics.set(metrics.length(), m));
        o.put("metrics", metrics);
        JsonArray rows = Json.createArray();
        for (Evidence.Point p : e.rows()) {
            JsonObject r = Json.createObject();
            r.put("key", p.key());
            r.put("label", p.label());
            JsonObject values = Json.createObject();
            p.values().forEach((k, v) -> values.put(k, v == null ? Json.createNull() : Json.create(v)));
            r.put("values", values);
            rows.set(rows.length(), r);
        }
        o.put("rows", rows);
        return o.toJson();
    }

    static Evidence evidence(String json) {
        JsonObject o = Json.parse(json);
        List<String> metrics = new ArrayList<>();
        JsonArray ms = o.getArray("metrics");
        for (int i = 0; i < ms.length(); i++) {
            metrics.add(ms.getString(i));
        }
        List<Evidence.Point> rows = new ArrayList<>();
        JsonArray rs = o.getArray("rows");
        for (int i = 0; i < rs.length(); i++) {
            JsonObject r = rs.getObject(i);
            Map<String, Double> values = new LinkedHashMap<>();
            JsonObject vs = r.getObject("values");
            for (String k : vs.keys()) {
                values.put(k, vs.get(k).getType() == JsonType.NULL ? null : vs.getNumber(k));
            }
            rows.add(new Evidence.Point(r.getString("key"), r.getString("label"), values));
        }
        return new Evidence(o.getString("dimension"), metrics, rows);
    }

    static JsonObject json(Reco r, LocalDate today) {
        JsonObject o = Json.createObject();
        o.put("id", r.id().toString());
        o.put("kind", r.kind());
        o.put("channel", r.channel());
        o.put("level", r.level());
        o.put("entity", r.entity());
        o.put("entityLabel", r.entityLabel());
        o.put("status", r.shownStatus(today));
        o.put("title", r.title());
        o.put("text", r.body());
        o.put("phrasedBy", r.phrasedBy());
        o.put("facts", Json.parse(r.facts()));
        o.put("evidence", Json.parse(r.evidence()));
        JsonObject impact = Json.createObject();
        impact.put("value", r.impact());
        impact.put("unit", r.impactUnit());
        impact.put("label", r.impactLabel());
        o.put("impact", impact);
        JsonObject confidence = Json.createObject();
        confidence.put("value", r.confidence());
        confidence.put("level", io.catalyst.plugins.recommendations.rules.Stats.level(r.confidence()));
        confidence.put("how", r.confidenceNote());
        o.put("confidence", confidence);
        put(o, "firstSeen", r.firstSeen());
        put(o, "lastSeen", r.lastSeen());
        put(o, "actedAt", r.actedAt());
        put(o, "actedBy", r.actedBy());
        put(o, "dismissReason", r.dismissReason());
        put(o, "dismissNote", r.dismissNote());
        put(o, "snoozedUntil", r.snoozedUntil());
        o.put("taskRequested", r.taskRequested());
        if (r.outcomeMetric() != null) {
            JsonObject out = Json.createObject();
            out.put("metric", r.outcomeMetric());
            put(out, "before", r.outcomeBefore());
            put(out, "after", r.outcomeAfter());
            put(out, "due", r.outcomeDue());
            put(out, "measuredAt", r.outcomeMeasuredAt());
            Boolean improved = Outcomes.improved(r);
            put(out, "improved", improved);
            o.put("outcome", out);
        }
        o.put("link", Recommendations.link(r.id()));
        return o;
    }

    static void put(JsonObject o, String key, Object value) {
        if (value == null) {
            o.put(key, Json.createNull());
        } else if (value instanceof Double d) {
            o.put(key, d);
        } else if (value instanceof Boolean b) {
            o.put(key, b);
        } else if (value instanceof java.time.OffsetDateTime t) {
            o.put(key, t.toInstant().toString());
        } else {
            o.put(key, value.toString());
        }
    }
}

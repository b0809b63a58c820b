package io.catalyst.plugins.alerts;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.MuteWindow;
import io.catalyst.plugins.alerts.engine.Recipients;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rules to and from JSON, the form REST takes and the table stores. Reading refuses anything malformed with a
 * {@link BadRule} that says what to change.
 *
 * <pre>
 * {"name": "CPA above 40", "metric": "cpa", "level": "campaign",
 *  "filters": [{"dimension": "channel", "op": "in", "values": ["meta-ads"]}],
 *  "kind": "threshold", "params": {"threshold": 40, "minSpend": 100, "days": 7}, "direction": "up",
 *  "forMinutes": 0, "recoverMinutes": 0, "severity": "warning",
 *  "notify": {"members": ["&lt;user id&gt;"], "role": "analyst"},
 *  "escalateAfterMinutes": 120, "escalateTo": {"role": "tenant-admin"}, "autoTask": false,
 *  "mutes": [{"days": ["sat", "sun"], "from": "00:00", "to": "00:00"}], "enabled": true}
 * </pre>
 */
final class RuleJson {

    static final int MAX_TEXT = 20_000;
    private static final int MAX_VALUE = 200;
    private static final String NOT_AN_OBJECT = "Send the rule as a JSON object, e.g. {\"name\": \"CPA\", \"kind\":"
            + " \"threshold\", \"metric\": \"cpa\", \"params\": {\"threshold\": 40}}.";

    /** A rule that cannot be read, in words for the caller. */
    static final class BadRule extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRule(String message) {
            super(message);
        }
    }

    private RuleJson() {
    }

    /** Reads a rule; {@code metrics} is the catalogue's names to check the metric against, or null not to. */
    static Rule read(String text, UUID id, Set<String> metrics) {
        if (text == null || text.isBlank()) {
            throw new BadRule("Send the rule as JSON.");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadRule("A rule is at most " + MAX_TEXT + " characters of JSON.");
        }
        JsonObject o;
        try {
            JsonValue v = Json.parse(text);
            if (v.getType() != JsonType.OBJECT) {
                throw new BadRule(NOT_AN_OBJECT);
            }
            o = (JsonObject) v;
        } catch (RuntimeException e) {
            if (e instanceof BadRule bad) {
                throw bad;
            }
            throw new BadRule(NOT_AN_OBJECT);
        }
        try {
            Kind kind = Kind.of(text(o, "kind", "threshold"));
            String metric = kind.readsMetrics() ? text(o, "metric", kind == Kind.TRACKING ? "conversions" : null)
                    : null;
            if (metric != null && metrics != null && !metrics.contains(metric)) {
                throw new BadRule("unknown metric '" + limit(metric) + "'; known: " + String.join(", ", metrics));
            }
            return new Rule(id, text(o, "name", null), metric, Level.of(text(o, "level", "tenant")), filters(o),
                    kind, params(o), Direction.of(text(o, "direction", "up")), minutes(o, "forMinutes"),
                    minutes(o, "recoverMinutes"), Severity.of(text(o, "severity", "warning")),
                    recipients(o, "notify"), o.hasKey("escalateAfterMinutes")
                    && o.get("escalateAfterMinutes").getType() != JsonType.NULL ? minutes(o, "escalateAfterMinutes")
                    : null, recipients(o, "escalateTo"), bool(o, "autoTask", false), mutes(o),
                    bool(o, "enabled", true));
        } catch (IllegalArgumentException | MetricsException | DateTimeParseException e) {
            throw new BadRule(e.getMessage());
        }
    }

    static String write(Rule r) {
        JsonObject o = Json.createObject();
        o.put("name", r.name());
        if (r.metric() != null) {
            o.put("metric", r.metric());
        }
        o.put("level", r.level().id());
        JsonArray filters = Json.createArray();
        for (Filter f : r.filters()) {
            JsonObject fo = Json.createObject();
            fo.put("dimension", f.dimension().id());
            fo.put("op", f.op().name().toLowerCase(Locale.ROOT));
            fo.put("values", strings(f.values()));
            filters.set(filters.length(), fo);
        }
        o.put("filters", filters);
        o.put("kind", r.kind().id());
        JsonObject params = Json.createObject();
        r.params().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> params.put(p.getKey(), p.getValue()));
        o.put("params", params);
        o.put("direction", r.direction().id());
        o.put("forMinutes", r.forDuration().toMinutes());
        o.put("recoverMinutes", r.recoverFor().toMinutes());
        o.put("severity", r.severity().id());
        o.put("notify", recipients(r.recipients()));
        if (r.escalateAfter() != null) {
            o.put("escalateAfterMinutes", r.escalateAfter().toMinutes());
        }
        o.put("escalateTo", recipients(r.escalateTo()));
        o.put("autoTask", r.autoTask());
        JsonArray mutes = Json.createArray();
        for (MuteWindow m : r.mutes()) {
            JsonObject mo = Json.createObject();
            mo.put("days", strings(m.days().stream().sorted()
                    .map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList()));
            mo.put("from", m.from().toString());
            mo.put("to", m.to().toString());
            mutes.set(mutes.length(), mo);
        }
        o.put("mutes", mutes);
        o.put("enabled", r.enabled());
        return o.toJson();
    }

    static JsonArray strings(List<String> values) {
        JsonArray a = Json.createArray();
        values.forEach(v -> a.set(a.length(), v));
        return a;
    }

    private static JsonObject recipients(Recipients r) {
        JsonObject o = Json.createObject();
        o.put("members", strings(r.members().stream().map(UUID::toString).sorted().toList()));
        if (r.role() != null) {
            o.put("role", r.role());
        }
        return o;
    }

    private static String text(JsonObject o, String key, String fallback) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            if (fallback == null) {
                throw new BadRule(key + " is required");
            }
            return fallback;
        }
        if (o.get(key).getType() != JsonType.STRING) {
            throw new BadRule(key + " is text");
        }
        String s = o.getString(key).strip();
        if (s.length() > Rule.MAX_NAME) {
            throw new BadRule(key + " is at most " + Rule.MAX_NAME + " characters");
        }
        return s;
    }

    private static boolean bool(JsonObject o, String key, boolean fallback) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            return fallback;
        }
        if (o.get(key).getType() != JsonType.BOOLEAN) {
            throw new BadRule(key + " is true or false");
        }
        return o.getBoolean(key);
    }

    private static double number(JsonValue v, String what) {
        if (v.getType() != JsonType.NUMBER || !Double.isFinite(v.asNumber())) {
            throw new BadRule(what + " is a number");
        }
        return v.asNumber();
    }

    private static Duration minutes(JsonObject o, String key) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            return Duration.ZERO;
        }
        double m = number(o.get(key), key);
        if (m < 0 || m > 43_200 || m != Math.rint(m)) {
            throw new BadRule(key + " is a whole number of minutes from 0 to 43200 (30 days)");
        }
        return Duration.ofMinutes((long) m);
    }

    private static Map<String, Double> params(JsonObject o) {
        Map<String, Double> params = new LinkedHashMap<>();
        if (!o.hasKey("params") || o.get("params").getType() == JsonType.NULL) {
            return params;
        }
        if (o.get("params").getType() != JsonType.OBJECT) {
            throw new BadRule("params is an object of numbers, e.g. {\"threshold\": 40}");
        }
        JsonObject p = o.getObject("params");
        for (String key : p.keys()) {
            params.put(limit(key), number(p.get(key), "parameter '" + limit(key) + "'"));
        }
        return params;
    }

    private static List<Filter> filters(JsonObject o) {
        List<Filter> filters = new ArrayList<>();
        for (JsonValue v : array(o, "filters")) {
            if (v.getType() != JsonType.OBJECT) {
                throw new BadRule("each filter is an object: {\"dimension\": \"channel\", \"op\": \"in\", \"values\":"
                        + " [\"meta-ads\"]}");
            }
            JsonObject f = (JsonObject) v;
            Dimension dimension = Dimension.of(text(f, "dimension", null));
            String op = text(f, "op", "in").toUpperCase(Locale.ROOT);
            Filter.Op kind;
            try {
                kind = Filter.Op.valueOf(op);
            } catch (IllegalArgumentException e) {
                throw new BadRule("a filter's op is equals, in, not_in or contains");
            }
            List<String> values = new ArrayList<>();
            for (JsonValue value : array(f, "values")) {
                if (value.getType() != JsonType.STRING || value.asString().length() > MAX_VALUE) {
                    throw new BadRule("filter values are texts of at most " + MAX_VALUE + " characters");
                }
                values.add(value.asString());
            }
            if (values.size() > 100) {
                throw new BadRule("a filter holds at most 100 values");
            }
            filters.add(new Filter(dimension, kind, values));
        }
        return filters;
    }

    private static Recipients recipients(JsonObject o, String key) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            return Recipients.NOBODY;
        }
        if (o.get(key).getType() != JsonType.OBJECT) {
            throw new BadRule(key + " is an object: {\"members\": [user ids], \"role\": \"analyst\"}");
        }
        JsonObject r = o.getObject(key);
        Set<UUID> members = new HashSet<>();
        for (JsonValue v : array(r, "members")) {
            try {
                members.add(UUID.fromString(v.getType() == JsonType.STRING ? v.asString() : ""));
            } catch (IllegalArgumentException e) {
                throw new BadRule(key + ".members holds user ids");
            }
        }
        if (members.size() > 100) {
            throw new BadRule(key + " names at most 100 members");
        }
        String role = r.hasKey("role") && r.get("role").getType() != JsonType.NULL ? text(r, "role", null) : null;
        return new Recipients(members, role);
    }

    private static List<MuteWindow> mutes(JsonObject o) {
        List<MuteWindow> mutes = new ArrayList<>();
        for (JsonValue v : array(o, "mutes")) {
            if (v.getType() != JsonType.OBJECT) {
                throw new BadRule("each mute window is {\"days\": [\"sat\", \"sun\"], \"from\": \"00:00\", \"to\":"
                        + " \"00:00\"}");
            }
            JsonObject m = (JsonObject) v;
            Set<DayOfWeek> days = new HashSet<>();
            for (JsonValue d : array(m, "days")) {
                days.add(day(d.getType() == JsonType.STRING ? d.asString() : ""));
            }
            mutes.add(new MuteWindow(days, LocalTime.parse(text(m, "from", "00:00")),
                    LocalTime.parse(text(m, "to", "00:00"))));
        }
        if (mutes.size() > 20) {
            throw new BadRule("at most 20 mute windows");
        }
        return mutes;
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new BadRule("a mute window's days are mon, tue, wed, thu, fri, sat, sun");
    }

    private static List<JsonValue> array(JsonObject o, String key) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            return List.of();
        }
        if (o.get(key).getType() != JsonType.ARRAY) {
            throw new BadRule(key + " is a list");
        }
        JsonArray a = o.getArray(key);
        if (a.length() > 1000) {
            throw new BadRule(key + " is too long");
        }
        List<JsonValue> values = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            values.add(a.get(i));
        }
        return values;
    }

    private static String limit(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

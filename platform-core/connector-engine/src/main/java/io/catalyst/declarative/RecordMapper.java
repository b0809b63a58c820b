package io.catalyst.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.RecordSink;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one provider record into a canonical one as a stream's {@code mapping} says. A value that cannot be read
 * (missing where required, not a number, not a date) is a {@link Unmappable}: the caller quarantines the record.
 */
final class RecordMapper {

    /** The type a target field is converted to. */
    enum Type { TEXT, LONG, DECIMAL, DATE, DATETIME, BOOLEAN }

    /** A record that could not be mapped, with a reason a non-engineer can act on. */
    static final class Unmappable extends Exception {
        Unmappable(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Map<Spec.Kind, Map<String, Type>> TARGETS = Map.of(
            Spec.Kind.INSIGHT, ordered("level", Type.TEXT, "entity_id", Type.TEXT, "account_id", Type.TEXT,
                    "day", Type.DATE, "attribution_window", Type.TEXT, "spend", Type.DECIMAL,
                    "impressions", Type.LONG, "clicks", Type.LONG, "conversions", Type.DECIMAL,
                    "conversion_value", Type.DECIMAL, "leads", Type.LONG, "currency", Type.TEXT),
            Spec.Kind.ENTITY, ordered("level", Type.TEXT, "id", Type.TEXT, "parent_id", Type.TEXT,
                    "name", Type.TEXT, "status", Type.TEXT),
            Spec.Kind.CONTACT, ordered("id", Type.TEXT, "email", Type.TEXT, "name", Type.TEXT, "company", Type.TEXT,
                    "lifecycle_stage", Type.TEXT, "created_at", Type.DATETIME, "updated_at", Type.DATETIME),
            Spec.Kind.DEAL, ordered("id", Type.TEXT, "contact_id", Type.TEXT, "name", Type.TEXT,
                    "stage", Type.TEXT, "amount", Type.DECIMAL, "currency", Type.TEXT, "close_date", Type.DATE,
                    "created_at", Type.DATETIME, "updated_at", Type.DATETIME),
            Spec.Kind.CALL, ordered("id", Type.TEXT, "contact_id", Type.TEXT, "campaign_id", Type.TEXT,
                    "started_at", Type.DATETIME, "duration_s", Type.LONG, "direction", Type.TEXT,
                    "answered", Type.BOOLEAN, "caller", Type.TEXT, "customer_name", Type.TEXT,
                    "customer_email", Type.TEXT, "tracking_number", Type.TEXT, "source_name", Type.TEXT,
                    "agent", Type.TEXT, "outcome", Type.TEXT, "recording_url", Type.TEXT,
                    "transcript", Type.TEXT));

    /** Targets a manifest must map; {@code account_id} of an insight defaults to the account being read. */
    private static final Map<Spec.Kind, Set<String>> REQUIRED = Map.of(
            Spec.Kind.INSIGHT, Set.of("level", "entity_id", "day", "currency"),
            Spec.Kind.ENTITY, Set.of("level", "id"),
            Spec.Kind.CONTACT, Set.of("id"),
            Spec.Kind.DEAL, Set.of("id"),
            Spec.Kind.CALL, Set.of("id"));

    private final Spec.Stream stream;

    RecordMapper(Spec.Stream stream) {
        this.stream = stream;
    }

    /** The target fields of a kind, in order. */
    static Map<String, Type> targets(Spec.Kind kind) {
        return TARGETS.get(kind);
    }

    /** The target fields a mapping of that kind must name. */
    static Set<String> required(Spec.Kind kind) {
        return REQUIRED.get(kind);
    }

    /** Maps {@code record} and hands it to the sink. */
    void map(JsonNode record, Function<String, String> vars, RecordSink sink) throws Unmappable {
        String raw = record.toString();
        switch (stream.kind()) {
            case INSIGHT -> sink.insight(new Insight(text("level", record, vars), text("entity_id", record, vars),
                    accountId(record, vars), (LocalDate) value("day", record, vars),
                    text("attribution_window", record, vars), decimalOrZero("spend", record, vars),
                    longOrZero("impressions", record, vars), longOrZero("clicks", record, vars),
                    decimalOrZero("conversions", record, vars), decimalOrZero("conversion_value", record, vars),
                    longOrZero("leads", record, vars), text("currency", record, vars), raw));
            case ENTITY -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (var e : stream.attributes().entrySet()) {
                    Object v = convert(e.getKey(), e.getValue(), Type.TEXT, record, vars);
                    if (v != null) {
                        attributes.put(e.getKey(), (String) v);
                    }
                }
                sink.entity(new Entity(text("level", record, vars), text("id", record, vars),
                        text("parent_id", record, vars), text("name", record, vars), text("status", record, vars),
                        attributes, raw));
            }
            case CONTACT -> sink.contact(new Contact(text("id", record, vars), text("email", record, vars),
                    text("name", record, vars), text("company", record, vars),
                    text("lifecycle_stage", record, vars), (OffsetDateTime) value("created_at", record, vars),
                    (OffsetDateTime) value("updated_at", record, vars), raw));
            case DEAL -> sink.deal(new Deal(text("id", record, vars), text("contact_id", record, vars),
                    text("name", record, vars), text("stage", record, vars),
                    (BigDecimal) value("amount", record, vars), text("currency", record, vars),
                    (LocalDate) value("close_date", record, vars), (OffsetDateTime) value("created_at", record, vars),
                    (OffsetDateTime) value("updated_at", record, vars), raw));
            case CALL -> sink.call(new Call(text("id", record, vars), text("contact_id", record, vars),
                    text("campaign_id", record, vars), (OffsetDateTime) value("started_at", record, vars),
                    seconds("duration_s", record, vars), text("direction", record, vars),
                    (Boolean) value("answered", record, vars), text("caller", record, vars),
                    text("customer_name", record, vars), text("customer_email", record, vars),
                    text("tracking_number", record, vars), text("source_name", record, vars),
                    text("agent", record, vars), text("outcome", record, vars),
                    text("recording_url", record, vars), text("transcript", record, vars), raw));
            default -> throw new IllegalStateException("unknown kind " + stream.kind());
        }
    }

    private String accountId(JsonNode record, Function<String, String> vars) throws Unmappable {
        String mapped = text("account_id", record, vars);
        String id = mapped != null ? mapped : vars.apply("account");
        if (id == null || id.isEmpty()) {
            throw new Unmappable("account_id is missing");
        }
        return id;
    }

    private String text(String target, JsonNode record, Function<String, String> vars) throws Unmappable {
        return (String) value(target, record, vars);
    }

    /** A whole number of seconds that fits an {@code Integer}, or null when absent. */
    private Integer seconds(String target, JsonNode record, Function<String, String> vars) throws Unmappable {
        Long v = (Long) value(target, record, vars);
        if (v == null) {
            return null;
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new Unmappable(target + " is not a duration in seconds: \"" + v + "\"");
        }
        return v.intValue();
    }

    private BigDecimal decimalOrZero(String target, JsonNode record, Function<String, String> vars)
            throws Unmappable {
        BigDecimal v = (BigDecimal) value(target, record, vars);
        return v == null ? BigDecimal.ZERO : v;
    }

    private long longOrZero(String target, JsonNode record, Function<String, String> vars) throws Unmappable {
        Long v = (Long) value(target, record, vars);
        return v == null ? 0 : v;
    }

    private Object value(String target, JsonNode record, Function<String, String> vars) throws Unmappable {
        Spec.Field field = stream.fields().get(target);
        boolean required = required(stream.kind()).contains(target);
        if (field == null) {
            return null;
        }
        Object v = convert(target, field, targets(stream.kind()).get(target), record, vars);
        if (v == null && (required || field.required())) {
            throw new Unmappable(target + " is missing" + (field.path() == null ? "" : " (" + field.path() + ")"));
        }
        return v;
    }

    /** A field's value converted to {@code type}; null when absent. Also used for account listings. */
    static Object convert(String target, Spec.Field field, Type type, JsonNode record, Function<String, String> vars)
            throws Unmappable {
        String text = raw(field, record, vars);
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean numeric = field.number() || field.divide() != null;
        try {
            switch (type) {
                case LONG:
                    return number(field, text).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
                case DECIMAL:
                    return number(field, text);
                case DATE:
                    return date(field, text);
                case DATETIME:
                    return dateTime(field, text);
                case BOOLEAN:
                    return bool(target, text);
                default:
                    return numeric ? number(field, text).toPlainString() : text;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Unmappable(target + " is not a number: \"" + text + "\"");
        } catch (DateTimeParseException e) {
            throw new Unmappable(target + " is not a date" + (field.datePattern() == null ? ""
                    : " in the form " + field.datePattern()) + ": \"" + text + "\"");
        }
    }

    private static String raw(Spec.Field field, JsonNode record, Function<String, String> vars) {
        String text;
        if (field.constant() != null) {
            text = field.constant();
        } else if (field.template() != null) {
            text = Templates.render(field.template(), vars);
        } else if (field.concat() != null) {
            String a = JsonPaths.text(record, resolve(field.concat().get(0), vars));
            String b = JsonPaths.text(record, resolve(field.concat().get(1), vars));
            text = a == null || b == null ? null : a + field.separator() + b;
        } else if (field.dateParts()) {
            JsonNode parts = JsonPaths.at(record, resolve(field.path(), vars));
            text = parts.isObject() && parts.has("year") && parts.has("month") && parts.has("day")
                    ? String.format("%04d-%02d-%02d", parts.get("year").asInt(), parts.get("month").asInt(),
                    parts.get("day").asInt())
                    : null;
        } else {
            text = JsonPaths.text(record, resolve(field.path(), vars));
        }
        if (text != null && field.afterLast() != null) {
            text = text.substring(text.lastIndexOf(field.afterLast()) + 1);
        }
        return text == null ? field.defaultValue() : text;
    }

    /**
     * A path with its variables filled in: a level's id field ({@code dimensions.{{level.id}}}) or the metric a
     * connection chose ({@code metrics.{{settings.conversions}}}).
     */
    private static String resolve(String path, Function<String, String> vars) {
        return path != null && path.contains("{{") ? Templates.render(path, vars) : path;
    }

    private static BigDecimal number(Spec.Field field, String text) {
        BigDecimal n = new BigDecimal(text.trim());
        if (field.divide() != null) {
            n = n.divide(field.divide(), MathContext.DECIMAL64);
        }
        return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
    }

    /** JSON {@code true}/{@code false}, or the same words as text (any case); anything else is not a boolean. */
    private static Boolean bool(String target, String text) throws Unmappable {
        String word = text.trim();
        if (word.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (word.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new Unmappable(target + " is not true or false: \"" + text + "\"");
    }

    private static LocalDate date(Spec.Field field, String text) {
        if (field.datePattern() == null) {
            return LocalDate.parse(text);
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(field.datePattern());
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            // a pattern with a time of day, e.g. TikTok's "yyyy-MM-dd HH:mm:ss"
            return LocalDateTime.parse(text, format).toLocalDate();
        }
    }

    private static OffsetDateTime dateTime(Spec.Field field, String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return java.time.Instant.ofEpochMilli(Long.parseLong(text)).atOffset(ZoneOffset.UTC);
        }
        if (field.datePattern() != null) {
            return LocalDateTime.parse(text, DateTimeFormatter.ofPattern(field.datePattern())).atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(text);
    }

    private static Map<String, Type> ordered(Object... pairs) {
        Map<String, Type> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Type) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}

package io.catalyst.declarative;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Loads declarative connectors: a YAML manifest (see {@code docs/connectors.md}) becomes a {@link DeclarativeConnector}.
 * Loading checks the YAML (duplicate keys refused), then the JSON Schema {@code connector-manifest.schema.json},
 * then what a schema cannot say (known template variables, mapping targets of each record kind, date patterns), and
 * reports every mistake at once, each prefixed with its path, e.g.
 * {@code streams[0].paginator.type: must be one of cursor, offset, page, none}.
 */
public final class ConnectorManifests {

    /** Larger than any sensible manifest; a bigger one is refused before it is parsed. */
    public static final int MAX_CHARS = 256 * 1024;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final JsonSchema SCHEMA = loadSchema();

    /** A manifest that cannot be loaded, with every problem found. */
    public static final class Invalid extends RuntimeException {

        private final List<String> problems;

        Invalid(List<String> problems) {
            super("The connector manifest is not valid:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        /** Each problem as {@code path: what is wrong}, or a whole-document message (YAML syntax, size). */
        public List<String> problems() {
            return problems;
        }
    }

    private ConnectorManifests() {
    }

    /**
     * The connector a manifest describes.
     *
     * @throws Invalid listing every problem, when the manifest is not valid
     */
    public static DeclarativeConnector load(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new Invalid(List.of("$: the manifest is empty"));
        }
        if (yaml.length() > MAX_CHARS) {
            throw new Invalid(List.of("$: the manifest is larger than " + MAX_CHARS / 1024 + " KiB"));
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new Invalid(List.of("$: not valid YAML" + where + ": " + e.getOriginalMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new Invalid(List.of("$: a connector manifest is a YAML mapping with id, name, base_url, auth and "
                    + "streams"));
        }
        List<String> problems = new ArrayList<>();
        SCHEMA.validate(tree).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .map(m -> field(m) + ": " + reason(m))
                .distinct()
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        Spec.Manifest manifest = new Builder(problems).manifest(tree);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new DeclarativeConnector(manifest);
    }

    /** Turns a schema-valid tree into a {@link Spec.Manifest}, noting what the schema cannot check. */
    private static final class Builder {

        private final List<String> problems;
        private boolean hasAccounts;
        /** The parameters every level of the stream being built gives; null outside a stream with levels. */
        private Set<String> levelParams;

        Builder(List<String> problems) {
            this.problems = problems;
        }

        Spec.Manifest manifest(JsonNode tree) {
            hasAccounts = tree.has("accounts");
            URI baseUrl = URI.create(trimSlash(tree.get("base_url").asText()));
            Spec.Accounts accounts = hasAccounts ? accounts(tree.get("accounts"), "accounts") : null;
            List<Spec.Stream> streams = new ArrayList<>();
            Set<String> names = new HashSet<>();
            JsonNode list = tree.get("streams");
            for (int i = 0; i < list.size(); i++) {
                Spec.Stream stream = stream(list.get(i), "streams[" + i + "]");
                if (!names.add(stream.name())) {
                    problems.add("streams[" + i + "].name: another stream has the name " + stream.name());
                }
                streams.add(stream);
            }
            return new Spec.Manifest(tree.get("id").asText(), tree.get("name").asText(),
                    text(tree, "category", "ads"), baseUrl, tree.path("mapping_version").asInt(1),
                    auth(tree.get("auth")), platformSettings(tree.path("platform_settings")),
                    settings(tree.path("settings")), accounts, errors(tree.path("errors"), "errors"),
                    List.copyOf(streams));
        }

        /** The settings a connection chooses: a choice when {@code choices} are given, else text. */
        private List<SettingField> settings(JsonNode list) {
            List<SettingField> fields = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                String at = "settings[" + i + "]";
                List<String> choices = new ArrayList<>();
                node.path("choices").forEach(c -> choices.add(c.asText()));
                String key = node.get("key").asText();
                String fallback = text(node, "default", null);
                if (!keys.add(key)) {
                    problems.add(at + ".key: another setting has the key " + key);
                }
                if (fallback != null && !choices.isEmpty() && !choices.contains(fallback)) {
                    problems.add(at + ".default: not one of the choices " + choices);
                }
                try {
                    fields.add(new SettingField(key, node.get("label").asText(),
                            choices.isEmpty() ? SettingType.STRING : SettingType.CHOICE,
                            node.path("required").asBoolean(false), fallback, choices, text(node, "help", null)));
                } catch (IllegalArgumentException e) {
                    problems.add(at + ": " + e.getMessage());
                }
            }
            return List.copyOf(fields);
        }

        private static List<String> platformSettings(JsonNode names) {
            List<String> found = new ArrayList<>();
            names.forEach(name -> found.add(name.asText()));
            return List.copyOf(found);
        }

        private AuthSpec auth(JsonNode auth) {
            switch (auth.get("type").asText()) {
                case "oauth2":
                    List<String> scopes = new ArrayList<>();
                    auth.path("scopes").forEach(s -> scopes.add(s.asText()));
                    return new AuthSpec(AuthKind.OAUTH2, URI.create(auth.get("authorize_url").asText()),
                            URI.create(auth.get("token_url").asText()), scopes, AuthSpec.Placement.HEADER,
                            text(auth, "header", "Authorization"), text(auth, "prefix", "Bearer "));
                case "api_key":
                    return auth.has("header")
                            ? AuthSpec.apiKeyHeader(auth.get("header").asText(), text(auth, "prefix", ""))
                            : new AuthSpec(AuthKind.API_KEY, null, null, List.of(), AuthSpec.Placement.QUERY,
                            auth.get("query_param").asText(), "");
                default:
                    return new AuthSpec(AuthKind.NONE, null, null, List.of(), AuthSpec.Placement.HEADER, "", "");
            }
        }

        private Spec.Accounts accounts(JsonNode node, String at) {
            Spec.Request request = request(node.get("request"), at + ".request");
            return new Spec.Accounts(request, text(node, "record_selector", null),
                    paginator(node.path("paginator")), errors(node.path("errors"), at + ".errors"),
                    field(node.get("id"), at + ".id"), optionalField(node, "name", at),
                    optionalField(node, "currency", at), optionalField(node, "timezone", at));
        }

        private Spec.Field optionalField(JsonNode parent, String name, String at) {
            return parent.has(name) ? field(parent.get(name), at + "." + name) : null;
        }

        private Spec.Stream stream(JsonNode node, String at) {
            StreamSpec.Sync sync = StreamSpec.Sync.valueOf(node.get("sync").asText().toUpperCase(Locale.ROOT));
            List<Map<String, String>> levels = levels(node.path("levels"), at + ".levels");
            if (!levels.isEmpty() && sync != StreamSpec.Sync.DAILY) {
                problems.add(at + ".levels: only a daily stream is read at several levels");
            }
            levelParams = null;
            for (Map<String, String> level : levels) {
                if (levelParams == null) {
                    levelParams = new HashSet<>(level.keySet());
                } else {
                    levelParams.retainAll(level.keySet());
                }
            }
            JsonNode incremental = node.path("incremental");
            String dateFormat = text(incremental, "date_format", "yyyy-MM-dd");
            checkPattern(dateFormat, at + ".incremental.date_format");
            Spec.Kind kind = Spec.Kind.valueOf(node.at("/mapping/kind").asText().toUpperCase(Locale.ROOT));
            Map<String, Spec.Field> fields = new LinkedHashMap<>();
            Map<String, RecordMapper.Type> targets = RecordMapper.targets(kind);
            forEachField(node.at("/mapping/fields"), (name, value) -> {
                String where = at + ".mapping.fields." + name;
                if (!targets.containsKey(name)) {
                    problems.add(where + ": not a field of " + kind.name().toLowerCase(Locale.ROOT) + "; known: "
                            + String.join(", ", targets.keySet()));
                }
                fields.put(name, field(value, where));
            });
            for (String required : new TreeSet<>(RecordMapper.required(kind))) {
                if (!fields.containsKey(required)) {
                    problems.add(at + ".mapping.fields." + required + ": required for "
                            + kind.name().toLowerCase(Locale.ROOT));
                }
            }
            Map<String, Spec.Field> attributes = new LinkedHashMap<>();
            JsonNode attributeNode = node.at("/mapping/attributes");
            if (!attributeNode.isMissingNode() && kind != Spec.Kind.ENTITY) {
                problems.add(at + ".mapping.attributes: only an entity has attributes");
            }
            forEachField(attributeNode, (name, value) ->
                    attributes.put(name, field(value, at + ".mapping.attributes." + name)));
            Spec.Stream stream = new Spec.Stream(node.get("name").asText(), sync,
                    request(node.get("request"), at + ".request"), text(node, "record_selector", null),
                    paginator(node.path("paginator")), dateFormat, incremental.path("chunk_days").asInt(1),
                    text(incremental, "cursor_field", null), text(incremental, "start", null),
                    errors(node.path("errors"), at + ".errors"), kind, fields, attributes, levels);
            levelParams = null;
            return stream;
        }

        /** Each level's name and parameters, as text; level names unique within the stream. */
        private List<Map<String, String>> levels(JsonNode list, String at) {
            List<Map<String, String>> levels = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Map<String, String> level = new LinkedHashMap<>();
                list.get(i).fields().forEachRemaining(e -> level.put(e.getKey(), e.getValue().asText()));
                if (!names.add(level.get("level"))) {
                    problems.add(at + "[" + i + "].level: another level of the stream is " + level.get("level"));
                }
                levels.add(Map.copyOf(level));
            }
            return List.copyOf(levels);
        }

        private Spec.Request request(JsonNode node, String at) {
            checkTemplate(node.get("path").asText(), at + ".path");
            Map<String, String> query = params(node.path("query"), at + ".query");
            Map<String, String> raw = params(node.path("query_raw"), at + ".query_raw");
            Map<String, String> headers = params(node.path("headers"), at + ".headers");
            JsonNode body = node.get("body");
            if (body != null) {
                checkBody(body, at + ".body");
            }
            return new Spec.Request(text(node, "method", "GET"), node.get("path").asText(), query, raw, headers,
                    body);
        }

        private Map<String, String> params(JsonNode node, String at) {
            Map<String, String> params = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                checkTemplate(e.getValue().asText(), at + "." + e.getKey());
                params.put(e.getKey(), e.getValue().asText());
            });
            return params;
        }

        private void checkBody(JsonNode node, String at) {
            if (node.isTextual()) {
                checkTemplate(node.asText(), at);
            } else if (node.isObject()) {
                node.fields().forEachRemaining(e -> checkBody(e.getValue(), at + "." + e.getKey()));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    checkBody(node.get(i), at + "[" + i + "]");
                }
            }
        }

        private void checkTemplate(String text, String at) {
            for (String name : Templates.names(text)) {
                if (!Templates.isKnown(name)) {
                    problems.add(at + ": unknown variable {{" + name + "}}; known: account, from, to, cursor, "
                            + "from.year|month|day, to.year|month|day, account.currency, account.timezone, "
                            + "settings.<name>, level, level.<param>");
                } else if (Templates.isLevel(name) && levelParams == null) {
                    problems.add(at + ": {{" + name + "}} needs a levels list in the stream");
                } else if (Templates.isLevel(name) && !name.equals("level")
                        && !levelParams.contains(name.substring("level.".length()))) {
                    problems.add(at + ": {{" + name + "}} is not given by every level of the stream");
                } else if (name.startsWith("account.") && !hasAccounts) {
                    problems.add(at + ": {{" + name + "}} needs an accounts section to look the account up");
                }
            }
        }

        private Spec.Paginator paginator(JsonNode node) {
            if (node.isMissingNode()) {
                return Spec.Paginator.NONE;
            }
            Spec.PageType type = Spec.PageType.valueOf(node.get("type").asText().toUpperCase(Locale.ROOT));
            return new Spec.Paginator(type, text(node, "param", null), text(node, "token_path", null),
                    text(node, "size_param", null), node.path("size").asInt(0),
                    node.path("start").asInt(type == Spec.PageType.PAGE ? 1 : 0), text(node, "total_path", null),
                    text(node, "total_pages_path", null));
        }

        private List<Spec.ErrorRule> errors(JsonNode node, String at) {
            List<Spec.ErrorRule> rules = new ArrayList<>();
            for (JsonNode rule : node) {
                Set<Integer> statuses = new LinkedHashSet<>();
                values(rule.path("status")).forEach(s -> statuses.add(Integer.parseInt(s)));
                rules.add(new Spec.ErrorRule(statuses, text(rule, "field", null), values(rule.path("equals")),
                        values(rule.path("not_equals")),
                        Spec.Action.valueOf(rule.get("action").asText().toUpperCase(Locale.ROOT)),
                        text(rule, "retry_after_path", null), text(rule, "message_path", null)));
            }
            return List.copyOf(rules);
        }

        private Spec.Field field(JsonNode node, String at) {
            if (node.isTextual()) {
                checkTemplate(node.asText(), at);
                return Spec.Field.path(node.asText());
            }
            int sources = 0;
            for (String source : List.of("path", "constant", "template", "concat")) {
                sources += node.has(source) ? 1 : 0;
            }
            if (sources != 1) {
                problems.add(at + ": give exactly one of path, constant, template, concat");
            }
            if (node.path("date_parts").asBoolean() && !node.has("path")) {
                problems.add(at + ".date_parts: needs a path to an object with year, month and day");
            }
            String template = text(node, "template", null);
            if (template != null) {
                checkTemplate(template, at + ".template");
            }
            if (node.has("path")) {
                checkTemplate(node.get("path").asText(), at + ".path");
            }
            node.path("concat").forEach(part -> checkTemplate(part.asText(), at + ".concat"));
            String date = text(node, "date", null);
            if (date != null) {
                checkPattern(date, at + ".date");
            }
            List<String> concat = null;
            if (node.has("concat")) {
                concat = List.of(node.get("concat").get(0).asText(), node.get("concat").get(1).asText());
            }
            return new Spec.Field(text(node, "path", null), text(node, "constant", null), template, concat,
                    text(node, "separator", ""), node.path("number").asBoolean(),
                    node.has("divide") ? new BigDecimal(node.get("divide").asText()) : null, date,
                    node.path("date_parts").asBoolean(), text(node, "after_last", null),
                    text(node, "default", null), node.path("required").asBoolean());
        }

        private void checkPattern(String pattern, String at) {
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                problems.add(at + ": not a date pattern such as yyyy-MM-dd (" + e.getMessage() + ")");
            }
        }

        private static void forEachField(JsonNode node, BiConsumer<String, JsonNode> action) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                action.accept(e.getKey(), e.getValue());
            }
        }

        private static Set<String> values(JsonNode node) {
            Set<String> values = new LinkedHashSet<>();
            if (node.isArray()) {
                node.forEach(v -> values.add(v.asText()));
            } else if (!node.isMissingNode() && !node.isNull()) {
                values.add(node.asText());
            }
            return values;
        }

        private static String text(JsonNode node, String name, String fallback) {
            JsonNode value = node.path(name);
            return value.isMissingNode() || value.isNull() ? fallback : value.asText();
        }

        private static String trimSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    private static String field(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        if (("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))
                && message.getProperty() != null) {
            location = location + "." + message.getProperty();
        }
        String field = location.startsWith("$.") ? location.substring(2) : location;
        return field.isEmpty() ? "$" : field;
    }

    private static String reason(ValidationMessage message) {
        switch (message.getType()) {
            case "required":
                return "required";
            case "additionalProperties":
                return "not a known field; see docs/connectors.md";
            case "const":
                return "must be " + message.getArguments()[0];
            case "enum":
                return "must be one of " + enumValues(message);
            case "oneOf":
                return "give exactly one of the alternatives (e.g. header or query_param)";
            default:
                // the library prefixes its text with the location, which the field already names
                String text = message.getMessage();
                String prefix = message.getInstanceLocation() + ": ";
                return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        }
    }

    private static String enumValues(ValidationMessage message) {
        JsonNode values = message.getSchemaNode();
        if (values != null && values.isArray()) {
            List<String> names = new ArrayList<>();
            values.forEach(v -> names.add(v.asText()));
            return String.join(", ", names);
        }
        String text = String.valueOf(message.getArguments()[0]);
        return text.replaceAll("^\\[|]$", "");
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ConnectorManifests.class.getResourceAsStream("connector-manifest.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

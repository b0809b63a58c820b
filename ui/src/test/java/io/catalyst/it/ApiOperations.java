package io.catalyst.it;

import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every operation the server publishes in {@code /openapi}, read the way a client generator would: method, path,
 * whether it takes a token, its parameters and the fields of its JSON body. The fuzz and privilege tests walk this,
 * so an operation added later is covered without anyone writing a test for it.
 */
final class ApiOperations {

    /** A parameter: where it goes (path or query), its name and its schema's type and format. */
    record Parameter(String in, String name, String type, String format) {
    }

    /** A field of a JSON body: its name and schema type ("string", "integer", "boolean", "array", "object"). */
    record Field(String name, String type) {
    }

    /** One operation. {@code bodyTypes} lists the media types its body may have; empty for none. */
    record Operation(String method, String path, boolean secured, List<Parameter> parameters,
                     List<String> bodyTypes, List<Field> fields) {

        boolean platform() {
            return path.startsWith("/api/platform/");
        }

        boolean json() {
            return bodyTypes.stream().anyMatch(t -> t.contains("json"));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ApiOperations() {
    }

    static List<Operation> all() {
        JsonObject document = Server.json(Server.get("/openapi", "Accept", "application/json"));
        JsonObject schemas = document.hasKey("components") && document.getObject("components").hasKey("schemas")
                ? document.getObject("components").getObject("schemas") : null;
        JsonObject paths = document.getObject("paths");
        List<Operation> operations = new ArrayList<>();
        for (String path : paths.keys()) {
            JsonObject item = paths.getObject(path);
            for (String method : item.keys()) {
                if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    continue;
                }
                JsonObject operation = item.getObject(method);
                List<Parameter> parameters = new ArrayList<>();
                if (operation.hasKey("parameters")) {
                    for (int i = 0; i < operation.getArray("parameters").length(); i++) {
                        JsonObject p = operation.getArray("parameters").getObject(i);
                        JsonObject schema = p.hasKey("schema") ? resolve(p.getObject("schema"), schemas) : null;
                        parameters.add(new Parameter(p.getString("in"), p.getString("name"),
                                text(schema, "type"), text(schema, "format")));
                    }
                }
                List<String> bodyTypes = new ArrayList<>();
                List<Field> fields = new ArrayList<>();
                if (operation.hasKey("requestBody") && operation.getObject("requestBody").hasKey("content")) {
                    JsonObject content = operation.getObject("requestBody").getObject("content");
                    for (String type : content.keys()) {
                        bodyTypes.add(type);
                        JsonObject media = content.getObject(type);
                        JsonObject schema = media.hasKey("schema") ? resolve(media.getObject("schema"), schemas)
                                : null;
                        if (type.contains("json") && schema != null && schema.hasKey("properties")) {
                            JsonObject properties = schema.getObject("properties");
                            for (String name : properties.keys()) {
                                JsonObject property = resolve(properties.getObject(name), schemas);
                                fields.add(new Field(name, property.hasKey("type") ? text(property, "type")
                                        : "object"));
                            }
                        }
                    }
                }
                operations.add(new Operation(method.toUpperCase(), path, operation.hasKey("security"),
                        parameters, bodyTypes, fields));
            }
        }
        return operations;
    }

    private static JsonObject resolve(JsonObject schema, JsonObject schemas) {
        if (schema.hasKey("$ref") && schemas != null) {
            String ref = schema.getString("$ref");
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return schemas.hasKey(name) ? schemas.getObject(name) : schema;
        }
        return schema;
    }

    private static String text(JsonObject object, String key) {
        if (object == null || !object.hasKey(key)) {
            return null;
        }
        JsonValue value = object.get(key);
        if (value.getType() == JsonType.STRING) {
            return value.asString();
        }
        if (value.getType() == JsonType.ARRAY && ((elemental.json.JsonArray) value).length() > 0) {
            return ((elemental.json.JsonArray) value).getString(0); // OpenAPI 3.1: type: [string, "null"]
        }
        return null;
    }

    static Map<String, Long> countByKind(List<Operation> operations) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("operations", (long) operations.size());
        counts.put("secured", operations.stream().filter(Operation::secured).count());
        counts.put("platform", operations.stream().filter(Operation::platform).count());
        return counts;
    }
}

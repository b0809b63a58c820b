package io.catalyst.core.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.core.web.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * Reads and writes tenant manifests. Reading checks the YAML, then the JSON Schema, then what a schema cannot say
 * (a real timezone and currency), and answers every mistake at once, each with the path it is at.
 */
public final class Manifests {

    /** Large enough for any real company; a bigger body is refused before it is parsed. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final JsonSchema SCHEMA = loadSchema();

    private Manifests() {
    }

    /** The manifest in {@code text}, or a problem listing everything wrong with it. */
    public static TenantManifest read(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("The manifest is empty.", List.of());
        }
        if (text.length() > MAX_BYTES) {
            throw invalid("The manifest is larger than " + MAX_BYTES / 1024 + " KiB.", List.of());
        }
        JsonNode tree;
        try (JsonParser documents = YAML.getFactory().createParser(text)) {
            tree = YAML.readTree(documents);
            if (documents.nextToken() != null) { // applying only the first would silently drop the rest
                throw invalid("The body holds more than one YAML document (separated by ---): send one manifest"
                        + " per request.", List.of());
            }
        } catch (IOException e) {
            if (!(e instanceof JsonProcessingException)) {
                throw new UncheckedIOException(e);
            }
            e = (JsonProcessingException) e;
            JsonProcessingException malformed = (JsonProcessingException) e;
            var at = malformed.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The manifest is not valid YAML" + where
                    + ": " + malformed.getOriginalMessage(), List.of(), null);
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("A manifest is a YAML mapping with apiVersion, kind, slug and profile.", List.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        texts(tree, "", errors);
        SCHEMA.validate(tree).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .forEach(m -> errors.add(new Problem.FieldError(field(m), reason(m))));
        TenantManifest manifest = null;
        if (errors.isEmpty()) {
            try {
                manifest = YAML.treeToValue(tree, TenantManifest.class);
            } catch (JsonProcessingException e) {
                errors.add(new Problem.FieldError("$", e.getOriginalMessage()));
            }
        }
        if (manifest != null && manifest.locale() != null) {
            try {
                ZoneId.of(manifest.locale().timezone());
            } catch (DateTimeException e) {
                errors.add(new Problem.FieldError("locale.timezone", "not an IANA timezone such as Europe/Berlin"));
            }
            try {
                Currency.getInstance(manifest.locale().currency());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("locale.currency", "not an ISO 4217 currency such as EUR"));
            }
        }
        if (manifest != null) {
            List<String> emails = manifest.users().stream().map(u -> u.email().toLowerCase()).toList();
            for (int i = 0; i < emails.size(); i++) {
                if (emails.get(i).length() > Texts.EMAIL || emails.get(i).indexOf('@') > 64) {
                    errors.add(new Problem.FieldError("users[" + i + "].email", "at most 64 characters before the @"
                            + " and " + Texts.EMAIL + " in all"));
                }
                if (emails.indexOf(emails.get(i)) != i) {
                    errors.add(new Problem.FieldError("users[" + i + "].email", "listed twice"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw invalid("The manifest is not valid; nothing was changed.", errors);
        }
        return manifest;
    }

    /** The manifest as YAML, in the order {@code docs/tenants.md} shows. */
    public static String write(TenantManifest manifest) {
        try {
            return YAML.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a manifest", e);
        }
    }

    private static String field(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            location = location + "." + message.getProperty();
        } else if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            location = location + "." + message.getProperty();
        }
        String field = location.startsWith("$.") ? location.substring(2) : location;
        return field.isEmpty() ? "$" : field;
    }

    private static String reason(ValidationMessage message) {
        return switch (message.getType()) {
            case "required" -> "required";
            case "additionalProperties" -> "not a known field; see docs/tenants.md";
            case "const" -> "must be " + message.getArguments()[0];
            default -> {
                // the library prefixes its text with the location, which the field already names
                String text = message.getMessage();
                String prefix = message.getInstanceLocation() + ": ";
                yield text.startsWith(prefix) ? text.substring(prefix.length()) : text;
            }
        };
    }

    /** Every text in the manifest: no control characters (YAML can write NUL as "\0"), none over a field's size. */
    private static void texts(JsonNode node, String path, List<Problem.FieldError> errors) {
        if (node.isTextual()) {
            String why = Texts.problem(node.textValue(), Texts.DESCRIPTION, path.endsWith("description"));
            if (why != null) {
                errors.add(new Problem.FieldError(path.isEmpty() ? "$" : path, why));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                String at = Texts.problem(key, Texts.KEY, false) == null ? key : "(a key)";
                texts(field.getValue(), path.isEmpty() ? at : path + "." + at, errors);
            });
        }
    }

    private static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, detail, errors, null);
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = Manifests.class.getResourceAsStream("tenant-manifest.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

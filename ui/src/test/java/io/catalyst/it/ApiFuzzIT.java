package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.it.ApiOperations.Field;
import io.catalyst.it.ApiOperations.Operation;
import io.catalyst.it.ApiOperations.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Attacks every operation of {@code /openapi} (plugin endpoints through the plugin route, with the notes plugin
 * enabled) with hostile input: NUL, over-long, odd unicode, SQL and path metacharacters, wrong types, missing and
 * extra fields, malformed JSON, wrong content types, huge bodies, invalid ids, raw {@code %00}/{@code %2f} in the
 * path, forged tokens. The rule: never a 5xx, and every refusal under {@code /api} is {@code application/problem+json}
 * with the security headers. First a sweep of every operation with every kind of attack, then random combinations
 * with a fixed seed ({@code -Djqwik.tries.default=5000} runs longer; drop the seed for new ground).
 */
class ApiFuzzIT {

    /** Requests come from their own loopback address, so the sign-in throttle they trip hits no other test. */
    private static final String SOURCE = "127.0.0.66";

    private static final List<String> HOSTILE = List.of(
            "\u0000", "a\u0000b", "x".repeat(100_000), "Ω≈ç√∫˜µ≤≥÷", "🚀👩‍👩‍👧‍👦", "\u202Eevil\u202C",
            "e\u0301\u0301\u0301", "\uFEFF", "' OR '1'='1", "'; drop table tenant; --", "\\", "\"", "${jndi:ldap://x}",
            "{{7*7}}", "<script>alert(1)</script>", "../../../../etc/passwd", "..%2f..%2f", "%00", "%2e%2e%2f",
            "-1", "0", "99999999999999999999", "1e309", "NaN", "null", "true", "[]", "{}", "", " ",
            "\r\nX-Injected: yes", "a".repeat(300) + "@example.org");

    enum Attack {
        HOSTILE_FIELDS, WRONG_TYPES, EMPTY_OBJECT, NULL_BODY, EXTRA_FIELDS, MALFORMED_JSON, ARRAY_BODY,
        HOSTILE_QUERY, HOSTILE_PATH, RAW_PATH, WRONG_CONTENT_TYPE, HUGE_BODY, NO_BODY, BAD_TOKEN
    }

    private static final List<String> RAW_SUFFIXES = List.of("%00", "/%2f..", "/%C0%AE%C0%AE/", "/%", "/%ZZ",
            "/..;/..;/", "/%2e%2e/%2e%2e/etc/passwd", "/" + "a".repeat(5000));

    private static List<Operation> operations;
    private static String tenantToken;
    private static String platformToken;
    private static final AtomicInteger requests = new AtomicInteger();
    private static final Set<String> covered = ConcurrentHashMap.newKeySet();
    private static final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

    @BeforeContainer
    static void aTenantWithTheNotesPlugin() throws Exception {
        operations = ApiOperations.all();
        Fixture.Tenant tenant = Fixture.tenant("tenant-admin");
        tenantToken = Fixture.token(tenant, List.of("*")).bearer();
        platformToken = Files.readString(Path.of(Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
        byte[] notes = Files.readAllBytes(Path.of(System.getProperty("catalyst.notes.plugin",
                "../plugins/features/notes/target/notes-plugin.jar")));
        assertThat(Fixture.installPlugin(notes).statusCode()).isEqualTo(200);
        assertThat(Fixture.call("PUT", "/api/tenant/plugins/notes/enablement", tenantToken, "{\"enabled\":true}")
                .statusCode()).isEqualTo(200);
    }

    @AfterContainer
    static void report() {
        System.out.println("ApiFuzzIT: " + requests.get() + " requests over " + covered.size() + " of "
                + operations.size() + " operations; statuses " + new TreeMap<>(statuses));
    }

    @Example
    void everyOperationWithEveryKindOfAttack() {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Operation operation : operations) {
            for (Attack attack : Attack.values()) {
                String hostile = HOSTILE.get(n++ % HOSTILE.size());
                String failure = attack(operation, attack, hostile, n);
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        assertThat(covered).as("every operation was tried").hasSize(operations.size());
        assertThat(failures).isEmpty();
    }

    @Property(seed = "20261207", shrinking = ShrinkingMode.OFF)
    void randomAttacksNeverGetA5xxAndAlwaysAProblem(@ForAll("attacks") Object[] attack) {
        String failure = attack((Operation) attack[0], (Attack) attack[1], (String) attack[2], (Integer) attack[3]);
        assertThat(failure).isNull();
    }

    @Provide
    Arbitrary<Object[]> attacks() {
        Arbitrary<String> hostile = Arbitraries.oneOf(Arbitraries.of(HOSTILE),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5));
        return Combinators.combine(Arbitraries.of(operations), Arbitraries.of(Attack.class), hostile,
                Arbitraries.integers().between(0, 1000)).as((o, a, h, i) -> new Object[] {o, a, h, i});
    }

    /** Sends one attack; answers what was wrong with the answer, or null. */
    private static String attack(Operation operation, Attack attack, String hostile, int variant) {
        String path = fill(operation, attack == Attack.HOSTILE_PATH ? hostile : null);
        if (attack == Attack.RAW_PATH) {
            path = path + RAW_SUFFIXES.get(variant % RAW_SUFFIXES.size());
        }
        String query = query(operation, attack == Attack.HOSTILE_QUERY ? hostile : null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        String token = operation.platform() ? platformToken : operation.secured() ? tenantToken : null;
        if (attack == Attack.BAD_TOKEN) {
            token = variant % 2 == 0 ? "not.a.token" : tenantToken.substring(0, tenantToken.length() - 4) + "AAAA";
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        byte[] body = null;
        if (!operation.bodyTypes().isEmpty() && attack != Attack.NO_BODY) {
            String type = operation.json() ? "application/json" : operation.bodyTypes().get(0);
            String text = body(operation, attack, hostile, variant);
            if (attack == Attack.WRONG_CONTENT_TYPE) {
                type = variant % 2 == 0 ? "text/plain" : "application/xml";
            }
            headers.put("Content-Type", type);
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        FromSource.Answer answer;
        try {
            answer = FromSource.send(SOURCE, operation.method(), path + query, headers, body);
        } catch (java.io.UncheckedIOException closed) {
            // a request line past the HTTP channel's limit is dropped before any code of ours runs: no answer at
            // all, which is no 5xx and no leak; anything else that closes the connection is a failure
            if ((path + query).length() > 8_000) {
                requests.incrementAndGet();
                covered.add(operation.toString());
                return null;
            }
            return operation + " (" + attack + ") closed the connection: " + closed.getMessage();
        }
        requests.incrementAndGet();
        covered.add(operation.toString());
        statuses.merge(answer.status(), 1, Integer::sum);
        String what = operation + " (" + attack + ", " + printable(hostile) + ") as " + operation.method() + " "
                + printable(path + query);
        if (answer.status() >= 500) {
            return what + " answered " + answer.status() + ": " + printable(answer.body())
                    + (answer.body().contains("out of service") ? "; " + Fixture.pluginStates() : "");
        }
        if (answer.status() == 400 && containerRefusal(path + query)) {
            // the web container refuses an undecodable URI before it picks an application (SecurityDefectsIT 9)
            return "nosniff".equals(answer.header("x-content-type-options")) ? null
                    : what + " answered the container's 400 without the security headers";
        }
        if (answer.status() >= 400 && !answer.isProblem()) {
            return what + " answered " + answer.status() + " as " + answer.header("content-type") + ", not a problem: "
                    + printable(answer.body());
        }
        if (!"nosniff".equals(answer.header("x-content-type-options"))) {
            return what + " answered without the security headers";
        }
        return null;
    }

    /**
     * A request the server refuses below the application (docs/api.md, "Limits"): a path the web container cannot
     * decode (an encoded control character, a bare or malformed percent escape, a dot segment with a path
     * parameter, encoded ../ that climb above the root) or a request line past the HTTP channel's limit.
     */
    static boolean containerRefusal(String rawPathAndQuery) {
        String path = rawPathAndQuery.split("\\?", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return rawPathAndQuery.length() > 8_000 || path.matches(".*%[01][0-9a-f].*") || path.contains("%7f")
                || path.matches(".*%([^0-9a-f].?|[0-9a-f][^0-9a-f]|[0-9a-f]?$).*")
                || path.matches(".*/\\.\\.?;.*") // a dot segment with a path parameter, such as ..;/
                || climbsAboveRoot(path.replace("%2f", "/").replace("%2e", "."));
    }

    // ../ segments (encoded or not) that would leave the server's root once decoded
    private static boolean climbsAboveRoot(String path) {
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                return true;
            }
        }
        return false;
    }

    static String fill(Operation operation, String hostile) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("path")) {
                continue;
            }
            String value = hostile != null ? hostile : sensible(operation, parameter);
            String encoded = parameter.name().equals("path") && hostile == null ? value : segment(value);
            path = path.replace("{" + parameter.name() + "}", encoded);
        }
        return path;
    }

    // What a well-meaning client would send: ids that match nothing, and the notes plugin for the plugin routes.
    private static String sensible(Operation operation, Parameter parameter) {
        if ("uuid".equals(parameter.format())) {
            return UUID.randomUUID().toString();
        }
        return switch (parameter.name()) {
            case "pluginId" -> operation.platform() ? "no-such-plugin" : "notes";
            case "path" -> "notes";
            case "slug" -> "no-such-tenant";
            case "version" -> "9.9.9";
            default -> "x";
        };
    }

    private static String query(Operation operation, String hostile) {
        List<String> parts = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && hostile != null) {
                parts.add(parameter.name() + "=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            }
        }
        if (hostile != null) {
            parts.add("limit=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8)); // the notes plugin reads it
            parts.add("unexpected=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String body(Operation operation, Attack attack, String hostile, int variant) {
        if (!operation.json()) { // YAML manifests and jars: hostile text of the declared type
            return switch (attack) {
                case HUGE_BODY -> "a: " + "x".repeat(2 * 1024 * 1024);
                case MALFORMED_JSON -> "a: [b\n  - : c";
                default -> "apiVersion: catalyst/v1\nkind: Tenant\nslug: " + json(hostile) + "\n";
            };
        }
        List<Field> fields = operation.fields().isEmpty() ? List.of(new Field("text", "string"))
                : operation.fields();
        return switch (attack) {
            case EMPTY_OBJECT -> "{}";
            case NULL_BODY -> "null";
            case MALFORMED_JSON -> variant % 2 == 0 ? "{\"" + fields.get(0).name() + "\": " : "{'a': 1,}";
            case ARRAY_BODY -> "[" + json(hostile) + "]";
            case HUGE_BODY -> "{\"" + fields.get(0).name() + "\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
            case WRONG_TYPES -> fields.stream().map(f -> json(f.name()) + ":" + wrongType(f.type(), variant))
                    .collect(Collectors.joining(",", "{", "}"));
            case EXTRA_FIELDS -> fields.stream().map(f -> json(f.name()) + ":" + valueFor(f.type(), hostile))
                    .collect(Collectors.joining(",", "{", ",\"unexpected\":" + json(hostile) + "}"));
            default -> fields.stream().map(f -> json(f.name()) + ":" + valueFor(f.type(), hostile))
                    .collect(Collectors.joining(",", "{", "}"));
        };
    }

    private static String valueFor(String type, String hostile) {
        return switch (type == null ? "string" : type) {
            case "integer", "number" -> "7";
            case "boolean" -> "true";
            case "array" -> "[" + json(hostile) + "]";
            case "object" -> "{" + json(hostile) + ":" + json(hostile) + "}";
            default -> json(hostile);
        };
    }

    private static String wrongType(String type, int variant) {
        List<String> wrong = switch (type == null ? "string" : type) {
            case "integer", "number" -> List.of("\"seven\"", "1e309", "[1]", "99999999999999999999999", "-1");
            case "boolean" -> List.of("\"yes\"", "1", "null", "{}");
            case "array" -> List.of("\"a\"", "{}", "7", "[[[]]]");
            case "object" -> List.of("\"a\"", "[]", "7");
            default -> List.of("7", "true", "{}", "[\"a\"]", "null");
        };
        return wrong.get(variant % wrong.size());
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String printable(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + " chars)" : text;
        return shown.chars().mapToObj(c -> c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    static Set<String> names(List<Operation> operations) {
        return operations.stream().map(Operation::toString).collect(Collectors.toCollection(TreeSet::new));
    }
}

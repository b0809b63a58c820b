package io.catalyst.core.web;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The first check on everything that enters the REST API, before any resource (or plugin) sees it. Refused with a
 * problem answer: NUL characters anywhere (path, query, body, including the JSON escape {@code \u0000}), which
 * PostgreSQL cannot store; bodies over {@link #MAX_BODY} ({@link #MAX_UPLOAD} for plugin jars); query strings over
 * {@link #MAX_QUERY}; and any JSON string over {@link #MAX_TEXT} characters. Fields with tighter limits check them
 * where they are used (see docs/api.md, "Limits").
 */
@Provider
@PreMatching
public class InputGuard implements ContainerRequestFilter {

    /** The largest request body, except plugin jars. */
    public static final int MAX_BODY = 1024 * 1024;
    /** The largest plugin jar. */
    public static final int MAX_UPLOAD = 64 * 1024 * 1024;
    /** The longest query string. */
    public static final int MAX_QUERY = 8 * 1024;
    /** The longest text of any one JSON value; most fields allow far less. */
    public static final int MAX_TEXT = 10_000;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        String rawPath = context.getUriInfo().getRequestUri().getRawPath();
        String rawQuery = Optional.ofNullable(context.getUriInfo().getRequestUri().getRawQuery()).orElse("");
        if (hasNul(rawPath) || hasNul(rawQuery) || context.getUriInfo().getPath().indexOf('\0') >= 0
                || context.getUriInfo().getQueryParameters().entrySet().stream().anyMatch(InputGuard::hasNul)) {
            refuse(context, ProblemType.MALFORMED_REQUEST, "Text may not contain NUL characters (%00).");
            return;
        }
        if (rawQuery.length() > MAX_QUERY) {
            refuse(context, ProblemType.MALFORMED_REQUEST, "The query string is longer than " + MAX_QUERY
                    + " characters.");
            return;
        }
        if (!context.hasEntity()) {
            return;
        }
        boolean upload = rawPath.startsWith("/api/platform/plugins");
        int limit = upload ? MAX_UPLOAD : MAX_BODY;
        byte[] body = read(context.getEntityStream(), limit);
        if (body == null) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than "
                    + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MiB." : limit / 1024 + " KiB."));
            return;
        }
        MediaType type = context.getMediaType();
        if (textual(type)) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.indexOf('\0') >= 0 || escapedNul(text)) {
                Optional<String> field = nulString(text);
                refuse(context, ProblemType.VALIDATION_FAILED, "Text may not contain NUL characters"
                        + field.map(f -> " (" + f + ")").orElse("") + ".", field.map(f -> List.of(
                        new Problem.FieldError(f, "no NUL characters"))).orElse(List.of()));
                return;
            }
            if (type != null && type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json")) {
                Optional<String> tooLong = longString(text);
                if (tooLong.isPresent()) {
                    refuse(context, ProblemType.VALIDATION_FAILED, "A value is longer than " + MAX_TEXT
                            + " characters.", List.of(new Problem.FieldError(tooLong.get(), "at most " + MAX_TEXT
                            + " characters")));
                    return;
                }
            }
        }
        context.setEntityStream(new ByteArrayInputStream(body));
    }

    // Binary uploads (jars, logos) may hold any byte; everything else is text.
    private static boolean textual(MediaType type) {
        return type == null || !(type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                || type.getSubtype().toLowerCase(Locale.ROOT).contains("java-archive")
                || type.getType().equalsIgnoreCase("multipart") || type.getType().equalsIgnoreCase("image"));
    }

    private static boolean hasNul(Map.Entry<String, List<String>> parameter) {
        return parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0);
    }

    private static boolean hasNul(String raw) {
        return raw != null && raw.toLowerCase(Locale.ROOT).contains("%00");
    }

    /** A JSON {@code \u0000} escape: a backslash-u-0000 preceded by an even number of other backslashes. */
    static boolean escapedNul(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf("\\u0000"); at >= 0; at = lower.indexOf("\\u0000", at + 1)) {
            int backslashes = 0;
            for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                return true;
            }
        }
        return false;
    }

    /** The path of the first JSON string (value or key) over {@link #MAX_TEXT}; nothing for malformed JSON. */
    static Optional<String> longString(String json) {
        return firstString(json, text -> text.length() > MAX_TEXT);
    }

    /** The path of the first JSON string (value or key) that holds a NUL; nothing for malformed JSON. */
    static Optional<String> nulString(String json) {
        return firstString(json, text -> text.indexOf('\0') >= 0);
    }

    private static Optional<String> firstString(String json, java.util.function.Predicate<String> wrong) {
        Deque<String> path = new ArrayDeque<>();
        String key = null;
        try (JsonParser parser = Json.createParser(new java.io.StringReader(json))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        key = parser.getString();
                        if (wrong.test(key)) {
                            return Optional.of(join(path, "(a key)"));
                        }
                    }
                    case VALUE_STRING -> {
                        if (wrong.test(parser.getString())) {
                            return Optional.of(join(path, key));
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        path.addLast(key == null ? "" : key);
                        key = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pollLast();
                        key = null;
                    }
                    default -> {
                    }
                }
            }
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException malformed) {
            return Optional.empty(); // the resource answers malformed JSON itself
        }
        return Optional.empty();
    }

    private static String join(Deque<String> path, String key) {
        List<String> parts = new java.util.ArrayList<>(path.stream().filter(p -> !p.isEmpty()).toList());
        if (key != null) {
            parts.add(key);
        }
        return String.join(".", parts);
    }

    // The body, or null when it is larger than the limit.
    private static byte[] read(InputStream in, int limit) {
        try (in) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refuse(ContainerRequestContext context, ProblemType type, String detail) {
        refuse(context, type, detail, List.of());
    }

    private void refuse(ContainerRequestContext context, ProblemType type, String detail,
                        List<Problem.FieldError> errors) {
        Object id = request == null ? null : request.getAttribute(RequestIds.ATTRIBUTE);
        Problem problem = new Problem(type.type(), type.title(), type.status(), detail,
                context.getUriInfo().getRequestUri().getRawPath(), id == null ? null : id.toString(),
                errors.isEmpty() ? null : errors);
        context.abortWith(Response.status(type.status()).type(ProblemMapper.PROBLEM_JSON).entity(problem).build());
    }
}

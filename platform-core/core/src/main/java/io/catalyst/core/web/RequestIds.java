package io.catalyst.core.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: taken from a caller's {@code X-Request-Id} when it is safe to log, otherwise newly made. */
public final class RequestIds {

    /** The header that carries the id, in both directions. */
    public static final String HEADER = "X-Request-Id";

    /** The servlet request attribute that holds the id for the rest of the request. */
    public static final String ATTRIBUTE = RequestIds.class.getName();

    // Ids end up in log lines: allow nothing that could forge or split one.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    /** The caller's id when it is well-formed, so a request can be traced across a proxy; a new one otherwise. */
    public static String accept(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}

package io.catalyst.core.web;

import java.net.URI;

/**
 * The stable catalogue of error types that the REST API answers with. A type's URI never changes once published;
 * clients may rely on it. Documented in docs/api-errors.md.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    VALIDATION_FAILED("validation-failed", 400, "Validation failed"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    NOT_CONFIGURED("not-configured", 409, "Not configured"),
    GONE("gone", 410, "No longer available"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    PLUGIN_REFUSED("plugin-refused", 422, "Plugin refused"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    HTTP_ERROR("http-error", 400, "Request failed"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    PLUGIN_FAILED("plugin-failed", 502, "Plugin failed"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable");

    private static final String URN_PREFIX = "urn:catalyst:problem:";

    private final URI type;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.type = URI.create(URN_PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type that best names an HTTP status raised by the JAX-RS runtime itself (unknown path, wrong method…). */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status == status && candidate != HTTP_ERROR && candidate != VALIDATION_FAILED) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : HTTP_ERROR;
    }
}

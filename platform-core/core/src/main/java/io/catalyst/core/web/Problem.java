package io.catalyst.core.web;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, with two extension members: the request id and, for validation failures, the
 * fields at fault. Null members are left out of the JSON.
 *
 * @param type      stable URI naming the kind of error (see {@link ProblemType})
 * @param title     short summary of the type; the same for every occurrence
 * @param status    the HTTP status code
 * @param detail    what went wrong this time, for a person; never a stack trace or an internal message
 * @param instance  the request path that failed
 * @param requestId the id of the request, also in the X-Request-Id header and the server's logs
 * @param errors    the fields at fault, for validation failures
 */
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** One invalid input: where it is, and why it was refused. */
    public record FieldError(String field, String message) {
    }
}

package io.catalyst.core.web;

import io.catalyst.runtime.HostBusy;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns any failure into the problem a client sees. Pure, so every rule is unit-tested; the details a client reads
 * are written here and never copied from an exception's own message, which may name internals.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * @param failure       what was thrown while handling the request
     * @param runtimeStatus the status the JAX-RS runtime chose (unknown path, wrong method…), or 0 when none
     * @param path          the request path
     * @param requestId     the request's id
     */
    public static Problem of(Throwable failure, int runtimeStatus, String path, String requestId) {
        if (failure instanceof ProblemException problem) {
            return build(problem.type(), problem.getMessage(), path, requestId, problem.errors());
        }
        if (failure instanceof ConstraintViolationException invalid) {
            return build(ProblemType.VALIDATION_FAILED, "Some input is not valid; see errors.", path, requestId,
                    fieldErrors(invalid));
        }
        if (causedBy(failure, JsonParsingException.class) || causedBy(failure, JsonbException.class)) {
            return build(ProblemType.MALFORMED_REQUEST,
                    "The request body could not be read as JSON of the expected shape.", path, requestId, List.of());
        }
        String refused = refusedData(failure);
        if (refused != null) { // a last line: input checks should have caught it, but it is never the server's fault
            return build(refused.startsWith("23505") ? ProblemType.CONFLICT : ProblemType.VALIDATION_FAILED,
                    refused.startsWith("23505") ? "Something with the same name or key exists."
                            : "A value is not valid: too long, malformed or out of range.", path, requestId, List.of());
        }
        if (failure instanceof HostBusy) {
            return build(ProblemType.SERVICE_UNAVAILABLE, "The server is too busy to answer now. Try again shortly.",
                    path, requestId, List.of());
        }
        if (failure instanceof io.catalyst.api.ai.CreditsExhausted credits) {
            return build(ProblemType.TOO_MANY_REQUESTS, credits.getMessage(), path, requestId, List.of());
        }
        if (failure instanceof io.catalyst.api.ai.ModelUnavailable model) {
            return build(ProblemType.SERVICE_UNAVAILABLE, model.getMessage(), path, requestId, List.of());
        }
        if (isConnectionFailure(failure)) {
            return build(ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable. Try again shortly.", path,
                    requestId, List.of());
        }
        if (runtimeStatus >= 400 && runtimeStatus < 500) {
            ProblemType type = ProblemType.forStatus(runtimeStatus);
            return new Problem(type.type(), type.title(), runtimeStatus, detailFor(runtimeStatus), path, requestId,
                    null);
        }
        return build(ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred. Quote the request id when you report it.", path, requestId, List.of());
    }

    /**
     * The SQL state when the database refused the data itself (class 22, data exception: NUL bytes, too long, bad
     * number; 23502/23505/23514: a missing value, a duplicate, a check); null otherwise.
     */
    static String refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || state.equals("23502") || state.equals("23505")
                        || state.equals("23514")) {
                    return state;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** True when the failure, or anything that caused it, says the database could not be reached. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Problem build(ProblemType type, String detail, String path, String requestId,
                                 List<Problem.FieldError> errors) {
        return new Problem(type.type(), type.title(), type.status(), detail, path, requestId, errors);
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 401 -> "Sign in, or send a valid bearer token.";
            case 403 -> "You do not have the permission this needs.";
            case 404 -> "Nothing exists at this path.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource cannot answer in the media type that was asked for.";
            case 415 -> "This resource does not accept the media type that was sent; the API reference (/openapi)"
                    + " names the media types each operation takes.";
            default -> "The request could not be handled.";
        };
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static List<Problem.FieldError> fieldErrors(ConstraintViolationException invalid) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    // "create.arg0.email" means nothing to a client: keep the bean property path, or the parameter name alone.
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : path.toString();
    }
}

package io.catalyst.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A manifest's {@code errors} rules: which provider answers are errors, and which {@link ProviderException.Kind} each
 * is. A rule matches a status, a body field's value, or both, so an error code inside an HTTP 200 counts too.
 *
 * <p>The rules of the request itself (a stream's or the accounts request's) are tried first, then the manifest's;
 * the first that matches decides. An answer no rule matches is an error when its status is not 2xx or its body is
 * not JSON.
 */
final class ErrorRules {

    private final String connectorId;
    private final List<Spec.ErrorRule> manifestRules;
    private final boolean needsBody;

    ErrorRules(String connectorId, List<Spec.ErrorRule> manifestRules) {
        this.connectorId = connectorId;
        this.manifestRules = manifestRules;
        this.needsBody = manifestRules.stream().anyMatch(r -> r.field() != null || r.messagePath() != null
                || r.retryAfterPath() != null);
    }

    /**
     * What an answer means.
     *
     * @param body       the answer's body as JSON, {@link com.fasterxml.jackson.databind.node.MissingNode} when it is
     *                   empty or not JSON
     * @param ownRules   the rules of the request that was sent, tried before the manifest's
     * @return {@link Spec.Action#IGNORE} when a rule says the answer holds nothing to read, null when it is to be read
     * @throws ProviderException when the answer is an error
     */
    Spec.Action classify(HttpResult result, JsonNode body, List<Spec.ErrorRule> ownRules) {
        List<Spec.ErrorRule> rules = new ArrayList<>(ownRules);
        rules.addAll(manifestRules);
        for (Spec.ErrorRule rule : rules) {
            if (!matches(rule, result, body)) {
                continue;
            }
            if (rule.action() == Spec.Action.IGNORE) {
                return Spec.Action.IGNORE;
            }
            throw failure(rule, result, body);
        }
        if (!result.isSuccess()) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED, message(null, result, body), null);
        }
        if (body.isMissingNode() && result.body() != null && !result.body().isBlank()) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED,
                    connectorId + " answered HTTP " + result.status() + " with a body that is not JSON", null);
        }
        return null;
    }

    /**
     * What the manifest's own rules (not a request's) say about an answer, for the host to act on before the
     * connector reads it ({@link io.catalyst.api.connect.Connector#classify}): a rate limit is waited out or
     * rescheduled, expired authorisation refreshed, a failure retried. Empty when no rule matches or one says ignore.
     */
    Optional<ProviderException> verdict(HttpResult result) {
        if (manifestRules.isEmpty()) {
            return Optional.empty();
        }
        JsonNode body = needsBody ? DeclarativeConnector.parseBody(result) : MissingNode.getInstance();
        for (Spec.ErrorRule rule : manifestRules) {
            if (matches(rule, result, body)) {
                return rule.action() == Spec.Action.IGNORE ? Optional.empty()
                        : Optional.of(failure(rule, result, body));
            }
        }
        return Optional.empty();
    }

    private ProviderException failure(Spec.ErrorRule rule, HttpResult result, JsonNode body) {
        String detail = message(rule, result, body);
        switch (rule.action()) {
            case AUTH_EXPIRED:
                return new ProviderException(ProviderException.Kind.AUTH_EXPIRED, detail, null);
            case RATE_LIMITED:
                return new ProviderException(ProviderException.Kind.RATE_LIMITED, detail,
                        retryAfter(rule, result, body));
            case RETRY:
                return new ProviderException(ProviderException.Kind.PROVIDER_FAILED, detail, null);
            default:
                return new ProviderException(ProviderException.Kind.REFUSED, detail, null);
        }
    }

    private static boolean matches(Spec.ErrorRule rule, HttpResult result, JsonNode body) {
        if (!rule.statuses().isEmpty() && !rule.statuses().contains(result.status())) {
            return false;
        }
        if (rule.field() == null) {
            return true;
        }
        String value = JsonPaths.text(body, rule.field());
        if (value == null) {
            return false;
        }
        if (!rule.equals().isEmpty() && !containsValue(rule.equals(), value)) {
            return false;
        }
        return rule.notEquals().isEmpty() || !containsValue(rule.notEquals(), value);
    }

    /** Compares numbers as numbers, so {@code 0} in YAML matches {@code 0.0} or {@code "0"} in a body. */
    private static boolean containsValue(Set<String> values, String value) {
        for (String candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
            try {
                if (new BigDecimal(candidate).compareTo(new BigDecimal(value)) == 0) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // not both numbers
            }
        }
        return false;
    }

    private String message(Spec.ErrorRule rule, HttpResult result, JsonNode body) {
        StringBuilder text = new StringBuilder(connectorId).append(" answered HTTP ").append(result.status());
        if (rule != null && rule.field() != null) {
            text.append(" with ").append(rule.field()).append('=').append(JsonPaths.text(body, rule.field()));
        }
        String detail = rule == null || rule.messagePath() == null ? null : JsonPaths.text(body, rule.messagePath());
        if (detail != null) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }

    private static Duration retryAfter(Spec.ErrorRule rule, HttpResult result, JsonNode body) {
        String seconds = rule.retryAfterPath() == null ? null : JsonPaths.text(body, rule.retryAfterPath());
        if (seconds == null) {
            seconds = result.headers().getOrDefault("retry-after", List.of()).stream().findFirst().orElse(null);
        }
        try {
            return seconds == null ? null : Duration.ofSeconds(new BigDecimal(seconds.trim()).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

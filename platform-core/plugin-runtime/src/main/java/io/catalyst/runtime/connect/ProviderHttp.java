package io.catalyst.runtime.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The HTTP client connectors call providers with, shared by the host and the plugin testkit. It reaches only the
 * connector's declared hosts; it asks the connector what each answer means ({@link Classifier}) and falls back on the
 * HTTP status; it waits out a short rate limit and sends again, backs off on 5xx, reads the providers' usage headers
 * (Meta's {@code X-App-Usage}, {@code X-Ad-Account-Usage}, {@code X-Business-Use-Case-Usage}) and pauses a rate-limit
 * key before the provider blocks it; and it never writes a credential to the log. A wait longer than the policy
 * allows is not slept but thrown as {@link RateLimited} at once, without another request, so the sync engine can
 * reschedule the job instead of holding a thread.
 */
public final class ProviderHttp {

    private static final Logger LOG = Logger.getLogger(ProviderHttp.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)((?:access_token|refresh_token|secret|api_key|apikey|key|token|password)=)[^&\\s]+");
    /** Past this share of a provider's quota, a key is paused rather than run into the limit. */
    static final int PAUSE_AT_PERCENT = 90;
    /** How much of a provider's own error message is kept in what people read. */
    private static final int MAX_REASON = 400;

    /**
     * @param hosts       the hosts the connector declared; nothing else is reached
     * @param maxAttempts attempts per request for rate limits, 5xx and network errors
     * @param maxWait     the longest wait slept in place; longer ones are thrown as {@link RateLimited}
     * @param firstBackoff the first retry's wait, doubled each time
     */
    public record Policy(Set<String> hosts, int maxAttempts, Duration maxWait, Duration firstBackoff) {
        public Policy {
            hosts = Set.copyOf(hosts);
        }
    }

    /** Sleeping, replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What an answer means in the provider's terms (the connector's {@code classify}); empty for HTTP's own. */
    @FunctionalInterface
    public interface Classifier {
        Classifier HTTP_ONLY = answer -> Optional.empty();

        Optional<ProviderException> classify(HttpResult answer);
    }

    /** The provider wants more time than this client may wait: reschedule after {@code retryAfter}. */
    public static final class RateLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        RateLimited(Duration retryAfter, String reason) {
            super(reason);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The provider refused the credentials (401, or the connector says so): the connection needs a new one. */
    public static final class AuthExpired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AuthExpired(String reason) {
            super(reason);
        }
    }

    /** The provider kept failing (5xx or the network) through every attempt. */
    public static final class ProviderFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProviderFailed(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private record Pause(Instant until, String reason) {
    }

    private final HttpClient client;
    private final Policy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Map<String, Pause> pausedUntil = new ConcurrentHashMap<>();

    public ProviderHttp(HttpClient client, Policy policy, Sleeper sleeper, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Why a host could not be reached, in words: the JDK's exceptions often carry no message (a refused connection's
     * is null), which a person must never read as "null".
     */
    public static String unreachable(String host, IOException e) {
        String where = host == null ? "the provider" : host;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return where + " did not accept the connection in time";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return where + " did not answer in time";
            }
            if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "no server named " + where + " was found";
            }
            if (t instanceof java.net.ConnectException) {
                return where + " refused the connection";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "the secure connection to " + where + " failed" + (t.getMessage() == null ? ""
                        : " (" + t.getMessage() + ")");
            }
            if (t instanceof java.net.SocketException || t instanceof java.io.EOFException) {
                return "the connection to " + where + " was cut off";
            }
        }
        String said = e.getMessage();
        return "the connection to " + where + " failed" + (said == null || said.isBlank() || said.equals("null")
                ? "" : " (" + said + ")");
    }

    /** {@link #send(HttpRequest, String, Classifier)} by HTTP status alone. */
    public HttpResult send(HttpRequest request, String limitKey) throws InterruptedException {
        return send(request, limitKey, Classifier.HTTP_ONLY);
    }

    /**
     * Sends a request for one rate-limit key (such as the provider app, or an ad account), retrying what may be
     * retried. Other answers, 4xx included, are returned for the connector to read.
     *
     * @param classifier what the answer means in the provider's terms; its kind wins over the HTTP status
     * @throws RateLimited    when the wait asked for is longer than the policy's, or attempts ran out
     * @throws AuthExpired    when the credential was refused
     * @throws ProviderFailed when the provider kept failing
     */
    public HttpResult send(HttpRequest request, String limitKey, Classifier classifier) throws InterruptedException {
        String key = limitKey == null ? "" : limitKey;
        String host = request.uri().getHost();
        if (host == null || !policy.hosts().contains(host.toLowerCase(Locale.ROOT))) {
            throw new SecurityException("The connector may not reach " + host + ": not among its declared hosts");
        }
        for (int attempt = 1; ; attempt++) {
            waitFor(key);
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw new ProviderFailed("The provider could not be reached: " + unreachable(host, e) + ".", e);
                }
                backoff(attempt, describe(request) + " failed: " + unreachable(host, e));
                continue;
            }
            HttpResult answer = result(response);
            pauseOnUsage(key, answer);
            int status = answer.status();
            ProviderException verdict = classifier.classify(answer).orElse(null);
            ProviderException.Kind kind = verdict != null ? verdict.kind() : null;
            if (kind == ProviderException.Kind.RATE_LIMITED || (verdict == null && status == 429)) {
                Duration asked = verdict != null && verdict.retryAfter() != null ? verdict.retryAfter()
                        : retryAfter(answer).orElse(null);
                Duration wait = asked != null ? asked : backoffOf(attempt);
                String reason = verdict != null ? verdict.getMessage() : reason(request, answer);
                if (wait.compareTo(policy.maxWait()) > 0 || attempt >= policy.maxAttempts()) {
                    // nothing more is sent for this key until then: not by this run, not by another on this node
                    pausedUntil.put(key, new Pause(clock.instant().plus(wait), reason));
                    throw new RateLimited(wait, reason);
                }
                LOG.fine(() -> describe(request) + " was rate limited; waiting " + wait);
                sleeper.sleep(wait);
                continue;
            }
            if (kind == ProviderException.Kind.AUTH_EXPIRED || (verdict == null && status == 401)) {
                throw new AuthExpired(verdict != null ? verdict.getMessage() : reason(request, answer));
            }
            if (status >= 500 && (verdict == null || kind == ProviderException.Kind.PROVIDER_FAILED)) {
                if (attempt >= policy.maxAttempts()) {
                    throw new ProviderFailed((verdict != null ? verdict.getMessage() : reason(request, answer))
                            + " (" + attempt + " attempts)", null);
                }
                Duration wait = retryAfter(answer).orElse(backoffOf(attempt));
                LOG.fine(() -> describe(request) + " answered " + status + "; retrying in " + wait);
                sleeper.sleep(wait);
                continue;
            }
            return answer;
        }
    }

    /** A request as it may be logged: method, host and path, with credentials in the query masked. */
    public static String describe(HttpRequest request) {
        return request.method() + " " + redact(request.uri().toString());
    }

    /** Masks credential values in a URL or text (access_token=…, key=…). */
    public static String redact(String text) {
        return SECRETS.matcher(text).replaceAll("$1***");
    }

    /**
     * An answer in words when no connector said more: the request, the status and the provider's own message from
     * the usual JSON error shapes ({@code error.message}, {@code message}, {@code error_description}).
     */
    static String reason(HttpRequest request, HttpResult answer) {
        String said = providerMessage(answer.body());
        return describe(request) + " answered " + answer.status() + (said == null ? "" : ": " + said);
    }

    static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(body);
            for (JsonNode candidate : new JsonNode[] {json.path("error").path("message"), json.path("message"),
                    json.path("error_description"), json.path("error")}) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) {
                    String text = candidate.asText().trim();
                    return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
                }
            }
        } catch (IOException notJson) {
            // an HTML error page says nothing people can act on
        }
        return null;
    }

    private static HttpResult result(HttpResponse<String> response) {
        Map<String, List<String>> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return new HttpResult(response.statusCode(), headers, response.body());
    }

    private void waitFor(String key) throws InterruptedException {
        Pause pause = pausedUntil.get(key);
        if (pause == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), pause.until());
        if (wait.isNegative() || wait.isZero()) {
            pausedUntil.remove(key, pause);
        } else if (wait.compareTo(policy.maxWait()) > 0) {
            throw new RateLimited(wait, pause.reason());
        } else {
            sleeper.sleep(wait);
        }
    }

    private void backoff(int attempt, String why) throws InterruptedException {
        Duration wait = backoffOf(attempt);
        LOG.fine(() -> redact(why) + "; retrying in " + wait);
        sleeper.sleep(wait);
    }

    private Duration backoffOf(int attempt) {
        return policy.firstBackoff().multipliedBy(1L << Math.min(10, attempt - 1));
    }

    // Meta documents these headers as JSON with percentages of the quota used, and minutes until access returns
    private void pauseOnUsage(String key, HttpResult answer) {
        int percent = 0;
        long regainMinutes = 0;
        for (String header : new String[] {"x-app-usage", "x-ad-account-usage", "x-business-use-case-usage"}) {
            List<String> values = answer.headers().get(header);
            if (values == null || values.isEmpty()) {
                continue;
            }
            try {
                for (JsonNode usage : usages(JSON.readTree(values.get(0)))) {
                    for (String field : new String[] {"call_count", "total_cputime", "total_time", "acc_id_util_pct"}) {
                        percent = Math.max(percent, usage.path(field).asInt(0));
                    }
                    regainMinutes = Math.max(regainMinutes, usage.path("estimated_time_to_regain_access").asLong(0));
                }
            } catch (IOException e) {
                LOG.fine(() -> "An unreadable " + header + " header was ignored");
            }
        }
        if (percent >= PAUSE_AT_PERCENT) {
            Duration pause = regainMinutes > 0 ? Duration.ofMinutes(regainMinutes) : Duration.ofMinutes(1);
            int used = percent;
            pausedUntil.put(key, new Pause(clock.instant().plus(pause), used + "% of the quota of " + key
                    + " is used; it recovers in " + pause.toMinutes() + " min"));
            LOG.info(() -> "Pausing " + key + " for " + pause + ": " + used + "% of its quota is used");
        }
    }

    // a usage header is one object, or (business use case) objects in arrays under each business id
    private static Iterable<JsonNode> usages(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if (node.isObject() && (node.has("call_count") || node.has("acc_id_util_pct"))) {
            found.add(node);
        } else {
            node.elements().forEachRemaining(child -> child.elements().forEachRemaining(found::add));
        }
        return found;
    }

    private Optional<Duration> retryAfter(HttpResult answer) {
        List<String> header = answer.headers().get("retry-after");
        if (header == null || header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get(0).trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}

package io.catalyst.core.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The HTTP client connectors call providers with. It reaches only the connector's declared hosts; it backs off on
 * 429 and 5xx, honouring {@code Retry-After}; it reads the providers' usage headers (Meta's {@code X-App-Usage},
 * {@code X-Ad-Account-Usage}, {@code X-Business-Use-Case-Usage}) and pauses a rate-limit key before the provider
 * blocks it; and it never writes a credential to the log. A wait longer than the policy allows is not slept but
 * thrown as {@link RateLimited}, so the sync engine can reschedule the job instead of holding a thread.
 */
public final class ProviderHttp {

    private static final Logger LOG = Logger.getLogger(ProviderHttp.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)((?:access_token|refresh_token|secret|api_key|apikey|key|token|password)=)[^&\\s]+");
    /** Past this share of a provider's quota, a key is paused rather than run into the limit. */
    static final int PAUSE_AT_PERCENT = 90;

    /**
     * @param hosts       the hosts the connector declared; nothing else is reached
     * @param maxAttempts attempts per request for 5xx and network errors
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

    /** The provider wants more time than this client may wait: reschedule after {@code retryAfter}. */
    public static final class RateLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        RateLimited(Duration retryAfter, String detail) {
            super(detail);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The provider refused the credentials (401): the connection needs a new authorisation. */
    public static final class AuthExpired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AuthExpired(String detail) {
            super(detail);
        }
    }

    /** The provider kept failing (5xx or the network) through every attempt. */
    public static final class ProviderFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProviderFailed(String detail, Throwable cause) {
            super(detail, cause);
        }
    }

    private final HttpClient client;
    private final Policy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    public ProviderHttp(HttpClient client, Policy policy, Sleeper sleeper, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Sends a request for one rate-limit key (such as the provider app, or an ad account), retrying what may be
     * retried. Other 4xx answers are returned for the connector to read.
     */
    public HttpResponse<String> send(HttpRequest request, String limitKey) throws InterruptedException {
        String host = request.uri().getHost();
        if (host == null || !policy.hosts().contains(host.toLowerCase(java.util.Locale.ROOT))) {
            throw new SecurityException("The connector may not reach " + host + ": not among its declared hosts");
        }
        for (int attempt = 1; ; attempt++) {
            waitFor(limitKey);
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw new ProviderFailed("The provider could not be reached: " + e.getMessage(), e);
                }
                backoff(attempt, describe(request) + " failed: " + e.getMessage());
                continue;
            }
            pauseOnUsage(limitKey, response);
            int status = response.statusCode();
            if (status == 401) {
                throw new AuthExpired(describe(request) + " answered 401");
            }
            if (status == 429) {
                Duration wait = retryAfter(response).orElse(backoffOf(attempt));
                if (wait.compareTo(policy.maxWait()) > 0 || attempt >= policy.maxAttempts()) {
                    throw new RateLimited(wait, describe(request) + " answered 429");
                }
                LOG.fine(() -> describe(request) + " answered 429; waiting " + wait);
                sleeper.sleep(wait);
                continue;
            }
            if (status >= 500) {
                if (attempt >= policy.maxAttempts()) {
                    throw new ProviderFailed(describe(request) + " answered " + status + " " + attempt + " times", null);
                }
                Duration wait = retryAfter(response).orElse(backoffOf(attempt));
                LOG.fine(() -> describe(request) + " answered " + status + "; retrying in " + wait);
                sleeper.sleep(wait);
                continue;
            }
            return response;
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

    private void waitFor(String key) throws InterruptedException {
        Instant until = pausedUntil.get(key);
        if (until == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), until);
        if (wait.isNegative() || wait.isZero()) {
            pausedUntil.remove(key, until);
        } else if (wait.compareTo(policy.maxWait()) > 0) {
            throw new RateLimited(wait, "the quota of " + key + " is nearly used up");
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
    private void pauseOnUsage(String key, HttpResponse<String> response) {
        int percent = 0;
        long regainMinutes = 0;
        for (String header : new String[] {"x-app-usage", "x-ad-account-usage", "x-business-use-case-usage"}) {
            Optional<String> value = response.headers().firstValue(header);
            if (value.isEmpty()) {
                continue;
            }
            try {
                for (JsonNode usage : usages(JSON.readTree(value.get()))) {
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
            pausedUntil.put(key, clock.instant().plus(pause));
            int used = percent;
            LOG.info(() -> "Pausing " + key + " for " + pause + ": " + used + "% of its quota is used");
        }
    }

    // a usage header is one object, or (business use case) objects in arrays under each business id
    private static Iterable<JsonNode> usages(JsonNode node) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        if (node.isObject() && (node.has("call_count") || node.has("acc_id_util_pct"))) {
            found.add(node);
        } else {
            node.elements().forEachRemaining(child -> child.elements().forEachRemaining(found::add));
        }
        return found;
    }

    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("retry-after");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
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

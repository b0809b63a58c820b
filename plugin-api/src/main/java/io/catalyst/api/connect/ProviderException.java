package io.catalyst.api.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider error the host must classify. Throw it when a provider signals, in its own way, what HTTP status alone
 * does not tell: Meta, for one, answers an expired token with 400 and error code 190.
 */
public class ProviderException extends RuntimeException {

    /** What happened. */
    public enum Kind {
        /** The credential is no longer accepted: the tenant must authorise again. */
        AUTH_EXPIRED,
        /** The provider asks to wait: the run is rescheduled after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The provider failed or could not be reached: retried later with backoff. */
        PROVIDER_FAILED,
        /**
         * The provider refused the request for good (a missing permission, an account it does not know): the run
         * stops and is not retried until someone changes the connection.
         */
        REFUSED
    }

    private final Kind kind;
    private final Duration retryAfter;

    /**
     * @param message    what a tenant admin should read; no credential in it
     * @param retryAfter for {@link Kind#RATE_LIMITED}, how long to wait; may be null
     */
    public ProviderException(Kind kind, String message, Duration retryAfter) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider asked to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

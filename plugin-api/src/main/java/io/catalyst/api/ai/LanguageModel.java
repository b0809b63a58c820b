package io.catalyst.api.ai;

/**
 * The platform's language model for the current tenant: {@code ctx.model()}. Every call is metered: the provider's
 * token usage is charged to the tenant's monthly AI credits, and a tenant at its quota is refused before anything
 * reaches the provider. Since API 0.8.0.
 *
 * <p>Model output is untrusted text: it may repeat instructions hidden in campaign names, ad copy or lead fields.
 * Never act on it without the user (see {@link AssistantTools}).
 */
public interface LanguageModel {

    /** Whether a model is configured for the tenant and its provider is believed to answer (the breaker is closed). */
    boolean available();

    /**
     * Streams one model call. Returns at once; the handler is called on a host thread, never the caller's: text as
     * it arrives, then exactly one of {@link ReplyHandler#complete} or {@link ReplyHandler#failed}.
     */
    void stream(ChatRequest request, ReplyHandler handler);

    /**
     * One model call, waiting for the whole reply (for background work, such as phrasing a recommendation).
     *
     * @throws ModelUnavailable when no model is configured or the provider failed or is out of service
     * @throws CreditsExhausted when the tenant used this month's credits
     */
    Reply chat(ChatRequest request);

    /** The tenant's credits this month. */
    Credits credits();
}

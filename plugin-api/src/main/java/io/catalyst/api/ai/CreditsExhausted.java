package io.catalyst.api.ai;

/** The tenant used this month's AI credits; no call reached the provider. Since API 0.8.0. */
public final class CreditsExhausted extends ModelException {

    private static final long serialVersionUID = 1L;

    public CreditsExhausted(String message) {
        super(message);
    }
}

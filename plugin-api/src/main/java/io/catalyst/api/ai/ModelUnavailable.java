package io.catalyst.api.ai;

/** No model is configured, or the provider failed, timed out or is out of service for a while. Since API 0.8.0. */
public final class ModelUnavailable extends ModelException {

    private static final long serialVersionUID = 1L;

    public ModelUnavailable(String message) {
        super(message);
    }
}

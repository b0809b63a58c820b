package io.catalyst.api.ai;

/** A model call that did not give a reply. Its message is written for the user and holds no provider detail. */
public abstract class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ModelException(String message) {
        super(message);
    }
}

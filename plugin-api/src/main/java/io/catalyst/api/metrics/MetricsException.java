package io.catalyst.api.metrics;

/** A metrics query or formula that cannot be answered as asked; the message says what to change. */
public class MetricsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MetricsException(String message) {
        super(message);
    }
}

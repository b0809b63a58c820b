package io.catalyst.plugins.calls.transcript;

/**
 * A transcript that cannot be used. The message is for the person who uploaded it: it says what is wrong and where
 * (for example "utterance 4: end 1200 ms is before start 1500 ms"), in words a non-engineer can act on.
 */
public final class TranscriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TranscriptException(String message) {
        super(message);
    }

    public TranscriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
